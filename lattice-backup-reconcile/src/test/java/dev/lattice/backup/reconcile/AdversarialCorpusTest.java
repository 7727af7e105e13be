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
package dev.lattice.backup.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.plan.internal.Conditions;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile BackupStores, one file per rule of the trust boundary ({@code
 * src/test/resources/.../adversarial}), each run through the reconciler with the default options
 * against an in-memory cluster, as a tenant namespace admin would try it. Each file says what it
 * tries and what must happen ({@code # expect-reason}, {@code # expect-message}, or {@code #
 * expect-read-error} for what strict reading must refuse); nothing it names may appear in Velero's
 * namespace, and the store never goes Ready.
 */
class AdversarialCorpusTest {
  private static final String DIR = "adversarial/";
  private static final List<String> FILES =
      List.of(
          "01-tenant-names-no-credentials.yaml",
          "02-tenant-borrows-a-cloudprovider.yaml",
          "03-platform-store-names-no-credentials.yaml",
          "04-store-in-veleros-namespace.yaml",
          "05-loopback-as-one-decimal-number.yaml",
          "06-metadata-as-octal-dotted-quad.yaml",
          "07-metadata-as-hex-number.yaml",
          "08-metadata-as-ipv4-mapped-ipv6.yaml",
          "09-metadata-as-nat64-ipv6.yaml",
          "10-aws-metadata-over-ipv6.yaml",
          "11-gcp-metadata-name-with-trailing-dot.yaml",
          "12-unspecified-address.yaml",
          "13-ipv6-loopback-long-form.yaml",
          "14-link-local-ipv6.yaml",
          "15-localhost-subdomain.yaml",
          "16-percent-encoded-host.yaml",
          "17-user-info-with-url-special-password.yaml",
          "18-credentials-in-a-query.yaml",
          "19-tenant-in-cluster-service.yaml",
          "20-tenant-service-by-search-path.yaml",
          "21-tenant-private-address.yaml",
          "22-tenant-private-use-name.yaml",
          "23-secret-already-at-the-mirrors-name.yaml",
          "24-bsl-already-at-the-name.yaml",
          "25-a-configmap.yaml",
          "26-a-backupstore-without-spec.yaml");

  /** One corpus file: its text and what it expects. */
  record Entry(
      String file,
      String text,
      List<String> setup,
      Optional<String> reason,
      List<String> messages,
      List<String> readErrors) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Entry> corpus() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = AdversarialCorpusTest.class.getResourceAsStream(DIR + file)) {
        assertThat(in).as(file).isNotNull();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String> setup = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<String> readErrors = new ArrayList<>();
        Optional<String> reason = Optional.empty();
        for (String line : text.split("\n")) {
          if (line.startsWith("# setup: ")) {
            setup.add(line.substring(9));
          } else if (line.startsWith("# expect-reason: ")) {
            reason = Optional.of(line.substring(17));
          } else if (line.startsWith("# expect-message: ")) {
            messages.add(line.substring(18));
          } else if (line.startsWith("# expect-read-error: ")) {
            readErrors.add(line.substring(21));
          }
        }
        assertThat(reason.isPresent() || !readErrors.isEmpty()).as(file).isTrue();
        out.add(new Entry(file, text, setup, reason, messages, readErrors));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyHostileStoreIsRefusedAsItsFileSays(Entry entry) {
    if (!entry.readErrors().isEmpty()) {
      BackupStoreReadException e =
          catchThrowableOfType(
              BackupStoreReadException.class, () -> BackupStoreCodec.strict().read(entry.text()));
      assertThat(e).as(entry.file()).isNotNull();
      List<String> errors = e.errors().stream().map(FieldError::toString).toList();
      for (String expected : entry.readErrors()) {
        assertThat(errors).as(entry.file()).anyMatch(err -> err.contains(expected));
      }
      return;
    }
    BackupStore store = BackupStoreCodec.strict().read(entry.text());
    World w = new World(ReconcileOptions.defaults());
    StoreKey key = StoreKey.of(store);
    String bslName = Translator.bslName(key.namespace(), key.name(), w.options.translation());
    w.cluster.putSecret(key.namespace(), "minio-creds", Fixtures.cloud("tenant-key"));
    if (entry.setup().contains("foreign-secret-at-mirror")) {
      w.cluster.putSecret(Fixtures.VELERO, bslName + "-credentials", Fixtures.cloud("theirs"));
    }
    if (entry.setup().contains("foreign-bsl-at-name")) {
      w.cluster.putForeignBsl(
          new BackupStorageLocation(
              ObjectMetadata.builder().namespace(Fixtures.VELERO).name(bslName).build(),
              new BslSpec(
                  "gcp",
                  new ObjectStorage("their-bucket", Optional.empty()),
                  Map.of(),
                  Optional.empty(),
                  false)));
    }
    List<String> before = ours(w);
    var secretsBefore = w.cluster.secrets();
    w.create(store);

    w.reconcile();
    w.cluster.velero().validateAll();
    w.reconcile();

    BackupStoreStatus status = w.status(key.namespace(), key.name());
    Condition ready = status.condition(Conditions.READY).orElseThrow();
    assertThat(status.phase()).as(entry.file()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(ready.reason()).as(entry.file()).isEqualTo(entry.reason().orElseThrow());
    for (String expected : entry.messages()) {
      assertThat(ready.message()).as(entry.file()).contains(expected);
    }
    assertThat(ours(w)).as("nothing written to Velero's namespace").isEqualTo(before);
    assertThat(w.cluster.secrets()).as("no Secret written or deleted").isEqualTo(secretsBefore);
    assertThat(w.cluster.foreignWrites()).isEmpty();

    w.cluster.deleteStore(key);
    w.reconcile();
    assertThat(w.cluster.store(key)).as("its finalizer is released").isEmpty();
    assertThat(ours(w)).as("nothing foreign deleted").isEqualTo(before);
    assertThat(w.cluster.secrets()).isEqualTo(secretsBefore);
  }

  /** The BSLs as written by anyone but Velero: name, labels, annotations and spec. */
  private static List<String> ours(World w) {
    return w.cluster.bsls().stream()
        .map(
            b ->
                b.name()
                    + " "
                    + b.metadata().labels()
                    + " "
                    + b.metadata().annotations()
                    + " "
                    + b.spec())
        .toList();
  }

  @Test
  void aTenantStoreThatDropsItsCredentialsLaterKeepsItsLastGoodBslAndIsNeverReadyWithout() {
    World w = new World(ReconcileOptions.defaults());
    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("tenant-key"));
    BackupStore store =
        w.create(Fixtures.store("team-a", "g", false, Fixtures.gcs("team-bucket", "gcs-key")));
    StoreKey key = StoreKey.of(store);
    w.reconcile();
    w.cluster.velero().validateAll();
    w.reconcile();
    assertThat(w.status("team-a", "g").phase()).isEqualTo(BackupStorePhase.READY);
    ObservedBsl good = w.cluster.bsls().get(0);

    w.cluster.updateStoreSpec(
        key, new BackupStoreSpec(false, store.spec().storage().withCredentialsSecretRef(null)));
    w.reconcile();
    w.cluster.velero().validateAll();
    w.reconcile();

    assertThat(w.status("team-a", "g").phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(w.status("team-a", "g").condition(Conditions.SPEC_VALID).orElseThrow().message())
        .contains("spec.storage.credentialsSecretRef: Required value");
    assertThat(w.cluster.bsls())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.spec()).isEqualTo(good.spec());
              assertThat(b.spec().credential()).as("never a BSL without credentials").isPresent();
            });
  }
}
