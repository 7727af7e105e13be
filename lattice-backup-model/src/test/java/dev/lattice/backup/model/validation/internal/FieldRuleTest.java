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
package dev.lattice.backup.model.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.validation.FieldError;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both sides of every boundary of every format rule in the validation table. */
class FieldRuleTest {

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "production-s3", "a.b.c", "0", "x-1.y-2"})
  void subdomainsAccepted(String v) {
    assertThat(FieldRule.DNS1123_SUBDOMAIN.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "-a", "a-", "a..b", "a_b", "a.-b", ".a", "a."})
  void subdomainsRejected(String v) {
    assertThat(FieldRule.DNS1123_SUBDOMAIN.check(v)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void subdomainLengthBoundaryIs253() {
    assertThat(FieldRule.DNS1123_SUBDOMAIN.accepts(repeat('a', 253))).isTrue();
    assertThat(FieldRule.DNS1123_SUBDOMAIN.check(repeat('a', 254)).orElseThrow().detail())
        .isEqualTo("must be no more than 253 characters");
  }

  @org.junit.jupiter.api.Test
  void labelLengthBoundaryIs63AndNoDots() {
    assertThat(FieldRule.DNS1123_LABEL.accepts(repeat('a', 63))).isTrue();
    assertThat(FieldRule.DNS1123_LABEL.accepts(repeat('a', 64))).isFalse();
    assertThat(FieldRule.DNS1123_LABEL.accepts("lattice-system")).isTrue();
    assertThat(FieldRule.DNS1123_LABEL.accepts("a.b")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "lattice-backups",
        "my.bucket.name",
        "1bucket9",
        "a-b.c-d",
        "xn-bucket",
        "bucket-s3alia",
        "bucket-ol-s3"
      })
  void s3BucketsAccepted(String v) {
    assertThat(FieldRule.S3_BUCKET.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "Bucket",
        "-bucket",
        "bucket-",
        ".bucket",
        "bucket.",
        "my..bucket",
        "192.168.5.4",
        "1.2.3.4",
        "xn--bucket",
        "bucket-s3alias",
        "bucket--ol-s3",
        "buc_ket",
        "buc ket"
      })
  void s3BucketsRejected(String v) {
    assertThat(FieldRule.S3_BUCKET.check(v)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void s3BucketLengthBoundariesAre3And63() {
    assertThat(FieldRule.S3_BUCKET.accepts("abc")).isTrue();
    assertThat(FieldRule.S3_BUCKET.accepts("ab")).isFalse();
    assertThat(FieldRule.S3_BUCKET.accepts(repeat('b', 63))).isTrue();
    assertThat(FieldRule.S3_BUCKET.check(repeat('b', 64)).orElseThrow().toString())
        .endsWith(": must be 3 to 63 characters");
    assertThat(FieldRule.S3_BUCKET.accepts("1.2.3.4a")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-1", "eu-central-2", "minio", "us-gov-west-1"})
  void regionsAccepted(String v) {
    assertThat(FieldRule.S3_REGION.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "US-EAST-1", "us_east_1", "us east", "-us", "us-"})
  void regionsRejected(String v) {
    assertThat(FieldRule.S3_REGION.check(v)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://minio.minio-system.svc:9000",
        "https://s3.fips.us-east-1.amazonaws.com",
        "HTTPS://host",
        "http://10.0.0.1:9000/",
        "https://host/path",
        "http://[2001:db8::1]:9000"
      })
  void endpointsAccepted(String v) {
    assertThat(FieldRule.S3_ENDPOINT.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "minio:9000",
        "ftp://host",
        "http://",
        "http:///path",
        "http://host?x=1",
        "http://host#top",
        "/path",
        "http:opaque",
        "http://host name"
      })
  void endpointsRejected(String v) {
    assertThat(FieldRule.S3_ENDPOINT.check(v)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://admin:s3cr3t@minio:9000",
        "https://s3cr3t@minio",
        "http://admin:s3cr3t@bad host",
        "http://admin:s3cr3t@host?x"
      })
  void endpointsWithUserInfoAreRejectedWithoutShowingIt(String v) {
    FieldError e = FieldRule.S3_ENDPOINT.check(v).orElseThrow();
    assertThat(e.toString())
        .doesNotContain("s3cr3t")
        .doesNotContain("admin")
        .doesNotContain("minio")
        .startsWith("Invalid value: must ");
    assertThat(e.badValue()).isEmpty();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(FieldRule.class)
  void onlyTheIdentityAndMetadataRulesShowTheValue(FieldRule rule) {
    FieldError e = rule.check("Not Valid!").orElseThrow();
    boolean shows =
        Set.of(
                FieldRule.API_VERSION,
                FieldRule.KIND,
                FieldRule.DNS1123_SUBDOMAIN,
                FieldRule.DNS1123_LABEL)
            .contains(rule);
    assertThat(e.badValue().isPresent()).as(rule.toString()).isEqualTo(shows);
    assertThat(e.toString().contains("Not Valid!")).as(e.toString()).isEqualTo(shows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "my_bucket", "my-bucket.example.com", "a1b"})
  void gcsBucketsAccepted(String v) {
    assertThat(FieldRule.GCS_BUCKET.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "goog-bucket",
        "googbucket",
        "my-google-bucket",
        "google",
        "Bucket",
        "_bucket",
        "bucket_",
        "-b-"
      })
  void gcsBucketsRejected(String v) {
    assertThat(FieldRule.GCS_BUCKET.check(v)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void gcsLengthBoundaries() {
    String part63 = repeat('g', 63);
    assertThat(FieldRule.GCS_BUCKET.accepts(part63)).isTrue();
    assertThat(FieldRule.GCS_BUCKET.accepts(repeat('g', 64))).isFalse();
    String dotted222 = part63 + "." + part63 + "." + part63 + "." + repeat('g', 30);
    assertThat(dotted222).hasSize(222);
    assertThat(FieldRule.GCS_BUCKET.accepts(dotted222)).isTrue();
    assertThat(FieldRule.GCS_BUCKET.accepts(dotted222 + "g")).isFalse();
    assertThat(FieldRule.GCS_BUCKET.accepts("a." + repeat('g', 64))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "backups-2026", "a1-b2-c3"})
  void azureContainersAccepted(String v) {
    assertThat(FieldRule.AZURE_CONTAINER.check(v)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "a--b", "-abc", "abc-", "Abc", "a_bc", "a.bc"})
  void azureContainersRejected(String v) {
    assertThat(FieldRule.AZURE_CONTAINER.check(v)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void azureLengthBoundaries() {
    assertThat(FieldRule.AZURE_CONTAINER.accepts(repeat('c', 63))).isTrue();
    assertThat(FieldRule.AZURE_CONTAINER.accepts(repeat('c', 64))).isFalse();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts("abc")).isTrue();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts("ab")).isFalse();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts(repeat('s', 24))).isTrue();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts(repeat('s', 25))).isFalse();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts("Account1")).isFalse();
    assertThat(FieldRule.AZURE_STORAGE_ACCOUNT.accepts("acc-1")).isFalse();
  }

  @org.junit.jupiter.api.Test
  void apiVersionAndKindMustBeExact() {
    assertThat(FieldRule.API_VERSION.accepts("lattice.dev/v1alpha1")).isTrue();
    assertThat(FieldRule.API_VERSION.check("lattice.dev/v1").orElseThrow().message())
        .isEqualTo(
            "Unsupported value: \"lattice.dev/v1\": supported values: \"lattice.dev/v1alpha1\"");
    assertThat(FieldRule.KIND.accepts("BackupStore")).isTrue();
    assertThat(FieldRule.KIND.accepts("backupstore")).isFalse();
  }

  @org.junit.jupiter.api.Test
  void aLongDottedGcsBucketIsJudgedByItsPartsNotByTheUndottedLimit() {
    // a dot anywhere, even first, allows up to 222 characters; this name fails on its first
    // character only
    String name = "." + "a".repeat(40) + "." + "b".repeat(40);

    assertThat(FieldRule.GCS_BUCKET.check(name).orElseThrow().detail())
        .isEqualTo("must start and end with a lowercase letter or digit");
  }
}
