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
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trust boundary of the translation, one test per rule, each written as the hostile tenant (or
 * careless platform admin) would try it: stores without credentials, stores in Velero's namespace,
 * tenant endpoints into the cluster, and names that collide.
 */
class TrustBoundaryTest {
  private static final TranslationOptions DEFAULTS = TranslationOptions.defaults();
  private static final BackupStorageSpec GCS = BackupStorageSpec.gcs(GcsStorageConfig.of("bucket"));

  private static List<String> errors(BackupStore store, TranslationOptions options) {
    return Translator.validate(store, options).stream().map(FieldError::toString).toList();
  }

  private static BackupStorageSpec minio(String endpoint) {
    return BackupStorageSpec.s3Compatible(
            S3StorageConfig.of("backups").withEndpoint(endpoint).withForcePathStyle(true))
        .withCredentialsSecretRef("minio-creds");
  }

  // ------------------------------------------------------------------------- credentials

  @Test
  void aTenantStoreThatNamesNoCredentialsIsRefused() {
    assertThat(errors(Stores.store("team-a", "g", GCS), DEFAULTS))
        .containsExactly(
            "spec.storage.credentialsSecretRef: Required value: a store outside the platform"
                + " namespaces must name its credentials: a Secret of namespace team-a (without"
                + " one, Velero would use the platform's own credentials)");
    assertThat(errors(Stores.store("team-a", "g", GCS.withCredentialsSecretRef("k")), DEFAULTS))
        .isEmpty();
  }

