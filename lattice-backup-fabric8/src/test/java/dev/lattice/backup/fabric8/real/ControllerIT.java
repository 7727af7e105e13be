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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller loop ({@link BackupStoreController}) on a real API server as the restricted
 * ServiceAccount: default moves watched event by event, recovery from a watch that expired (410
 * Gone) while the controller was cut off, and bad input that gets past admission.
 */
@ControlPlaneTest
class ControllerIT {
  ControlPlane cluster;
  KubernetesClient admin;

  @BeforeEach
  void setUp(ControlPlane cluster) {
    this.cluster = cluster;
    admin = cluster.admin();
    TestCluster.cleanSlate(admin);
  }

  /** Every BSL change, as a watch delivers it, with the set of default BSLs after each. */
  static final class DefaultRecorder implements Watcher<GenericKubernetesResource> {
    final Map<String, Boolean> defaults = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    int events;

    @Override
    public synchronized void eventReceived(Action action, GenericKubernetesResource bsl) {
      events++;
      String name = bsl.getMetadata().getName();
      if (action == Action.DELETED) {
        defaults.remove(name);
      } else {
        defaults.put(name, Lookups.isDefault(bsl));
      }
      long count = defaults.values().stream().filter(b -> b).count();
      if (count > 1) {
        violations.add("after " + action + " " + name + ": " + defaults);
      }
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  private void setDefault(String name, boolean value) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"default\":" + value + "}}");
  }

  private Optional<String> defaultBslOwner() {
    List<GenericKubernetesResource> defaults =
        Lookups.bsls(admin).stream().filter(Lookups::isDefault).toList();
    assertThat(defaults).hasSizeLessThanOrEqualTo(1);
    return defaults.stream()
        .map(b -> b.getMetadata().getLabels().get("lattice.dev/backup-store-name"))
        .findFirst();
  }

  @ParameterizedTest(name = "{0} worker(s)")
  @ValueSource(ints = {1, 4})
  void aWatchOnEveryBslChangeNeverSeesTwoDefaultsWhileTheDefaultMovesBackAndForth(int workers) {
    TestCluster.store(admin, PLATFORM, "a", true, TestCluster.s3("bucket-a"));
    TestCluster.store(admin, PLATFORM, "b", false, TestCluster.s3("bucket-b"));
    TestCluster.store(admin, PLATFORM, "c", false, TestCluster.s3("bucket-c"));
    DefaultRecorder recorder = new DefaultRecorder();
    try (KubernetesClient client = cluster.controller();
        BackupStoreController loop = RealCluster.controller(client).workers(workers).start();
        Watch watch =
            admin
                .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
                .inNamespace(VELERO)
                .watch(recorder)) {
      TestCluster.await("a is the default", () -> Optional.of("a").equals(defaultBslOwner()));
      for (int move = 0; move < 4; move++) {
        String from = move % 2 == 0 ? "a" : "b";
        String to = move % 2 == 0 ? "b" : "a";
        // The new default asks first, then the old one lets go: for a moment two stores ask.
        setDefault(to, true);
        setDefault(from, false);
        TestCluster.await(to + " is the default", () -> Optional.of(to).equals(defaultBslOwner()));
      }
    }
    synchronized (recorder) {
      assertThat(recorder.events).isGreaterThanOrEqualTo(8);
      assertThat(recorder.violations).isEmpty();
    }
  }

  @Test
  void aControllerNeedsAtLeastOneWorker() {
    try (KubernetesClient client = cluster.controller()) {
      assertThatThrownBy(() -> RealCluster.controller(client).workers(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("workers must be at least 1, not 0");
    }
  }

  @Test
  void afterItsWatchExpiredWhileCutOffTheControllerRelistsAndConvergesWithoutARestart()
      throws Exception {
    TestCluster.store(admin, PLATFORM, "before", false, TestCluster.s3("bucket-before"));
    URI server = URI.create(cluster.server());
    try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
        KubernetesClient direct = cluster.controller();
        KubernetesClient informing =
            new KubernetesClientBuilder()
                .withConfig(
                    ControlPlane.configOf(direct)
                        .withMasterUrl("https://127.0.0.1:" + proxy.port())
                        .withUserAgent("lattice-informers")
                        .build())
                .build();
        BackupStoreController loop = RealCluster.controller(informing).start()) {
      TestCluster.await(
          "the first store's BSL", () -> Lookups.bslOf(admin, PLATFORM, "before").isPresent());

      proxy.cut();
      TestCluster.store(admin, PLATFORM, "during", false, TestCluster.s3("bucket-during"));
      TestCluster.store(admin, PLATFORM, "filler", false, TestCluster.s3("bucket-filler"));
      long compacted = cluster.compactEtcd();
      long mark = cluster.auditLog().mark();
      proxy.restore();

      TestCluster.await(
          "the store created while cut off gets its BSL",
          Duration.ofSeconds(90),
          () -> Lookups.bslOf(admin, PLATFORM, "during").isPresent());
      List<AuditEvent> informers =
          RequestCounts.controllerEvents(cluster, mark).stream()
              .filter(
                  e ->
                      e.userAgent().startsWith("lattice-informers")
                          && e.resource().equals("backupstores"))
              .toList();
      assertThat(informers)
          .as(
              "the informer relisted BackupStores after its watch expired (compacted at %d)",
              compacted)
          .anySatisfy(e -> assertThat(e.verb()).isEqualTo("list"));
    }
  }

  @Test
  void invalidInputIsRefusedAtAdmissionWithTheFieldNamed() {
    assertThatThrownBy(
            () -> TestCluster.store(admin, PLATFORM, "bad", false, TestCluster.s3("Not_A_Bucket")))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getDetails().getCauses())
                  .anySatisfy(c -> assertThat(c.getField()).isEqualTo("spec.storage.s3.bucket"));
            });
  }

  @Test
  void aStoreOnlyTheLibraryRefusesGoesFailedNamingTheFieldAndNothingElseIsWritten() {
    String tenant = cluster.newNamespace("tenant");
    // Admission accepts it: whether a tenant may use the platform's CloudProvider credentials is
    // the
    // library's (configurable) policy, not the schema's.
    TestCluster.store(admin, tenant, "borrows", false, TestCluster.s3("tenant-bucket"));
    long mark = cluster.auditLog().mark();
    try (KubernetesClient client = cluster.controller()) {
      RealCluster.reconciler(client).reconcile();
    }
    GenericKubernetesResource store = Lookups.getStore(admin, tenant, "borrows").orElseThrow();
    Map<String, Object> status = TestCluster.section(store, "status");
    assertThat(status).containsEntry("phase", "Failed");
    assertThat(String.valueOf(status.get("conditions"))).contains("cloudProviderRef");
    assertThat(Lookups.bsls(admin)).isEmpty();
    assertThat(admin.secrets().inNamespace(VELERO).list().getItems()).isEmpty();
    assertThat(RequestCounts.controllerEvents(cluster, mark).stream().filter(AuditEvent::isWrite))
        .allSatisfy(e -> assertThat(e.resource()).isEqualTo("backupstores"))
        .anySatisfy(e -> assertThat(e.subresource()).isEqualTo("status"));
    assertThat(Objects.requireNonNull(store.getMetadata().getName())).isEqualTo("borrows");
  }
}
