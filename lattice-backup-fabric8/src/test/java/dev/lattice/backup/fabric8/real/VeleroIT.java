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

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.GcsEmulator;
import dev.lattice.backup.junit.ObjectStore;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TenantSecrets;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library against a real Velero server with its real AWS plugin and a real object store
 * (S3Proxy, checking signatures): the controller runs as in production (the restricted
 * ServiceAccount, its own threads, {@link BackupStoreController}); Velero, not the test, decides
 * whether a location is Available, and where a Backup lands.
 */
@ControlPlaneTest
class VeleroIT {
  private static final Duration VELERO_TIMEOUT = Duration.ofSeconds(90);
  private static final String APP = "velero-it-app";

  private static ControlPlane cluster;
  private static ObjectStore objects;
  private static GcsEmulator gcs;
  private static Velero velero;
  private static VeleroSteps steps;
  private static KubernetesClient admin;

  private RealCluster.Running controller;

  @BeforeAll
  static void startVelero(ControlPlane controlPlane) {
    cluster = controlPlane;
    admin = cluster.admin();
    objects = ObjectStore.start();
    gcs = GcsEmulator.start();
    gcs.createBucket("team-a-backups");
    velero = newVelero();
    steps = new VeleroSteps(cluster, () -> velero);
    steps.appNamespace(APP);
  }

  private static Velero newVelero(String... flags) {
    Velero.Builder b =
        Velero.builder(cluster)
            .objectStore(objects)
            .gcsEmulator(gcs)
            // Reached directly, not through the object store: a name nobody resolves.
            .environment("NO_PROXY", "unreachable.lattice.test");
    for (String f : flags) {
      b.flag(f);
    }
    return b.start();
  }

  @AfterAll
  static void stopVelero() {
    VeleroSteps.closeAll(velero, objects, gcs);
  }

  @BeforeEach
  void setUp() {
    steps.cleanSlate();
    // The platform's CloudProvider credentials, where the Lattice convention puts them.
    secretIn(VELERO, "velero-credentials-aws-prod", objects.credentialsFile());
    secretIn(PLATFORM, "minio-creds", objects.credentialsFile());
    objects.createBucket("lattice-backups");
    objects.createBucket("backups");
    controller = RealCluster.start(cluster, b -> b);
  }

  @AfterEach
  void tearDown() {
    controller.close();
    objects.deleteBucket("lattice-backups");
    objects.deleteBucket("backups");
  }

  private static void secretIn(String ns, String name, String cloud) {
    TestCluster.secret(admin, ns, name, cloud);
  }

  @Test
  void theExamplesBecomeLocationsThatRealVeleroMarksAvailableAndTheStoresGoReady() {
    steps.applyExample("s3-store.yaml");
    steps.applyExample("minio-store.yaml");

    for (String store : List.of("production-s3", "local-minio")) {
      steps.awaitPhase(store, "Ready");
      GenericKubernetesResource s = Lookups.getStore(admin, PLATFORM, store).orElseThrow();
      assertThat(((Number) steps.status(store).get("observedGeneration")).longValue())
          .isEqualTo(s.getMetadata().getGeneration());
      assertThat(steps.veleroStatus(store))
          .as("Velero's own verdict on the location of " + store)
          .containsEntry("phase", "Available")
          .containsKey("lastValidationTime");
    }
  }

  @Test
  void wrongCredentialsAreUnavailableWithVelerosMessageAndFixingTheSecretBringsReady() {
    String wrong =
        "[default]\naws_access_key_id="
            + ObjectStore.ACCESS_KEY
            + "\naws_secret_access_key=not-the-s3cr3t\n";
    secretIn(PLATFORM, "minio-creds", wrong);
    steps.applyExample("minio-store.yaml");

    steps.awaitPhase("local-minio", "Failed");
    String message = String.valueOf(steps.status("local-minio").get("message"));
    assertThat(message)
        .contains("Unavailable")
        .contains(String.valueOf(steps.veleroStatus("local-minio").get("message")))
        .contains("SignatureDoesNotMatch")
        .doesNotContain("not-the-s3cr3t")
        .doesNotContain(ObjectStore.SECRET_KEY);

    secretIn(PLATFORM, "minio-creds", objects.credentialsFile());
    steps.awaitPhase("local-minio", "Ready");
  }

  @Test
  void aMissingBucketIsUnavailableUntilTheBucketExists() {
    objects.deleteBucket("backups");
    steps.applyExample("minio-store.yaml");

    steps.awaitPhase("local-minio", "Failed");
    assertThat(String.valueOf(steps.status("local-minio").get("message"))).contains("NoSuchBucket");

    objects.createBucket("backups");
    steps.awaitPhase("local-minio", "Ready");
  }

