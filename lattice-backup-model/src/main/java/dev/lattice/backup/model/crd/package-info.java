/**
 * The BackupStore CustomResourceDefinition ({@code backupstores.lattice.dev}) that this library's
 * model describes, as the YAML manifest to install in a cluster.
 *
 * <p>Layer: model. The manifest is a resource of the model's jar; its schema and CEL rules mirror
 * the records and validation rules of {@link dev.lattice.backup.model}, and the model's tests prove
 * that the two agree.
 */
@NullMarked
package dev.lattice.backup.model.crd;

import org.jspecify.annotations.NullMarked;
