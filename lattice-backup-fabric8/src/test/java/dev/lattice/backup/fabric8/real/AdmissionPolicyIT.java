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
package dev.lattice.backup.fabric8.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.translate.EndpointPolicy;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.TrustPolicy;
import dev.lattice.backup.translate.internal.trust.TrustAdmissionPolicy;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The trust policy at admission ({@link TrustAdmissionPolicy}) on the real API server: installed as
 * {@code lattice-backup admission-policy} prints it, it refuses a tenant store that breaks the
 * trust policy with the field named, lets a write that leaves the spec alone through, and — the
 * differential property — for generated trust policies (its ConfigMap rewritten) and generated
 * stores in platform and tenant namespaces, the server's verdict (admitted, or refused on a field)
 * is {@link Translator#validate}'s (valid, or the first field it names).
 *
 * <p>The policy is removed after the class, so that the other tests of this JVM meet the server
 * without it.
 */
class AdmissionPolicyIT {
  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLATFORM = ControlPlane.CONTROLLER_NAMESPACE;
  private static final List<String> NAMESPACES =
      List.of(PLATFORM, "ops-a", "ops-b", "team-a", "team-b", ControlPlane.VELERO_NAMESPACE);

  private static ControlPlane cluster;
  private static KubernetesClient admin;

  @BeforeContainer
  static void installThePolicy() {
    cluster = ControlPlane.shared();
    admin = cluster.admin();
    NAMESPACES.forEach(cluster::ensureNamespace);
    String yaml = TrustAdmissionPolicy.yaml(TranslationOptions.defaults());
    for (HasMetadata o :
        admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      admin.resource(o).forceConflicts().serverSideApply();
    }
    awaitAgreement(TranslationOptions.defaults());
  }

  @AfterContainer
  static void removeThePolicy() {
    admin
        .admissionRegistration()
        .v1()
        .validatingAdmissionPolicyBindings()
        .withName(TrustAdmissionPolicy.NAME)
        .delete();
    admin
        .admissionRegistration()
        .v1()
        .validatingAdmissionPolicies()
        .withName(TrustAdmissionPolicy.NAME)
        .delete();
    admin.configMaps().inNamespace(PLATFORM).withName(TrustAdmissionPolicy.PARAMETERS).delete();
  }

  /** The server's answer to a dry-run create. */
  record Verdict(boolean admitted, Optional<String> field, String message) {}

  static Verdict admit(BackupStore store) {
    GenericKubernetesResource resource =
        JSON.convertValue(CODEC.toTree(store), GenericKubernetesResource.class);
    String ns = store.metadata().namespace().orElseThrow();
    try {
      admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(ns)
          .resource(resource)
          .dryRun()
          .create();
      return new Verdict(true, Optional.empty(), "");
    } catch (KubernetesClientException e) {
      String message = e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage();
      return new Verdict(false, field(e, message), message);
    }
  }

  /** The policy's field (from its message), or the schema's (from the causes). */
  private static Optional<String> field(KubernetesClientException e, String message) {
    String marker = "ValidatingAdmissionPolicy '" + TrustAdmissionPolicy.NAME + "'";
    int at = message.indexOf(marker);
    if (at >= 0) {
      String rest = message.substring(message.indexOf("denied request: ", at) + 16);
      return Optional.of(rest.substring(0, rest.indexOf(": ")));
    }
    if (e.getStatus() != null && e.getStatus().getDetails() != null) {
      for (StatusCause c : e.getStatus().getDetails().getCauses()) {
        if (c.getField() != null && !c.getField().equals("<nil>")) {
          return Optional.of(c.getField());
        }
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------------ examples

  private static BackupStore store(String ns, BackupStorageSpec storage) {
    return BackupStore.of(
        ObjectMetadata.named("admitted").withNamespace(ns), BackupStoreSpec.of(storage));
  }

  private static BackupStorageSpec minio(String endpoint) {
    return BackupStorageSpec.s3Compatible(
        S3StorageConfig.of("bucket-a").withEndpoint(endpoint).withForcePathStyle(true));
  }

  @Example
  void aTenantBreakingTheTrustPolicyIsRefusedWithTheFieldNamed() {
    useTheDefaults();
    String minio = "http://minio.minio-system.svc:9000";
    BackupStore noCredentials = store("team-a", minio("https://s3.example.com"));
    BackupStore inCluster = store("team-a", minio(minio).withCredentialsSecretRef("creds"));
    BackupStore platformsKey = store("team-a", minio(minio).withCloudProviderRef("aws"));

    assertThat(admit(noCredentials).field()).contains("spec.storage.credentialsSecretRef");
    assertThat(admit(inCluster).field()).contains("spec.storage.s3.endpoint");
    assertThat(admit(inCluster).message())
        .contains("denied request: spec.storage.s3.endpoint: Forbidden:")
        .doesNotContain("minio-system");
    assertThat(admit(platformsKey).field()).contains("spec.storage.cloudProviderRef");
    // The platform may point Velero into the cluster and use a CloudProvider's credentials.
    assertThat(admit(store(PLATFORM, minio(minio).withCredentialsSecretRef("creds"))))
        .matches(Verdict::admitted);
    assertThat(admit(store(PLATFORM, minio(minio).withCloudProviderRef("aws"))))
        .matches(Verdict::admitted);
    assertThat(
            admit(store("team-a", minio("https://s3.example.com").withCredentialsSecretRef("k"))))
        .matches(Verdict::admitted);
  }

  @Example
  void kubectlApplyOfATenantStoreBreakingThePolicyFailsNamingTheField() {
    useTheDefaults();
    String store =
        """
        apiVersion: lattice.dev/v1alpha1
        kind: BackupStore
        metadata:
          name: kubectl-store
          namespace: team-a
        spec:
          storage:
            provider: s3Compatible
            s3:
              bucket: backups
              endpoint: https://minio.example.com
              forcePathStyle: true
        """;
    for (List<String> apply : List.of(List.of("apply"), List.of("apply", "--server-side"))) {
      List<String> args = new java.util.ArrayList<>(apply);
      args.addAll(List.of("-f", "-"));
      ControlPlane.CommandResult refused = cluster.kubectl(store, args.toArray(String[]::new));

      assertThat(refused.exitCode()).as(apply + ": " + refused).isNotZero();
      assertThat(refused.err())
          .as(String.valueOf(apply))
          .contains("denied request: spec.storage.credentialsSecretRef: Required value");
    }
    String named =
        store.replace(
            "forcePathStyle: true", "forcePathStyle: true\n    credentialsSecretRef: creds");
    ControlPlane.CommandResult applied = cluster.kubectl(named, "apply", "-f", "-");
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(
            cluster
                .kubectl("", "delete", "-n", "team-a", "backupstore", "kubectl-store")
                .exitCode())
        .isZero();
  }

  @Example
  void aWriteThatLeavesTheSpecAloneIsNeverRefused() {
    useTheDefaults();
    String ns = "team-b";
    BackupStore store =
        BackupStore.of(
            ObjectMetadata.named("kept").withNamespace(ns),
            BackupStoreSpec.of(
                minio("https://s3.example.com").withCredentialsSecretRef("store-credentials")));
    var stores = admin.genericKubernetesResources(Resources.BACKUP_STORES).inNamespace(ns);
    stores.withName("kept").delete();
    await(() -> stores.withName("kept").get() == null);
    stores
        .resource(JSON.convertValue(CODEC.toTree(store), GenericKubernetesResource.class))
        .create();
    try {
      // The trust policy tightens: now that endpoint is on the deny list.
      applyParameters(
          TranslationOptions.defaults().toBuilder()
              .trust(
                  TrustPolicy.defaults()
                      .withTenantEndpoints(
                          EndpointPolicy.defaults().withDeny(List.of("s3.example.com"))))
              .build());
      await(
          () ->
              !admit(BackupStore.of(ObjectMetadata.named("probe").withNamespace(ns), store.spec()))
                  .admitted());

      // A label and a finalizer still go through; a change of the spec does not.
      PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
      stores
          .withName("kept")
          .patch(
              merge,
              "{\"metadata\":{\"labels\":{\"team\":\"b\"},"
                  + "\"finalizers\":[\"example.com/hold\"]}}");
      assertThat(stores.withName("kept").get().getMetadata().getFinalizers())
          .containsExactly("example.com/hold");
      KubernetesClientException refused =
          catchThrowableOfType(
              KubernetesClientException.class,
              () -> stores.withName("kept").patch(merge, "{\"spec\":{\"default\":true}}"));
      assertThat(refused).isNotNull();
      assertThat(refused.getStatus().getMessage())
          .contains("denied request: spec.storage.s3.endpoint: Forbidden");
      stores.withName("kept").patch(merge, "{\"metadata\":{\"finalizers\":null}}");
    } finally {
      stores.withName("kept").delete();
    }
  }

  /** The generated manifest's parameters (the property leaves those of its last try). */
  private static void useTheDefaults() {
    applyParameters(TranslationOptions.defaults());
    awaitAgreement(TranslationOptions.defaults());
  }

  // ------------------------------------------------------------------ the differential property

  /** Hosts near the policy's lines: in-cluster, private, listed below, public. */
  private static final List<String> HOSTS =
      List.of(
          "minio",
          "minio.team-a",
          "minio.team-a.svc",
          "minio.team-a.svc.cluster.local",
          "backup.corp.example",
          "minio.internal",
          "nas.home.arpa",
          "a.s3.example.com",
          "s3.example.com",
          "s3.example.net",
          "s3.us-east-1.amazonaws.com",
          "10.20.1.2",
          "10.20.99.5",
          "172.16.5.5",
          "100.64.0.1",
          "192.0.2.7",
          "203.0.113.9",
          "[fd00::5]",
          "[2001:db8::1]");

  /** Entries of the allow and deny lists, several of which the hosts above meet. */
  private static final List<String> ENTRIES =
      List.of(
          "*.s3.example.com",
          "s3.example.net",
          "minio.team-a",
          "*.svc",
          "10.20.0.0/16",
          "10.20.99.0/24",
          "192.0.2.7",
          "fd00::/8",
          "2001:db8::/32");

  @Provide
  Arbitrary<TranslationOptions> policies() {
    Arbitrary<Set<String>> platform = Arbitraries.of("ops-a", "ops-b", "velero").set();
    return Combinators.combine(
            platform,
            Arbitraries.of("lattice-system", "ops-a", "ops-b", "velero").set(),
            Arbitraries.of(true, false),
            Arbitraries.of(ENTRIES).set().ofMaxSize(3),
            Arbitraries.of(ENTRIES).set().ofMaxSize(3),
            Arbitraries.of("cluster.local", "corp.example"))
        .as(
            (p, defaults, cloud, allow, deny, domain) -> {
              Set<String> plain = new TreeSet<>(defaults);
              plain.removeIf(n -> !n.equals(PLATFORM) && !p.contains(n));
              return TranslationOptions.defaults().toBuilder()
                  .trust(
                      new TrustPolicy(
                          p,
                          plain,
                          cloud,
                          new EndpointPolicy(List.copyOf(allow), List.copyOf(deny), domain)))
                  .build();
            });
  }

  @Provide
  Arbitrary<List<BackupStore>> stores() {
    Arbitrary<String> endpoint =
        Combinators.combine(Arbitraries.of("http", "https"), Arbitraries.of(HOSTS))
            .as((scheme, host) -> scheme + "://" + host + ":9000");
    Arbitrary<BackupStorageSpec> storage =
        Arbitraries.oneOf(
            endpoint.map(AdmissionPolicyIT::minio),
            endpoint.map(
                e ->
                    BackupStorageSpec.s3(
                        S3StorageConfig.of("bucket-a").withRegion("eu-west-1").withEndpoint(e))),
            Arbitraries.just(BackupStorageSpec.gcs(GcsStorageConfig.of("bucket-a"))),
            Arbitraries.of(
                BackupStorageSpec.azure(AzureStorageConfig.of("box-a")),
                BackupStorageSpec.azure(
                    AzureStorageConfig.of("box-a").withStorageAccount("acct1"))));
    Arbitrary<BackupStore> store =
        Combinators.combine(
                Arbitraries.of(NAMESPACES),
                storage,
                Arbitraries.of("none", "secret", "cloudProvider"))
            .as(
                (ns, s, credentials) ->
                    store(
                        ns,
                        switch (credentials) {
                          case "secret" -> s.withCredentialsSecretRef("store-credentials");
                          case "cloudProvider" -> s.withCloudProviderRef("aws");
                          default -> s;
                        }));
    return store.list().ofSize(40);
  }

  @Property(tries = 12)
  void theApiServerRefusesExactlyWhatTheLibraryRefusesForTheTrustPolicy(
      @ForAll("policies") TranslationOptions options, @ForAll("stores") List<BackupStore> stores) {
    applyParameters(options);
    awaitAgreement(options);
    for (BackupStore store : stores) {
      Optional<String> expected = firstField(store, options);
      Verdict server = admit(store);
      String context =
          CODEC.writeJson(store) + "\n  policy: " + options.trust() + "\n  server: " + server;
      assertThat(server.admitted()).as("verdict of " + context).isEqualTo(expected.isEmpty());
      assertThat(server.field()).as("field of " + context).isEqualTo(expected);
      Statistics.label("verdict").collect(expected.orElse("admitted"));
    }
  }

  private static Optional<String> firstField(BackupStore store, TranslationOptions options) {
    return Translator.validate(store, options).stream().findFirst().map(FieldError::path);
  }

  /** Stores whose verdicts tell the trust policies of the property apart. */
  private static List<BackupStore> probes() {
    List<BackupStore> out = new java.util.ArrayList<>();
    for (String ns : NAMESPACES) {
      out.add(store(ns, minio("https://s3.example.com")));
      out.add(store(ns, minio("https://s3.example.com").withCloudProviderRef("aws")));
      for (String host : HOSTS) {
        out.add(store(ns, minio("http://" + host).withCredentialsSecretRef("k")));
      }
    }
    return out;
  }

  private static void applyParameters(TranslationOptions options) {
    admin
        .configMaps()
        .inNamespace(PLATFORM)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(TrustAdmissionPolicy.PARAMETERS)
                .withNamespace(PLATFORM)
                .endMetadata()
                .withData(TrustAdmissionPolicy.parameters(options))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  /**
   * Waits until the server judges every probe as the library does under these options: the policy's
   * parameters reach it through a watch, a moment after the ConfigMap is written. A real
   * disagreement fails here, after the timeout, with the probe that disagrees.
   */
  private static void awaitAgreement(TranslationOptions options) {
    List<BackupStore> probes = probes();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Optional<String> disagreement = Optional.empty();
      for (BackupStore p : probes) {
        Optional<String> expected = firstField(p, options);
        Verdict server = admit(p);
        if (!server.field().equals(expected) || server.admitted() != expected.isEmpty()) {
          disagreement =
              Optional.of(CODEC.writeJson(p) + ": library " + expected + ", server " + server);
          break;
        }
      }
      if (disagreement.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the policy never agreed with the library: " + disagreement.get());
      }
      sleep(100);
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
