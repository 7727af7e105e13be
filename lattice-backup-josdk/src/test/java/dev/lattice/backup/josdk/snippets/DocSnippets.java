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
package dev.lattice.backup.josdk.snippets;

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.AzureEmulator;
import dev.lattice.backup.junit.ConnectProxy;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.junit.GcsEmulator;
import dev.lattice.backup.junit.MinioServer;
import dev.lattice.backup.junit.ObjectStore;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.io.ReadDocument;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.Plan;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.translate.Resolution;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationPlan;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BslJson;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java snippets of README.md and docs/*.md, line for line ({@link SnippetsTest} fails when one
 * is not found here). A method declares no checked exception its snippet does not declare itself,
 * so the compiler proves that every snippet handles its checked exceptions. Each method holds one
 * snippet; {@link SnippetsTest} runs those that can run without a cluster, and the compiler checks
 * the rest.
 */
public final class DocSnippets {
  static final Logger log = LoggerFactory.getLogger(DocSnippets.class);
  final List<Duration> scheduled = new ArrayList<>();

  private DocSnippets() {}

  static DocSnippets create() {
    return new DocSnippets();
  }

  void schedule(Duration d) {
    scheduled.add(d);
  }

  /** README, library call. */
  static String libraryCall(String yaml) {
    List<BackupStore> stores = BackupStoreCodec.strict().readAll(yaml); // JSON or YAML, 1..n docs
    TranslationPlan plan =
        Translator.translateAll(stores, List.of(), TranslationOptions.defaults());
    plan.rejections().forEach((store, rejected) -> System.err.println(store + ": " + rejected));
    String bsls = BslJson.toYaml(plan.locations()); // Velero BackupStorageLocations, to apply
    return bsls;
  }

  /** README, standalone controller: compiled, not run (it needs a cluster and never returns). */
  @SuppressWarnings("try") // the controller is used by being open
  public static void main(String[] args) throws InterruptedException {
    KubernetesClient client = new KubernetesClientBuilder().build();
    var options = ReconcileOptions.defaults(); // Velero's namespace and the other settings, once
    try (var controller = BackupStoreController.builder(client, options).workers(4).start()) {
      Thread.currentThread().join(); // watches and reconciles until the JVM stops
    }
  }

  /**
   * README, JOSDK: run by JosdkOperatorIT on the real control plane, with the controller's identity
   * in the system properties fabric8 reads.
   *
   * @return the started operator
   */
  public static Operator josdk() {
    Operator operator = new Operator(); // the client of ~/.kube/config or the pod
    LatticeBackupOperator.register(operator, ReconcileOptions.defaults()); // Velero in "velero"
    operator.start();
    return operator;
  }

  /** docs/operations.md, reconciling. */
  ReconcileOutcome reconciling(BackupStore store) {
    InMemoryCluster cluster = InMemoryCluster.create(); // or your own ports over a real client
    cluster.createStore(store); // a BackupStore, read or built
    Reconciler reconciler = new Reconciler(cluster.ports(), ReconcileOptions.defaults());

    ReconcileOutcome outcome = reconciler.reconcile(); // all stores; or reconcile("ns", "name")
    outcome.failures().forEach(f -> log.warn("{}", f)); // never thrown, always classified
    outcome.requeueAfter().ifPresent(d -> schedule(d)); // backoff, or recheck while Pending

    try {
      Plan plan = reconciler.plan(); // what it would write, writing nothing
      plan.steps().forEach(step -> log.info("{}", step));
    } catch (PortException e) { // plan() reads the cluster: the one checked exception
      log.warn("cannot read the cluster: {}", e.failure());
    }
    return outcome;
  }

  /** docs/provider-mapping.md, reading and validating. */
  static void readingAndValidating(Path file) {
    BackupStoreCodec codec = BackupStoreCodec.strict(); // lenient() ignores unknown fields
    try {
      BackupStore store = codec.read(Files.readString(file)); // examples/s3-store.yaml, say
      List<FieldError> errors = BackupStoreValidator.validate(store); // every rule, all at once
      errors.forEach(
          e ->
              System.err.println(
                  e)); // spec.storage.s3.bucket: Invalid value: "ab": must be 3 to 63 characters
      System.out.println(
          codec.writeYaml(store.withStatus(BackupStoreStatus.of(BackupStorePhase.PENDING))));
    } catch (BackupStoreReadException e) { // the only exception reading throws
      e.errors().forEach(err -> System.err.println(err.location().orElseThrow() + ": " + err));
    } catch (IOException e) { // the file could not be read
      System.err.println(file + ": " + e.getMessage());
    }
  }

