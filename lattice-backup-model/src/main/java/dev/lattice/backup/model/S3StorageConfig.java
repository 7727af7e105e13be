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
package dev.lattice.backup.model;

import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * S3 or S3-compatible storage ({@code spec.storage.s3}).
 *
 * @param bucket the S3 bucket name; required (null only in an unvalidated store)
 * @param region the AWS region, such as {@code us-east-1}; required for provider {@code s3}
 * @param endpoint a custom endpoint URL, such as {@code http://minio.minio-system.svc:9000};
 *     required for provider {@code s3Compatible}, allowed for {@code s3} (VPC or FIPS endpoints)
 * @param forcePathStyle path-style addressing instead of virtual-hosted style; required for
 *     provider {@code s3Compatible}
 */
public record S3StorageConfig(
    @NotNull(message = "Required value") @Satisfies(FieldRule.S3_BUCKET) @Nullable String bucket,
    @Satisfies(FieldRule.S3_REGION) Optional<String> region,
    @Satisfies(FieldRule.S3_ENDPOINT) Optional<String> endpoint,
    Optional<Boolean> forcePathStyle) {

  /**
   * Normalises absent optionals to {@link Optional#empty()}.
   *
   * @param bucket the S3 bucket name; required (null only in an unvalidated store)
   * @param region the AWS region, such as {@code us-east-1}; required for provider {@code s3}
   * @param endpoint a custom endpoint URL, such as {@code http://minio.minio-system.svc:9000};
   *     required for provider {@code s3Compatible}, allowed for {@code s3} (VPC or FIPS endpoints)
   * @param forcePathStyle path-style addressing instead of virtual-hosted style; required for
   *     provider {@code s3Compatible}
   */
  public S3StorageConfig {
    region = Objects.requireNonNullElse(region, Optional.empty());
    endpoint = Objects.requireNonNullElse(endpoint, Optional.empty());
    forcePathStyle = Objects.requireNonNullElse(forcePathStyle, Optional.empty());
  }

  /**
   * A configuration naming only the bucket.
   *
   * @param bucket the bucket name
   * @return the configuration
   */
  public static S3StorageConfig of(@Nullable String bucket) {
    return new S3StorageConfig(bucket, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A copy with another bucket.
   *
   * @param value the bucket name
   * @return the copy
   */
  public S3StorageConfig withBucket(@Nullable String value) {
    return new S3StorageConfig(value, region, endpoint, forcePathStyle);
  }

  /**
   * A copy with the region set, or cleared when {@code value} is null.
   *
   * @param value the region, or null
   * @return the copy
   */
  public S3StorageConfig withRegion(@Nullable String value) {
    return new S3StorageConfig(bucket, Optional.ofNullable(value), endpoint, forcePathStyle);
  }

  /**
   * A copy with the endpoint set, or cleared when {@code value} is null.
   *
   * @param value the endpoint URL, or null
   * @return the copy
   */
  public S3StorageConfig withEndpoint(@Nullable String value) {
    return new S3StorageConfig(bucket, region, Optional.ofNullable(value), forcePathStyle);
  }

  /**
   * A copy with path-style addressing set, or cleared when {@code value} is null.
   *
   * @param value whether to force path style, or null
   * @return the copy
   */
  public S3StorageConfig withForcePathStyle(@Nullable Boolean value) {
    return new S3StorageConfig(bucket, region, endpoint, Optional.ofNullable(value));
  }

  /**
   * The record's usual form, with the endpoint redacted (a query or fragment hidden, and everything
   * after the scheme when it holds an {@code @}) and every value its rule refuses shown as {@code
   * <invalid>}, so that a store printed by accident (in a log line, say) never shows credentials
   * written into its endpoint or pasted into another field.
   */
  @Override
  public String toString() {
    return "S3StorageConfig[bucket="
        + Shown.value(FieldRule.S3_BUCKET, bucket)
        + ", region="
        + Shown.value(FieldRule.S3_REGION, region)
        + ", endpoint="
        + Shown.value(FieldRule.S3_ENDPOINT, endpoint)
        + ", forcePathStyle="
        + forcePathStyle
        + "]";
  }
}
