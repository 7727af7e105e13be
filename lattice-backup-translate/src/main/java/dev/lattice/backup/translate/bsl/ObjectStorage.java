package dev.lattice.backup.translate.bsl;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in the object store a location keeps its backups ({@code spec.objectStorage}).
 *
 * @param bucket the bucket (or Azure container)
 * @param prefix the path inside the bucket under which everything is stored
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ObjectStorage(String bucket, Optional<String> prefix) {
  /**
   * Checks nothing is null.
   *
   * @param bucket the bucket
   * @param prefix the path inside the bucket
   */
  public ObjectStorage {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
  }
}
