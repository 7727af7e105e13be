/**
 * The BackupStore model: records, reading and writing, validation, the CRD.
 *
 * <p>Jackson, the fabric8 model, Bean Validation and JSpecify appear in this module's API and are
 * read transitively. The record and validation packages are open for deep reflection: Jackson binds
 * the records, and any Bean Validation provider reads their constraints.
 */
module dev.lattice.backup.model {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive jakarta.validation;
  requires transitive kubernetes.model.core;
  requires transitive org.jspecify;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.yaml.snakeyaml;

  exports dev.lattice.backup.model;
  exports dev.lattice.backup.model.crd;
  exports dev.lattice.backup.model.io;
  exports dev.lattice.backup.model.validation;

  opens dev.lattice.backup.model;
  opens dev.lattice.backup.model.validation;
}
