/*
 * Copyright 2026 The lattice-backup authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
  // The reading machinery behind BackupStoreCodec: for the command line only, not an API.
  exports dev.lattice.backup.model.io.internal to
      dev.lattice.backup.cli;
  // The endpoint parser and the constraint validators: the translation engine judges endpoints
  // with them; not an API.
  exports dev.lattice.backup.model.validation.internal to
      dev.lattice.backup.translate;

  opens dev.lattice.backup.model;
  opens dev.lattice.backup.model.validation;
  // A Bean Validation provider instantiates the constraint validators reflectively.
  opens dev.lattice.backup.model.validation.internal;
}
