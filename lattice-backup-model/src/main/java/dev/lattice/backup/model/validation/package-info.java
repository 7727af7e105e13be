/**
 * The validation rules of a BackupStore and the {@link
 * dev.lattice.backup.model.validation.FieldError} value every layer reports problems with.
 *
 * <p>Layer: model. Rules are pure functions ({@link dev.lattice.backup.model.validation.FieldRule},
 * the cross-field rules), exposed twice: as Bean Validation constraints for any provider, and
 * through {@link dev.lattice.backup.model.validation.BackupStoreValidator}, which needs no
 * provider. Depends only on the model records and the Bean Validation API.
 */
@NullMarked
package dev.lattice.backup.model.validation;

import org.jspecify.annotations.NullMarked;