  @Test
  void aTenantNamespaceCannotBeAllowedVelerosCredentials() {
    assertThatThrownBy(
            () ->
                DEFAULTS.toBuilder()
                    .trust(TrustPolicy.defaults().withDefaultCredentialNamespaces(Set.of("team-a")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("team-a is not a platform namespace");
  }

  @Test
  void aPlatformStoreMayNameNoCredentialsOnlyWhereThePolicySaysSo() {
    BackupStore store = Stores.store("lattice-system", "g", GCS);

    assertThat(errors(store, DEFAULTS))
        .singleElement()
        .asString()
        .startsWith("spec.storage.credentialsSecretRef: Required value: name the credentials");
    TranslationResult allowed = Translator.translate(store, Stores.PLATFORM_DEFAULT_CREDENTIALS);
    assertThat(((TranslationResult.Translated) allowed).bsl().spec().credential()).isEmpty();
  }

  @Test
  void anotherPlatformNamespaceIsTrustedOnlyWhenListed() {
    TranslationOptions ops =
        DEFAULTS.toBuilder()
            .trust(
                TrustPolicy.defaults()
                    .withPlatformNamespaces(Set.of("platform-b"))
                    .withDefaultCredentialNamespaces(Set.of("platform-b")))
            .build();
    BackupStore store = Stores.store("platform-b", "g", GCS.withCloudProviderRef("aws-prod"));

    assertThat(ops.isPlatformNamespace("platform-b")).isTrue();
    assertThat(ops.isPlatformNamespace("team-a")).isFalse();
    assertThat(errors(store, ops)).isEmpty();
    assertThat(errors(Stores.store("platform-b", "g", GCS), ops)).isEmpty();
    assertThat(errors(store, DEFAULTS))
        .singleElement()
        .asString()
        .startsWith("spec.storage.cloudProviderRef: Forbidden");
  }

  @Test
  void aStoreInVelerosNamespaceIsRefusedUnlessItIsAPlatformNamespace() {
    BackupStore store =
        Stores.store("velero", "g", GCS.withCredentialsSecretRef("cloud-credentials"));
    TranslationOptions veleroTrusted =
        DEFAULTS.toBuilder()
            .trust(TrustPolicy.defaults().withPlatformNamespaces(Set.of("velero")))
            .build();

    assertThat(errors(store, DEFAULTS))
        .containsExactly(
            "metadata.namespace: Forbidden: BackupStores in Velero's namespace velero are refused"
                + " unless it is a platform namespace: a store there could hand Velero any Secret"
                + " of that namespace");
    TranslationResult trusted = Translator.translate(store, veleroTrusted);
    assertThat(((TranslationResult.Translated) trusted).bsl().spec().credential())
        .contains(new SecretKeyRef("cloud-credentials", "cloud"));
    assertThat(((TranslationResult.Translated) trusted).mirror()).isEmpty();
  }

  // ---------------------------------------------------------------------------- endpoints

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://minio.minio-system.svc:9000 | is an in-cluster name",
        "http://minio:9000 | is an in-cluster name",
        "http://kubernetes.default.svc.cluster.local | is an in-cluster name",
        "http://minio.minio-system:9000 | is an in-cluster name (the cluster's DNS search path",
        "http://minio-0.minio.minio-system.svc | is an in-cluster name",
        "http://10-1-2-3.team-b.pod.cluster.local | is an in-cluster name",
        "http://s3.eu-west-1.example | not-an-in-cluster-name",
        "http://vault.corp.internal | is a private-use name (.internal)",
        "http://nas.home.local | is a private-use name (.local)",
        "http://router.home.arpa | is a private-use name (.home.arpa)",
        "http://10.1.2.3:9000 | is a private address (10.0.0.0/8)",
        "http://172.20.0.5 | is a private address (172.16.0.0/12)",
        "http://192.168.0.10 | is a private address (192.168.0.0/16)",
        "http://100.64.1.1 | is a private address (100.64.0.0/10)",
        "http://[fd12:3456::5] | is a private address (fc00::/7)",
      })
  void aTenantEndpointIntoTheClusterIsRefused(String endpoint, String words) {
    BackupStore tenant = Stores.store("team-a", "m", minio(endpoint));
    BackupStore platform = Stores.store("lattice-system", "m", minio(endpoint));

    if (words.equals("not-an-in-cluster-name")) {
      // three labels: an ordinary public name as far as the policy can tell
      assertThat(errors(tenant, DEFAULTS)).isEmpty();
      return;
    }
    assertThat(errors(tenant, DEFAULTS))
        .singleElement()
        .asString()
        .startsWith("spec.storage.s3.endpoint: Forbidden: the host ")
        .contains(words)
        .doesNotContain(endpoint.substring(endpoint.indexOf("//") + 2));
    assertThat(errors(platform, DEFAULTS)).as("platform stores may").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000",
        "http://2130706433",
        "http://[::ffff:169.254.169.254]",
        "http://metadata.google.internal",
        "http://localhost"
      })
  void noStoreAtAllMayPointVeleroAtItselfOrAMetadataService(String endpoint) {
    for (String namespace : List.of("team-a", "lattice-system")) {
      assertThat(errors(Stores.store(namespace, "m", minio(endpoint)), DEFAULTS))
          .singleElement()
          .asString()
          .startsWith("spec.storage.s3.endpoint: Invalid value: ");
    }
  }

  @Test
  void theAllowListAdmitsAnInClusterServiceButTheDenyListWins() {
    EndpointPolicy policy =
        EndpointPolicy.defaults()
            .withAllow(List.of("minio.minio-system.svc", "*.s3.corp.example", "10.20.0.0/16"))
            .withDeny(List.of("10.20.99.0/24", "evil.s3.corp.example"));
    TranslationOptions ops =
        DEFAULTS.toBuilder().trust(TrustPolicy.defaults().withTenantEndpoints(policy)).build();

    for (String ok :
        List.of(
            "http://minio.minio-system.svc:9000",
            "https://a.s3.corp.example",
            "http://10.20.1.1")) {
      assertThat(errors(Stores.store("team-a", "m", minio(ok)), ops)).as(ok).isEmpty();
    }
    assertThat(errors(Stores.store("team-a", "m", minio("https://s3.corp.example")), ops))
        .singleElement()
        .asString()
        .contains("is not on the platform's allow list");
    assertThat(errors(Stores.store("team-a", "m", minio("https://s3.amazonaws.com")), ops))
        .singleElement()
        .asString()
        .contains("is not on the platform's allow list");
    assertThat(errors(Stores.store("team-a", "m", minio("http://10.20.99.7")), ops))
        .singleElement()
        .asString()
        .contains("matches the platform's deny list (10.20.99.0/24)");
    assertThat(errors(Stores.store("team-a", "m", minio("https://EVIL.s3.corp.example.")), ops))
        .singleElement()
        .asString()
        .contains("deny list (evil.s3.corp.example)");
  }

