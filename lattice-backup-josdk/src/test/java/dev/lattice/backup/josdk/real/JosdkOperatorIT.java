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
package dev.lattice.backup.josdk.real;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.josdk.snippets.DocSnippets;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * lattice-backup in a real JOSDK operator, on a real API server, as the controller's ServiceAccount
 * bound by deploy/rbac.yaml and deploy/rbac-josdk.yaml: stores converge, the status is written by
 * JOSDK, the default moves when the default store is deleted (and the other store's status follows
 * through the BSL informer), and a deleted store loses its BSL, its mirrored Secret and then its
 * finalizer. Every request is allowed, and every permission of rbac-josdk.yaml is used.
 */
@ControlPlaneTest
class JosdkOperatorIT {

  /** Records the default BSLs after every BSL change a watch delivers. */
  static final class DefaultRecorder implements Watcher<GenericKubernetesResource> {
    final Map<String, Boolean> defaults = new HashMap<>();
    final List<String> violations = new ArrayList<>();

    @Override
    public synchronized void eventReceived(Action action, GenericKubernetesResource bsl) {
      String name = bsl.getMetadata().getName();
      if (action == Action.DELETED) {
        defaults.remove(name);
      } else {
        defaults.put(name, Lookups.isDefault(bsl));
      }
      long count = defaults.values().stream().filter(Boolean::booleanValue).count();
      if (count > 1) {
        violations.add(defaults.toString());
      }
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  @Test
  void storesConvergeTheDefaultMovesAndADeletedStoreIsCleanedUp(ControlPlane cluster)
      throws Exception {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    List<HasMetadata> josdkRbac = JosdkCluster.applyJosdkRbac(admin);
    TestCluster.secret(admin, PLATFORM, "creds", "v1");
    DefaultRecorder recorder = new DefaultRecorder();
    long mark = cluster.auditLog().mark();

    // A store the standalone controller managed: our finalizer, put there by an update.
    TestCluster.store(
        admin,
        PLATFORM,
        "legacy",
        false,
        TestCluster.minio("legacy"),
        List.of(ReconcileOptions.DEFAULT_FINALIZER));

    // The README's snippet, run as the controller's ServiceAccount.
    Operator operator = JosdkCluster.asController(cluster, DocSnippets::josdk);
    try (Watch watch =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(VELERO)
            .watch(recorder)) {
      // A BSL left by a store deleted while no controller ran: an orphan, collected by a sweep.
      admin
          .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
          .inNamespace(VELERO)
          .resource(
              Serialization.unmarshal(
                  "apiVersion: velero.io/v1\n"
                      + "kind: BackupStorageLocation\n"
                      + "metadata:\n"
                      + "  name: lattice-gone\n"
                      + "  labels: {app.kubernetes.io/managed-by: lattice-backup,"
                      + " lattice.dev/backup-store-namespace: lattice-system,"
                      + " lattice.dev/backup-store-name: gone}\n"
                      + "  annotations: {lattice.dev/backup-store: lattice-system/gone}\n"
                      + "spec: {provider: aws, objectStorage: {bucket: gone}}\n",
                  GenericKubernetesResource.class))
          .create();

      // Two stores that both ask to be the default: the older one wins.
      TestCluster.store(admin, PLATFORM, "first", true, TestCluster.minio("first"));
      TestCluster.await(
          "the first store's BSL, default",
          () -> Lookups.bslOf(admin, PLATFORM, "first").filter(Lookups::isDefault).isPresent());
      TestCluster.store(admin, PLATFORM, "second", true, TestCluster.minio("second"));
      TestCluster.await(
          "both BSLs and both mirrored Secrets",
          () ->
              Lookups.bslOf(admin, PLATFORM, "second").isPresent()
                  && Lookups.hasMirroredSecret(admin, PLATFORM, "first")
                  && Lookups.hasMirroredSecret(admin, PLATFORM, "second"));
      Lookups.bsls(admin)
          .forEach(b -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
      TestCluster.await(
          "both stores Ready, the first the default",
          () ->
              Lookups.phase(admin, PLATFORM, "first").equals("Ready")
                  && Lookups.phase(admin, PLATFORM, "second").equals("Ready")
                  && Lookups.condition(admin, PLATFORM, "first", "Default").equals("True")
                  && Lookups.condition(admin, PLATFORM, "second", "Default").equals("False"));
      assertThat(Lookups.bslOf(admin, PLATFORM, "second").filter(Lookups::isDefault)).isEmpty();
      TestCluster.await(
          "the orphan BSL collected", () -> Lookups.bslOf(admin, PLATFORM, "gone").isEmpty());
      GenericKubernetesResource first = Lookups.getStore(admin, PLATFORM, "first").orElseThrow();
      assertThat(first.getMetadata().getFinalizers())
          .as("JOSDK put lattice-backup's finalizer on the store")
          .containsExactly(ReconcileOptions.DEFAULT_FINALIZER);
      assertThat(first.getMetadata().getManagedFields())
          .as("the status was written by JOSDK's server-side apply under the controller's name")
          .anyMatch(
              (ManagedFieldsEntry f) ->
                  LatticeBackupOperator.CONTROLLER_NAME.equals(f.getManager())
                      && "Apply".equals(f.getOperation())
                      && "status".equals(f.getSubresource()));

      // Deleting the default store: its BSL and Secret go, then its finalizer; the default moves
      // to the second store, whose status follows (its spec did not change: the BSL event did it).
      admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(PLATFORM)
          .withName("first")
          .delete();
      TestCluster.await(
          "the deleted store, its BSL and its mirrored Secret gone",
          () ->
              Lookups.getStore(admin, PLATFORM, "first").isEmpty()
                  && Lookups.bslOf(admin, PLATFORM, "first").isEmpty()
                  && !Lookups.hasMirroredSecret(admin, PLATFORM, "first"));
      TestCluster.await(
          "the default moved to the second store, and its status says so",
          () ->
              Lookups.bslOf(admin, PLATFORM, "second").filter(Lookups::isDefault).isPresent()
                  && Lookups.condition(admin, PLATFORM, "second", "Default").equals("True"));
      assertThat(Lookups.hasMirroredSecret(admin, PLATFORM, "second")).isTrue();

      // The legacy store: JOSDK removes the finalizer it did not add (its removal is a JSON patch,
      // not a server-side apply), and the store goes.
      TestCluster.await(
          "the legacy store's BSL", () -> Lookups.bslOf(admin, PLATFORM, "legacy").isPresent());
      admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(PLATFORM)
          .withName("legacy")
          .delete();
      TestCluster.await(
          "the legacy store and its BSL gone",
          () ->
              Lookups.getStore(admin, PLATFORM, "legacy").isEmpty()
                  && Lookups.bslOf(admin, PLATFORM, "legacy").isEmpty());
    } finally {
      operator.stop();
    }
    synchronized (recorder) {
      assertThat(recorder.violations).as("moments with two default BSLs").isEmpty();
    }

    List<AuditEvent> requests = RequestCounts.controllerEvents(cluster, mark);
    assertThat(requests).isNotEmpty();
    assertThat(requests)
        .as("requests the API server refused")
        .noneMatch(e -> e.code() == 403 || e.decision().equals(Optional.of("forbid")));
    for (HasMetadata o : josdkRbac) {
      List<PolicyRule> rules =
          o instanceof ClusterRole r
              ? r.getRules()
              : o instanceof Role r ? r.getRules() : List.of();
      Optional<String> ns =
          o instanceof Role ? Optional.of(o.getMetadata().getNamespace()) : Optional.empty();
      for (PolicyRule rule : rules) {
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              assertThat(requests)
                  .as("a request that uses %s %s/%s in %s", verb, group, resource, ns)
                  .anyMatch(
                      e ->
                          e.apiGroup().equals(group)
                              && e.fullResource().equals(resource)
                              && e.verb().equals(verb)
                              && ns.map(n -> n.equals(e.namespace())).orElse(true));
            }
          }
        }
      }
    }
  }
}
