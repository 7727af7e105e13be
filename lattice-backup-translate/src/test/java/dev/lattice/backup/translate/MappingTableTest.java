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
package dev.lattice.backup.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per cell of the provider mapping table, and per option that changes the output. */
class MappingTableTest {
  private static final TranslationOptions OPTIONS = Stores.PLATFORM_DEFAULT_CREDENTIALS;

  private static BslSpec spec(BackupStorageSpec storage, TranslationOptions options) {
    var result = Translator.translate(Stores.store("lattice-system", "x", storage), options);
    return ((TranslationResult.Translated) result).bsl().spec();
  }

  @Test
  void s3() {
    BslSpec spec =
        spec(BackupStorageSpec.s3(S3StorageConfig.of("b-1").withRegion("us-west-2")), OPTIONS);
    assertThat(spec.provider()).isEqualTo("aws");
    assertThat(spec.objectStorage().bucket()).isEqualTo("b-1");
    assertThat(spec.objectStorage().prefix()).contains("lattice-x");
    assertThat(spec.config()).isEqualTo(Map.of("region", "us-west-2"));
    assertThat(spec.credential()).isEmpty();
  }

  @Test
  void s3WithEndpointAndPathStyle() {
    BslSpec spec =
        spec(
            BackupStorageSpec.s3(
                S3StorageConfig.of("b-1")
                    .withRegion("us-west-2")
                    .withEndpoint("https://vpce.example")
                    .withForcePathStyle(true)),
            OPTIONS);
    assertThat(spec.config())
        .isEqualTo(
            Map.of(
                "region",
                "us-west-2",
                "s3Url",
                "https://vpce.example",
                "s3ForcePathStyle",
                "true"));
  }

  @Test
  void s3WithEndpointOnly() {
    BslSpec spec =
        spec(
            BackupStorageSpec.s3(
                S3StorageConfig.of("b-1")
                    .withRegion("us-west-2")
                    .withEndpoint("https://vpce.example")),
            OPTIONS);
    assertThat(spec.config())
        .isEqualTo(Map.of("region", "us-west-2", "s3Url", "https://vpce.example"));
  }

  @Test
  void s3WithPathStyleOnly() {
    BslSpec spec =
        spec(
            BackupStorageSpec.s3(
                S3StorageConfig.of("b-1").withRegion("us-west-2").withForcePathStyle(false)),
            OPTIONS);
    assertThat(spec.config()).isEqualTo(Map.of("region", "us-west-2", "s3ForcePathStyle", "false"));
  }

  @Test
  void s3Compatible() {
    BslSpec spec =
        spec(
            BackupStorageSpec.s3Compatible(
                S3StorageConfig.of("b-2")
                    .withRegion("home")
                    .withEndpoint("http://ceph:7480")
                    .withForcePathStyle(false)),
            OPTIONS);
    assertThat(spec.provider()).isEqualTo("aws");
    assertThat(spec.objectStorage().bucket()).isEqualTo("b-2");
    assertThat(spec.config())
        .isEqualTo(
            Map.of("region", "home", "s3Url", "http://ceph:7480", "s3ForcePathStyle", "false"));
  }

  @Test
  void gcs() {
    BslSpec spec = spec(BackupStorageSpec.gcs(GcsStorageConfig.of("g_bucket")), OPTIONS);
    assertThat(spec.provider()).isEqualTo("gcp");
    assertThat(spec.objectStorage().bucket()).isEqualTo("g_bucket");
    assertThat(spec.config()).isEmpty();
  }

  @Test
  void azure() {
    BslSpec spec =
        spec(
            BackupStorageSpec.azure(AzureStorageConfig.of("box-1").withStorageAccount("acct")),
            OPTIONS);
    assertThat(spec.provider()).isEqualTo("azure");
    assertThat(spec.objectStorage().bucket()).isEqualTo("box-1");
    assertThat(spec.config()).isEqualTo(Map.of("storageAccount", "acct"));
  }

  @Test
  void qualifiedProviderNames() {
    var qualified = OPTIONS.toBuilder().providerNaming(ProviderNaming.QUALIFIED).build();
    assertThat(spec(BackupStorageSpec.gcs(GcsStorageConfig.of("g_bucket")), qualified).provider())
        .isEqualTo("velero.io/gcp");
  }

  @Test
  void cloudProviderCredentialsFollowTheOptions() {
    var storage =
        BackupStorageSpec.gcs(GcsStorageConfig.of("g_bucket")).withCloudProviderRef("gcp-prod");
    assertThat(spec(storage, OPTIONS).credential())
        .contains(new SecretKeyRef("velero-credentials-gcp-prod", "cloud"));
    var custom =
        OPTIONS.toBuilder()
            .cloudProviderCredentials(ref -> new SecretKeyRef("cp-" + ref, "key.json"))
            .build();
    assertThat(spec(storage, custom).credential())
        .contains(new SecretKeyRef("cp-gcp-prod", "key.json"));
  }

  @Test
  void labelsAndAnnotationPointBackToTheStore() {
    var result =
        Translator.translate(
            Stores.store(
                "team-a",
                "n".repeat(64),
                BackupStorageSpec.gcs(GcsStorageConfig.of("g_bucket"))
                    .withCredentialsSecretRef("gcs-key")),
            OPTIONS);
    var meta = ((TranslationResult.Translated) result).bsl().metadata();
    assertThat(meta.labels())
        .containsEntry("app.kubernetes.io/managed-by", "lattice-backup")
        .containsEntry("lattice.dev/backup-store-namespace", "team-a")
        .doesNotContainKey("lattice.dev/backup-store-name");
    assertThat(meta.annotations())
        .containsEntry("lattice.dev/backup-store", "team-a/" + "n".repeat(64));
  }
}
