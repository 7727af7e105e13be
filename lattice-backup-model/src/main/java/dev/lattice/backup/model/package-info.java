/**
 * The BackupStore resource ({@code lattice.dev/v1alpha1}) as immutable records: spec, status,
 * metadata and conditions, with Jackson mapping and Bean Validation constraints.
 *
 * <p>Layer: model, the bottom of the library. It may depend on Jackson, fabric8's model types (for
 * conversions only) and the Bean Validation API; never on the translate or reconcile layers, and
 * never on anything that performs I/O.
 *
 * <p>Nullability rule: optional fields are {@link java.util.Optional} and never null; collections
 * are never null; required fields are plain references that may be null only in an object that has
 * not been validated.
 */
@NullMarked
package dev.lattice.backup.model;

import org.jspecify.annotations.NullMarked;