  @Test
  void anUnreachableEndpointIsUnavailable() {
    TestCluster.store(
        admin,
        PLATFORM,
        "far",
        false,
        "provider: s3Compatible\n"
            + "s3: {bucket: backups, endpoint: \"http://unreachable.lattice.test:9000\","
            + " forcePathStyle: true}\n"
            + "credentialsSecretRef: minio-creds\n");

    steps.awaitPhase("far", "Failed");
    assertThat(String.valueOf(steps.status("far").get("message")))
        .contains("Unavailable")
        .contains("unreachable.lattice.test");
  }

  @Test
  void aBackupWithoutALocationLandsInTheDefaultStoresBucketAndOneNamingALocationInThatOne() {
    steps.applyExample("s3-store.yaml"); // the default
    steps.applyExample("minio-store.yaml");
    steps.awaitPhase("production-s3", "Ready");
    steps.awaitPhase("local-minio", "Ready");
    String minioBsl =
        Lookups.bslOf(admin, PLATFORM, "local-minio").orElseThrow().getMetadata().getName();

    steps.backup("first", APP, Optional.empty());
    steps.backup("second", APP, Optional.of(minioBsl));

    assertThat(objects.objects("lattice-backups"))
        .contains(steps.prefixOf("production-s3") + "backups/first/velero-backup.json")
        .noneMatch(k -> k.contains("second"));
    assertThat(objects.objects("backups"))
        .contains(steps.prefixOf("local-minio") + "backups/second/velero-backup.json")
        .noneMatch(k -> k.contains("first"));
  }

  @Test
  void movingTheDefaultNeverShowsTwoDefaultsAndTheNextBackupLandsInTheNewDefault() {
    steps.applyExample("s3-store.yaml");
    steps.applyExample("minio-store.yaml");
    steps.awaitPhase("production-s3", "Ready");
    steps.awaitPhase("local-minio", "Ready");
    steps.moveDefault("production-s3", "local-minio", "after-move", APP);
    assertThat(objects.objects("backups"))
        .contains(steps.prefixOf("local-minio") + "backups/after-move/velero-backup.json");
    assertThat(objects.objects("lattice-backups")).noneMatch(k -> k.contains("after-move"));
  }

  @Test
  void deletingAStoreRemovesItsLocationAndSecretAndLeavesTheBucketAndVeleroAlone() {
    steps.applyExample("minio-store.yaml");
    steps.awaitPhase("local-minio", "Ready");
    GenericKubernetesResource bsl = Lookups.bslOf(admin, PLATFORM, "local-minio").orElseThrow();
    String prefix = steps.prefixOf("local-minio");
    steps.backup("kept", APP, Optional.of(bsl.getMetadata().getName()));
    List<String> before = objects.objects("backups");
    @SuppressWarnings("unchecked")
    String mirror =
        String.valueOf(
            ((Map<String, Object>) TestCluster.section(bsl, "spec").get("credential")).get("name"));

    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName("local-minio")
        .delete();

    TestCluster.await(
        "the store, its BSL and its Secret to go",
        () ->
            Lookups.getStore(admin, PLATFORM, "local-minio").isEmpty()
                && Lookups.bslOf(admin, PLATFORM, "local-minio").isEmpty()
                && admin.secrets().inNamespace(VELERO).withName(mirror).get() == null);
    assertThat(objects.objects("backups"))
        .isEqualTo(before)
        .contains(prefix + "backups/kept/velero-backup.json");
    assertThat(velero.isRunning()).isTrue();
  }

  @Test
  void whileVeleroIsStoppedANewStoreIsPendingWithAReasonAndStartingVeleroBringsItReady() {
    velero.close();
    try {
      steps.applyExample("minio-store.yaml");
      TestCluster.await(
          "local-minio Pending",
          VELERO_TIMEOUT,
          () -> "Pending".equals(String.valueOf(steps.status("local-minio").get("phase"))));
      assertThat(String.valueOf(steps.status("local-minio").get("message")))
          .startsWith("waiting for Velero to validate BackupStorageLocation velero/");
      assertThat(Lookups.bslOf(admin, PLATFORM, "local-minio")).isPresent();
    } finally {
      velero = newVelero();
    }
    steps.awaitPhase("local-minio", "Ready");
  }

