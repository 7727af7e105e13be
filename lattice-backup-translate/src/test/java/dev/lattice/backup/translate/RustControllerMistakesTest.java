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
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One regression test per mistake of an earlier controller of this resource (written in Rust), each
 * test named for the mistake it guards against.
 */
class RustControllerMistakesTest {
  private static final TranslationOptions OPTIONS = Stores.PLATFORM_DEFAULT_CREDENTIALS;
  private static final BackupStorageSpec GCS = BackupStorageSpec.gcs(GcsStorageConfig.of("bucket"));

  private static BackupStorageLocation bsl(TranslationResult result) {
    assertThat(result).isInstanceOf(TranslationResult.Translated.class);
    return ((TranslationResult.Translated) result).bsl();
  }

  @Test
  void sameNameInTwoNamespacesGivesTwoLocations() {
    var tenant = GCS.withCredentialsSecretRef("gcs-key");
    String a = bsl(Translator.translate(Stores.store("team-a", "backups", tenant), OPTIONS)).name();
    String b = bsl(Translator.translate(Stores.store("team-b", "backups", tenant), OPTIONS)).name();
    String platform =
        bsl(Translator.translate(Stores.store("lattice-system", "backups", GCS), OPTIONS)).name();

    assertThat(List.of(a, b, platform)).doesNotHaveDuplicates();
    assertThat(platform).isEqualTo("lattice-backups");
  }

  @Test
  void forcePathStyleFalseIsKeptForAnEndpoint() {
    var s3 =
        S3StorageConfig.of("bucket")
            .withRegion("eu-west-1")
            .withEndpoint("https://s3.fips.eu-west-1.amazonaws.com")
            .withForcePathStyle(false);
    var spec =
        bsl(Translator.translate(
                Stores.store("lattice-system", "s", BackupStorageSpec.s3(s3)), OPTIONS))
            .spec();

    assertThat(spec.config())
        .isEqualTo(
            Map.of(
                "region", "eu-west-1",
                "s3ForcePathStyle", "false",
                "s3Url", "https://s3.fips.eu-west-1.amazonaws.com"));
  }

  @Test
  void pathStyleWithoutARegionGetsTheDefaultRegion() {
    var s3 =
        S3StorageConfig.of("bucket").withEndpoint("http://minio:9000").withForcePathStyle(true);
    var spec =
        bsl(Translator.translate(
                Stores.store("lattice-system", "m", BackupStorageSpec.s3Compatible(s3)), OPTIONS))
            .spec();
    var custom = OPTIONS.toBuilder().pathStyleRegion("minio").build();
    var customSpec =
        bsl(Translator.translate(
                Stores.store("lattice-system", "m", BackupStorageSpec.s3Compatible(s3)), custom))
            .spec();

    assertThat(spec.config()).containsEntry("region", "us-east-1");
    assertThat(customSpec.config()).containsEntry("region", "minio");
  }

  @Test
  void azureGetsItsStorageAccountAndIsRejectedWithoutOne() {
    var withAccount =
        BackupStorageSpec.azure(AzureStorageConfig.of("box").withStorageAccount("acct1"));
    var without = BackupStorageSpec.azure(AzureStorageConfig.of("box"));

    assertThat(
            bsl(Translator.translate(Stores.store("lattice-system", "z", withAccount), OPTIONS))
                .spec()
                .config())
        .isEqualTo(Map.of("storageAccount", "acct1"));
    assertThat(Translator.translate(Stores.store("lattice-system", "z", without), OPTIONS))
        .isEqualTo(
            new TranslationResult.Rejected(
                List.of(
                    FieldError.of(
                        "spec.storage.azure.storageAccount",
                        FieldError.Type.REQUIRED,
                        "Velero's azure plugin requires storageAccount"))));
  }

  @Test
  void credentialsSecretRefIsHonoured() {
    var spec = GCS.withCredentialsSecretRef("gcs-key");

    var veleroIsPlatform =
        OPTIONS.toBuilder()
            .trust(OPTIONS.trust().withPlatformNamespaces(java.util.Set.of("velero")))
            .build();
    var inVelero =
        (TranslationResult.Translated)
            Translator.translate(Stores.store("velero", "g", spec), veleroIsPlatform);
    var elsewhere =
        (TranslationResult.Translated)
            Translator.translate(Stores.store("team-a", "g", spec), OPTIONS);

    assertThat(inVelero.bsl().spec().credential()).contains(new SecretKeyRef("gcs-key", "cloud"));
    assertThat(inVelero.mirror()).isEmpty();
    assertThat(elsewhere.mirror()).isPresent();
    assertThat(elsewhere.bsl().spec().credential().orElseThrow().name())
        .isEqualTo(elsewhere.mirror().orElseThrow().targetName())
        .isNotEqualTo("gcs-key");
  }

  @Test
  void aTenantCannotBorrowThePlatformsCloudCredentials() {
    var spec = GCS.withCloudProviderRef("aws-prod");

    TranslationResult tenant = Translator.translate(Stores.store("team-a", "g", spec), OPTIONS);
    TranslationResult allowed =
        Translator.translate(
            Stores.store("team-a", "g", spec),
            OPTIONS.toBuilder().tenantCloudProviders(true).build());

    assertThat(tenant).isInstanceOf(TranslationResult.Rejected.class);
    assertThat(((TranslationResult.Rejected) tenant).errors())
        .extracting(FieldError::path, FieldError::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.storage.cloudProviderRef", FieldError.Type.FORBIDDEN));
    assertThat(bsl(allowed).spec().credential())
        .contains(new SecretKeyRef("velero-credentials-aws-prod", "cloud"));
    assertThat(
            bsl(Translator.translate(Stores.store("lattice-system", "g", spec), OPTIONS))
                .spec()
                .credential())
        .contains(new SecretKeyRef("velero-credentials-aws-prod", "cloud"));
  }

  @Test
  void neverMoreThanOneDefault() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    var plan =
        Translator.translateAll(
            List.of(
                Stores.defaultStore("lattice-system", "newer", GCS, t.plusSeconds(60)),
                Stores.defaultStore("lattice-system", "older", GCS, t),
                Stores.defaultStore(
                    "team-a", "tenant", GCS.withCredentialsSecretRef("k"), t.minusSeconds(60))),
            List.of(),
            OPTIONS);

    assertThat(plan.locations()).filteredOn(l -> l.spec().isDefault()).hasSize(1);
    assertThat(plan.selection().winner()).contains(new StoreKey("lattice-system", "older"));
  }
}