  @Test
  void aDenyListAloneRefusesPublicHostsTooAndTheClusterDomainIsAnOption() {
    EndpointPolicy policy =
        EndpointPolicy.defaults()
            .withDeny(List.of("*.nip.io", "203.0.113.0/24"))
            .withClusterDomain("k8s.corp");
    TranslationOptions ops =
        DEFAULTS.toBuilder().trust(TrustPolicy.defaults().withTenantEndpoints(policy)).build();

    assertThat(errors(Stores.store("team-a", "m", minio("http://127.0.0.1.nip.io")), ops))
        .singleElement()
        .asString()
        .contains("deny list (*.nip.io)");
    assertThat(errors(Stores.store("team-a", "m", minio("http://203.0.113.9")), ops)).hasSize(1);
    assertThat(errors(Stores.store("team-a", "m", minio("http://minio.ns.svc.k8s.corp")), ops))
        .singleElement()
        .asString()
        .contains("in-cluster name");
    assertThat(errors(Stores.store("team-a", "m", minio("http://s3.example.com")), ops)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a host", "10.0.0.1/8", "http://x", "*.", "a..b", "-a.b"})
  void aPolicyEntryThatIsNeitherAnAddressNorANameIsRefusedAtConfiguration(String entry) {
    assertThatThrownBy(() -> EndpointPolicy.defaults().withDeny(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deny: ");
  }

  // -------------------------------------------------------------------------------- names

  @Test
  void twoStoresWhoseNamesCollideNeverShareALocationAndTheOlderKeepsIt() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    BackupStorageSpec spec = GCS.withCredentialsSecretRef("k");
    BackupStore older =
        Stores.defaultStore("team-b", "z", spec, t)
            .withSpec(new dev.lattice.backup.model.BackupStoreSpec(false, spec));
    BackupStore newer =
        Stores.defaultStore("team-a", "a", spec, t.plusSeconds(1))
            .withSpec(new dev.lattice.backup.model.BackupStoreSpec(false, spec));
    BackupStore apart = Stores.store("team-c", "c", spec);
    // A naming function whose hash is one character wide: every tenant store collides.
    Translator.Namer weak = (ns, name, platform) -> "lattice-collision";

    TranslationPlan plan =
        Translator.translateAll(List.of(newer, apart, older), List.of(), DEFAULTS, weak);

    StoreKey holder = new StoreKey("team-b", "z");
    assertThat(plan.nameConflicts())
        .containsOnlyKeys(new StoreKey("team-a", "a"), new StoreKey("team-c", "c"))
        .containsValue(holder);
    assertThat(plan.results().get(holder)).isInstanceOf(TranslationResult.Translated.class);
    assertThat(plan.locations()).hasSize(1);
    assertThat(plan.rejections().get(new StoreKey("team-a", "a")).errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "metadata.name: Forbidden: this store's BackupStorageLocation name lattice-collision"
                + " is already BackupStore team-b/z's: two stores never share a location; rename"
                + " this store");
    assertThat(
            Translator.translateAll(List.of(newer, apart, older), List.of(), DEFAULTS)
                .nameConflicts())
        .isEmpty();
  }
}