  /** docs/provider-mapping.md, translating: compiled, not run (it applies to a cluster). */
  static Resolution translating(
      List<BackupStore> stores, List<ForeignBsl> observedForeignBsls, KubernetesClient client) {
    TranslationOptions options =
        TranslationOptions.defaults(); // velero, lattice-system, aws/gcp/azure, key "cloud"
    TranslationPlan plan = Translator.translateAll(stores, observedForeignBsls, options);
    plan.locations().forEach(bsl -> client.resource(BslJson.toGeneric(bsl)).serverSideApply());
    plan.rejections().forEach((store, r) -> r.errors().forEach(e -> log.warn("{}: {}", store, e)));
    plan.results().values().stream()
        .flatMap(
            r -> r instanceof TranslationResult.Translated t ? t.mirror().stream() : Stream.empty())
        .forEach(m -> log.info("{}", m)); // copy Secret team-a/creds key "cloud" to velero/...
    Resolution r =
        Translator.resolve(Optional.of("local-minio"), "team-a", stores, plan.selection(), options);
    return r;
  }

  /** docs/api.md, errors with locations. */
  static void errorsWithLocations(String text) {
    for (ReadDocument doc :
        BackupStoreCodec.strict().readDocuments(text, Optional.of("stores.yaml"))) {
      for (FieldError e : doc.errors()) { // reading errors, or else validation errors
        System.err.println(e.location().orElseThrow() + ": " + e);
      } // stores.yaml:21:7: spec.storage.s3.region: ...
    }
  }

  /** What docs/api.md, Bean Validation without EL, describes in prose. */
  static void beanValidation(BackupStore store) {
    try (ValidatorFactory factory = BackupStoreValidator.validatorFactory()) {
      List<FieldError> errors =
          BackupStoreValidator.fromViolations(factory.getValidator().validate(store));
      errors.forEach(
          e -> System.err.println(e)); // the same FieldErrors as BackupStoreValidator.validate
    }
  }

  /** docs/test-kit.md: compiled; an inner class, so no test runner picks it up. */
  @ControlPlaneTest // one control plane per test JVM
  class MyOperatorIT {
    @Test
    void reconciles(ControlPlane cluster) {
      KubernetesClient admin = cluster.admin(); // system:masters
      KubernetesClient controller =
          cluster.controller(); // lattice-system/lattice-backup, bound by deploy/rbac.yaml only
      long mark = cluster.auditLog().mark();
      // ... act ...
      List<AuditEvent> requests =
          cluster.auditLog().since(mark, "system:serviceaccount:lattice-system:lattice-backup");
    }
  }

  /** docs/velero.md: compiled; an inner class, so no test runner picks it up. */
  @ControlPlaneTest
  class MyOperatorVeleroIT {
    @Test
    void locationsBecomeAvailable(ControlPlane cluster) {
      try (ObjectStore s3 =
              ObjectStore.start(); // -Dlattice.s3proxy.jar=<S3Proxy jar with dependencies>
          GcsEmulator gcs = GcsEmulator.start();
          Velero velero = Velero.builder(cluster).objectStore(s3).gcsEmulator(gcs).start()) {
        s3.createBucket("backups");
        // create your stores; Velero validates their locations every second
      }
    }
  }

  /** docs/velero.md, Azure and MinIO in one's own tests: compiled, never run. */
  @ControlPlaneTest
  class MyOperatorAzureAndMinioIT {
    @Test
    void locationsBecomeAvailable(ControlPlane cluster, @org.junit.jupiter.api.io.TempDir Path dir)
        throws java.io.IOException {
      try (AzureEmulator azure = AzureEmulator.start("latticearchive");
          MinioServer minio =
              MinioServer.start(); // or MinioServer.startTls(TestCa.create("private"), host)
          ConnectProxy proxy = ConnectProxy.start()) {
        azure.routeThrough(proxy); // *.blob.core.windows.net, login, ARM
        minio.routeThrough(proxy, "minio.minio-system.svc", 9000); // the endpoint your store names
        azure.createContainer("velero-archive");
        minio.createBucket("backups");
        Path roots = Files.writeString(dir.resolve("roots.pem"), azure.caCertificatePem());
        try (Velero velero =
            Velero.builder(cluster)
                .environment("HTTPS_PROXY", proxy.url())
                .environment("HTTP_PROXY", proxy.url())
                .environment("SSL_CERT_FILE", roots.toString())
                .start()) {
          // azure.blobs("velero-archive"), minio.objects("backups") show what Velero wrote
        }
      }
    }
  }
}
