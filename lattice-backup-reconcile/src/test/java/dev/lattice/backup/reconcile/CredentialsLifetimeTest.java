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

import static dev.lattice.backup.reconcile.Fixtures.PLATFORM;
import static dev.lattice.backup.reconcile.Fixtures.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import dev.lattice.backup.translate.internal.trust.TrustBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How long a store's credentials live in Velero's namespace, and which CA bundle its location
 * trusts: the copy follows the source Secret, dies with it (gone, or without its key, or no longer
 * named), and a {@code ca.crt} beside the credentials travels with them into {@code caCertRef}.
 */
class CredentialsLifetimeTest {
  static final String CA = testCa();
  private static final StoreKey GCS = new StoreKey("team-a", "gcs");

  static String testCa() {
    try (InputStream in =
        CredentialsLifetimeTest.class.getResourceAsStream("/dev/lattice/backup/reconcile/ca.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no test CA", e);
    }
  }

  private static SecretData data(String cloud, Optional<String> ca) {
    java.util.TreeMap<String, byte[]> m = new java.util.TreeMap<>();
    m.put("cloud", cloud.getBytes(StandardCharsets.UTF_8));
    ca.ifPresent(c -> m.put(TrustBundle.KEY, c.getBytes(StandardCharsets.UTF_8)));
    return SecretData.of(m);
  }