  @Test
  void whenVeleroMakesAnotherLocationTheDefaultTheControllerPutsTheStoresBackWithFewWrites()
      throws InterruptedException {
    steps.applyExample("s3-store.yaml"); // the default
    steps.applyExample("minio-store.yaml");
    steps.awaitPhase("production-s3", "Ready");
    steps.awaitPhase("local-minio", "Ready");
    String prod =
        Lookups.bslOf(admin, PLATFORM, "production-s3").orElseThrow().getMetadata().getName();
    String minio =
        Lookups.bslOf(admin, PLATFORM, "local-minio").orElseThrow().getMetadata().getName();

    velero.close();
    long mark = cluster.auditLog().mark();
    // Velero's server flag makes the location it names the default when Velero starts, by an
    // update of the whole BSL; with two defaults, its location controller then keeps the newest.
    velero = newVelero("--default-backup-storage-location=" + minio);
    TestCluster.await(
        "Velero to set " + minio + " as the default",
        VELERO_TIMEOUT,
        () -> velero.log().contains("Set backup storage location as default"));
    TestCluster.await(
        "the store's default to be the only default again",
        VELERO_TIMEOUT,
        () ->
            Lookups.bsls(admin).stream()
                .filter(Lookups::isDefault)
                .map(b -> b.getMetadata().getName())
                .toList()
                .equals(List.of(prod)));
    // Quiet: nobody fights any more.
    Thread.sleep(5000);
    long quiet = cluster.auditLog().mark();
    Thread.sleep(5000);
    assertThat(RequestCounts.controllerEvents(cluster, quiet))
        .as("controller writes once settled")
        .noneMatch(e -> e.isWrite() && e.resource().equals("backupstoragelocations"));
    long defaultWrites =
        RequestCounts.controllerEvents(cluster, mark).stream()
            .filter(e -> e.isWrite() && e.resource().equals("backupstoragelocations"))
            .count();
    assertThat(defaultWrites)
        .as("the controller's BSL writes after Velero's flip")
        .isBetween(1L, 4L);
    assertThat(Lookups.bslOf(admin, PLATFORM, "local-minio").map(Lookups::isDefault))
        .contains(false);
  }

  @Test
  void aGcsStoreIsAvailableInTheGcsEmulatorAndTheGcpPluginRefusesAKeyWeNeverEmit()
      throws Exception {
    String tenant = "team-a";
    cluster.ensureNamespace(tenant);
    // deploy/rbac.yaml: bind the credentials reader in each namespace whose stores name a Secret.
    TenantSecrets.grantReader(admin, tenant);
    secretIn(tenant, "gcs-key", serviceAccountKey());
    steps.applyExample("gcs-store.yaml");

    TestCluster.await(
        "team-a-gcs Ready (status "
            + Lookups.getStore(admin, tenant, "team-a-gcs")
                .map(x -> TestCluster.section(x, "status"))
                .orElse(Map.of())
            + ")",
        VELERO_TIMEOUT,
        () ->
            Lookups.getStore(admin, tenant, "team-a-gcs")
                .map(x -> TestCluster.section(x, "status").get("phase"))
                .filter("Ready"::equals)
                .isPresent());
    GenericKubernetesResource ours = Lookups.bslOf(admin, tenant, "team-a-gcs").orElseThrow();
    assertThat(TestCluster.section(ours, "status")).containsEntry("phase", "Available");
    steps.backup("to-gcs", APP, Optional.of(ours.getMetadata().getName()));
    assertThat(gcs.objects("team-a-backups"))
        .contains(steps.prefixOf(tenant, "team-a-gcs") + "backups/to-gcs/velero-backup.json");

    // The same location with a key the library never emits for gcs.
    Map<String, Object> spec = new java.util.LinkedHashMap<>(TestCluster.section(ours, "spec"));
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        new java.util.LinkedHashMap<>((Map<String, Object>) spec.getOrDefault("config", Map.of()));
    config.put("region", "us-east1");
    spec.put("config", config);
    spec.put("default", false);
    GenericKubernetesResource foreign = new GenericKubernetesResource();
    foreign.setApiVersion("velero.io/v1");
    foreign.setKind("BackupStorageLocation");
    foreign.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("foreign-gcp")
            .withNamespace(VELERO)
            .build());
    foreign.setAdditionalProperty("spec", spec);
    admin
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(VELERO)
        .resource(foreign)
        .create();
    TestCluster.await(
        "Velero to refuse the foreign key",
        VELERO_TIMEOUT,
        () ->
            String.valueOf(
                    TestCluster.section(
                            admin
                                .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
                                .inNamespace(VELERO)
                                .withName("foreign-gcp")
                                .get(),
                            "status")
                        .get("message"))
                .contains("invalid keys"));
  }

  /** A Google service account key of the JSON form the GCP plugin reads, with a fresh RSA key. */
  private static String serviceAccountKey() throws java.security.GeneralSecurityException {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> key = new java.util.LinkedHashMap<>();
    key.put("type", "service_account");
    key.put("project_id", "lattice-test");
    key.put("private_key_id", "1");
    key.put("private_key", pem);
    key.put("client_email", "velero@lattice-test.iam.gserviceaccount.com");
    key.put("client_id", "1");
    key.put("token_uri", "https://oauth2.googleapis.com/token");
    return Serialization.asJson(key);
  }
}
