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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.defaults.DefaultReason;
import dev.lattice.backup.translate.defaults.DefaultSelection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a plan, a selection and a resolution tell the user: every rejected store, by name. */
class PlanReportingTest {
  private static final TranslationOptions OPTIONS = TranslationOptions.defaults();
  private static final BackupStorageSpec GCS =
      BackupStorageSpec.gcs(GcsStorageConfig.of("bucket")).withCredentialsSecretRef("gcs-key");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void twoStoresWithOneKeyAreBothRejectedNamingTheKey() {
    BackupStore a = Stores.defaultStore("lattice-system", "dup", GCS, T);
    BackupStore b = Stores.defaultStore("lattice-system", "dup", GCS, T.plusSeconds(1));
    BackupStore other = Stores.store("team-a", "fine", GCS);

    TranslationPlan plan = Translator.translateAll(List.of(a, other, b), List.of(), OPTIONS);

    StoreKey dup = new StoreKey("lattice-system", "dup");
    assertThat(plan.rejections()).containsOnlyKeys(dup);
    assertThat(plan.rejections().get(dup).errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "metadata.name: Duplicate value: \"lattice-system/dup\": another BackupStore has the"
                + " same namespace and name");
    assertThat(plan.selection().winner()).isEmpty();
  }

  @Test
  void aDuplicatedKeyNeitherWinsNorResolves() {
    BackupStore a = Stores.defaultStore("lattice-system", "dup", GCS, T);
    List<BackupStore> stores = List.of(a, a);

    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    assertThat(selection.winner()).isEmpty();
    assertThat(selection.whyNot(new StoreKey("lattice-system", "dup")).orElseThrow().reason())
        .isEqualTo(DefaultReason.INVALID_SPEC);
    assertThat(Translator.resolve(Optional.of("dup"), "lattice-system", stores, selection, OPTIONS))
        .isInstanceOf(Resolution.NotFound.class);
  }

  @Test
  void noDefaultListsEveryAskerWithItsReason() {
    BackupStore tenant = Stores.defaultStore("team-a", "b", GCS, T);
    List<BackupStore> stores = List.of(tenant);
    DefaultSelection selection = Translator.selectDefault(stores, List.of(), OPTIONS);

    Resolution r = Translator.resolve(Optional.empty(), "team-a", stores, selection, OPTIONS);

    assertThat(r)
        .isEqualTo(
            new Resolution.NoDefault(
                List.of(
                    "team-a/b: NotAllowedInNamespace: only stores in namespace lattice-system may"
                        + " be the cluster default")));
  }

  @Test
  void aStoreWithoutMetadataIsRejectedNotThrown() {
    BackupStore bare =
        new BackupStore(
            BackupStore.API_VERSION,
            BackupStore.KIND,
            null,
            BackupStoreSpec.of(GCS),
            Optional.empty());

    TranslationResult result = Translator.translate(bare, OPTIONS);

    assertThat(result).isInstanceOf(TranslationResult.Rejected.class);
    assertThat(((TranslationResult.Rejected) result).errors())
        .extracting(FieldError::path)
        .containsExactly("metadata");
  }

  @Test
  void aMirrorDescribesBothSecretsAndNoData() {
    BackupStore store = Stores.store("team-a", "b", GCS.withCredentialsSecretRef("creds"));

    CredentialMirror mirror =
        ((TranslationResult.Translated) Translator.translate(store, OPTIONS))
            .mirror()
            .orElseThrow();

    assertThat(mirror.toString())
        .isEqualTo(
            "copy Secret team-a/creds key \"cloud\" to velero/"
                + Translator.bslName("team-a", "b", OPTIONS)
                + "-credentials");
  }

  @Test
  void unusableOptionsAreRefusedNamingTheOption() {
    TranslationOptions.Builder b = OPTIONS.toBuilder();

    assertThatThrownBy(() -> b.veleroNamespace("Velero_NS").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("veleroNamespace: ");
    assertThatThrownBy(() -> OPTIONS.toBuilder().platformNamespace("-x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("platformNamespace: ");
    assertThatThrownBy(() -> OPTIONS.toBuilder().pathStyleRegion("Not A Region").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pathStyleRegion: ");
    assertThat(OPTIONS.toBuilder().veleroNamespace("backup").build().veleroNamespace())
        .isEqualTo("backup");
  }
}