  private static Condition ready(BackupStoreStatus status) {
    return status.conditions().stream()
        .filter(c -> c.type().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  /** A tenant's GCS store, reconciled once with its Secret in place. */
  private static World tenantStore(SecretData secret) {
    World w = new World();
    w.cluster.putSecret("team-a", "gcs-key", secret);
    w.create(Fixtures.store("team-a", "gcs", false, Fixtures.gcs("team-a-backups", "gcs-key")));
    w.reconcile();
    return w;
  }

  private static String bslName(World w) {
    return w.status("team-a", "gcs").veleroBslName().orElseThrow();
  }

  /** Every Secret value in Velero's namespace, as text. */
  private static String veleroSecrets(World w) {
    StringBuilder all = new StringBuilder();
    w.cluster
        .secrets()
        .forEach(
            (name, data) -> {
              if (name.startsWith(VELERO + "/")) {
                data.toMap()
                    .values()
                    .forEach(v -> all.append(new String(v, StandardCharsets.UTF_8)));
              }
            });
    return all.toString();
  }

  @Test
  void aDeletedSourceTakesTheCopyWithItAndTheLocationStays() {
    World w = tenantStore(Fixtures.cloud("old-key"));
    String bsl = bslName(w);
    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).contains(Fixtures.cloud("old-key"));

    w.cluster.deleteSecret("team-a", "gcs-key");
    w.reconcile();

    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).isEmpty();
    assertThat(veleroSecrets(w)).doesNotContain("old-key");
    assertThat(w.cluster.bsl(bsl)).isPresent();
    w.cluster.velero().validateAll();
    assertThat(w.cluster.bsl(bsl).orElseThrow().message())
        .contains("unable to get credentials: Secret velero/" + bsl + "-credentials not found");
    BackupStoreStatus status = w.status("team-a", "gcs");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(ready(status).reason()).isEqualTo("CredentialsUnavailable");
    assertThat(ready(status).message())
        .isEqualTo(
            "Secret team-a/gcs-key does not exist; no copy of its credentials is kept in Velero's"
                + " namespace");

    w.cluster.putSecret("team-a", "gcs-key", Fixtures.cloud("new-key"));
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).contains(Fixtures.cloud("new-key"));
  }

  @Test
  void aSourceThatLosesItsKeyLosesTheCopy() {
    World w = tenantStore(Fixtures.cloud("old-key"));
    String bsl = bslName(w);

    w.cluster.putSecret(
        "team-a", "gcs-key", SecretData.of(Map.of("other", "x".getBytes(StandardCharsets.UTF_8))));
    w.reconcile();

    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).isEmpty();
    assertThat(veleroSecrets(w)).doesNotContain("old-key");
    assertThat(ready(w.status("team-a", "gcs")).message())
        .startsWith("Secret team-a/gcs-key has no key \"cloud\"");
  }

  @Test
  void switchingToAnotherSecretReplacesTheCopyAndSwitchingToAMissingOneDeletesIt() {
    World w = tenantStore(Fixtures.cloud("old-key"));
    String bsl = bslName(w);
    w.cluster.putSecret("team-a", "other-key", Fixtures.cloud("other-value"));

    w.cluster.updateStoreSpec(
        GCS, new BackupStoreSpec(false, Fixtures.gcs("team-a-backups", "other-key")));
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, bsl + "-credentials"))
        .contains(Fixtures.cloud("other-value"));
    assertThat(veleroSecrets(w)).doesNotContain("old-key");

    w.cluster.updateStoreSpec(
        GCS, new BackupStoreSpec(false, Fixtures.gcs("team-a-backups", "missing-key")));
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).isEmpty();
    assertThat(veleroSecrets(w)).doesNotContain("other-value").doesNotContain("old-key");
  }

  @Test
  void aSourceThatCannotBeReadKeepsTheCopyAndTheStoreIsNotReady() {
    World w = tenantStore(Fixtures.cloud("old-key"));
    String bsl = bslName(w);

    // calls 1-3 list the stores, the BSLs and the mirrored Secrets; call 4 reads the source
    w.cluster.faults().failNthCall(4, new PortFailure.Forbidden("no"));
    w.reconcile();

    assertThat(w.cluster.secret(VELERO, bsl + "-credentials")).contains(Fixtures.cloud("old-key"));
    assertThat(ready(w.status("team-a", "gcs")).message())
        .startsWith("cannot read Secret team-a/gcs-key");
  }

  @Test
  void aCaBundleBesideTheCredentialsIsCopiedAndTrustedAndLeavesWithThem() {
    World w = tenantStore(data("key", Optional.of(CA)));
    String bsl = bslName(w);
    String copy = bsl + "-credentials";

    assertThat(w.cluster.secret(VELERO, copy)).contains(data("key", Optional.of(CA)));
    assertThat(w.cluster.bsl(bsl).orElseThrow().spec().objectStorage().caCertRef())
        .contains(new SecretKeyRef(copy, "ca.crt"));

    w.cluster.putSecret("team-a", "gcs-key", data("key", Optional.empty()));
    w.reconcile();
    assertThat(w.cluster.secret(VELERO, copy)).contains(data("key", Optional.empty()));
    assertThat(w.cluster.bsl(bsl).orElseThrow().spec().objectStorage().caCertRef()).isEmpty();
  }

  @Test
  void anInvalidBundleFailsTheStoreNamingTheSecretAndKeyAndChangesNothingElse() {
    World w = tenantStore(data("key", Optional.of(CA)));
    String bsl = bslName(w);
    w.cluster.resetScore();

    w.cluster.putSecret("team-a", "gcs-key", data("key2", Optional.of("TOPSECRET not a cert")));
    w.reconcile();

    BackupStoreStatus status = w.status("team-a", "gcs");
    assertThat(status.phase()).isEqualTo(BackupStorePhase.FAILED);
    assertThat(ready(status).reason()).isEqualTo("InvalidCABundle");
    assertThat(ready(status).message())
        .isEqualTo(
            "Secret team-a/gcs-key key \"ca.crt\" holds no PEM CERTIFICATE block; nothing was"
                + " applied");
    assertThat(status.toString()).doesNotContain("TOPSECRET");
    assertThat(w.cluster.writes()).containsExactly("patch status team-a/gcs");
    assertThat(w.cluster.secret(VELERO, bsl + "-credentials"))
        .contains(data("key", Optional.of(CA)));
  }

  @Test
  void aPlatformSecretInVelerosNamespaceWithABundleIsTrustedInPlace() {
    World w = new World();
    w.cluster.putSecret(VELERO, "velero-credentials-aws-prod", data("aws", Optional.of(CA)));
    w.create(Fixtures.seed("s3-store.yaml"));
    w.reconcile();

    String bsl = w.status(PLATFORM, "production-s3").veleroBslName().orElseThrow();
    assertThat(w.cluster.bsl(bsl).orElseThrow().spec().objectStorage().caCertRef())
        .contains(new SecretKeyRef("velero-credentials-aws-prod", "ca.crt"));
    assertThat(w.cluster.secrets().keySet())
        .containsExactly(VELERO + "/velero-credentials-aws-prod");

    w.cluster.putSecret(VELERO, "velero-credentials-aws-prod", data("aws", Optional.of("junk")));
    w.reconcile();
    assertThat(ready(w.status(PLATFORM, "production-s3")).message())
        .startsWith("Secret velero/velero-credentials-aws-prod key \"ca.crt\" holds no PEM");
    assertThat(w.cluster.bsl(bsl).orElseThrow().spec().objectStorage().caCertRef())
        .contains(new SecretKeyRef("velero-credentials-aws-prod", "ca.crt"));
  }
}
