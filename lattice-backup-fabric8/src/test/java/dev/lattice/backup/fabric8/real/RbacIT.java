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
import dev.lattice.backup.fabric8.runtime.LeaderElection;
import dev.lattice.backup.junit.AuditEvent;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.RequestCounts;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/rbac.yaml is sufficient and minimal, judged by the real API server's authorizer: a whole
 * lifecycle run as the controller's ServiceAccount is never refused, every permission the manifest
 * grants is used in it, and a request outside the grants is refused with 403.
 */
@ControlPlaneTest
class RbacIT {

  /** One permission the manifest grants: a verb on a resource, in a namespace or everywhere. */
  record Grant(String group, String resource, String verb, Optional<String> namespace) {
    boolean allows(AuditEvent e) {
      return e.apiGroup().equals(group)
          && e.fullResource().equals(resource)
          && (e.verb().equals(verb) || createdByApply(e))
          && namespace.map(ns -> ns.equals(e.namespace())).orElse(true);
    }

    /** A server-side apply that created its object: the server checks create as well as patch. */
    private boolean createdByApply(AuditEvent e) {
      return verb.equals("create") && e.verb().equals("patch") && e.code() == 201;
    }
  }

  @Test
  void aWholeLifecycleIsAllowedUsesEveryGrantAndNothingElseIsAllowed(ControlPlane cluster)
      throws Exception {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    TestCluster.secret(admin, PLATFORM, "creds", "v1");
    long mark = cluster.auditLog().mark();

    try (KubernetesClient client = cluster.controller()) {
      Reconciler reconciler = RealCluster.reconciler(client);
      // With leader election, as lattice-backup-controller runs: the Lease grants are used too.
      try (BackupStoreController loop =
          RealCluster.controller(client)
              .leaderElection(
                  LeaderElection.lease(
                      ControlPlane.CONTROLLER_NAMESPACE, "lattice-backup-rbac-it", "rbac-it"))
              .start()) {
        TestCluster.store(admin, PLATFORM, "prod", true, TestCluster.s3("lattice-backups"));
        TestCluster.store(admin, PLATFORM, "minio", false, TestCluster.minio("backups"));
        TestCluster.await("both BSLs", () -> Lookups.bsls(admin).size() == 2);
        Lookups.bsls(admin)
            .forEach(b -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
        TestCluster.await(
            "both stores Ready",
            () ->
                List.of("prod", "minio").stream()
                    .allMatch(
                        n ->
                            "Ready"
                                .equals(
                                    TestCluster.section(
                                            Lookups.getStore(admin, PLATFORM, n).orElseThrow(),
                                            "status")
                                        .get("phase"))));
        TestCluster.secret(admin, PLATFORM, "creds", "v2");
        reconciler.reconcile();
        admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(PLATFORM)
            .withName("minio")
            .delete();
        TestCluster.await(
            "the deleted store is gone",
            () -> Lookups.getStore(admin, PLATFORM, "minio").isEmpty());
        TestCluster.await("its BSL is gone", () -> Lookups.bsls(admin).size() == 1);
      }
      // The uncached ports, as an embedder without the controller uses them: a changed store is
      // read before its status is written.
      admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(PLATFORM)
          .withName("prod")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"spec\":{\"storage\":{\"s3\":{\"bucket\":\"lattice-backups-2\"}}}}");
      assertThat(reconciler.reconcile().failures()).isEmpty();

      List<AuditEvent> requests = RequestCounts.controllerEvents(cluster, mark);
      assertThat(requests).isNotEmpty();
      assertThat(requests)
          .as("requests the API server refused")
          .noneMatch(e -> e.code() == 403 || e.decision().equals(Optional.of("forbid")));

      List<Grant> grants = grants(admin);
      TreeSet<String> unused = new TreeSet<>();
      for (Grant g : grants) {
        if (requests.stream().noneMatch(g::allows)) {
          unused.add(g.toString());
        }
      }
      assertThat(unused).as("permissions deploy/rbac.yaml grants that no request used").isEmpty();
      for (AuditEvent e : requests) {
        assertThat(grants.stream().anyMatch(g -> g.allows(e))).as("a grant for " + e).isTrue();
      }

      // Outside the grants: Secrets anywhere but Velero's namespace (read only in the platform's).
      assertThatThrownBy(
              () -> client.secrets().inNamespace(PLATFORM).withName("creds").edit(s -> s))
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(() -> client.secrets().inNamespace("default").list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(() -> client.configMaps().inNamespace(VELERO).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  /** The permissions deploy/rbac.yaml gives the controller's ServiceAccount, expanded. */
  static List<Grant> grants(KubernetesClient admin) throws Exception {
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "rbac.yaml"))) {
      objects = admin.load(in).items();
    }
    List<Grant> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding b && bindsController(b.getSubjects())) {
        expand(
            rulesOf(objects, b.getRoleRef().getKind(), b.getRoleRef().getName(), null),
            Optional.empty(),
            out);
      } else if (o instanceof RoleBinding b && bindsController(b.getSubjects())) {
        String ns = b.getMetadata().getNamespace();
        expand(
            rulesOf(objects, b.getRoleRef().getKind(), b.getRoleRef().getName(), ns),
            Optional.of(ns),
            out);
      }
    }
    return out;
  }

  private static void expand(List<PolicyRule> rules, Optional<String> ns, List<Grant> out) {
    for (PolicyRule r : rules) {
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          for (String v : r.getVerbs()) {
            out.add(new Grant(g, res, v, ns));
          }
        }
      }
    }
  }

  private static boolean bindsController(
      List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects) {
    return subjects.stream()
        .anyMatch(
            s ->
                s.getKind().equals("ServiceAccount")
                    && s.getName().equals(ControlPlane.CONTROLLER_SERVICE_ACCOUNT)
                    && s.getNamespace().equals(PLATFORM));
  }

  private static List<PolicyRule> rulesOf(
      List<HasMetadata> objects, String kind, String name, String namespace) {
    for (HasMetadata o : objects) {
      if (kind.equals("ClusterRole")
          && o instanceof ClusterRole r
          && r.getMetadata().getName().equals(name)) {
        return r.getRules();
      }
      if (kind.equals("Role")
          && o instanceof Role r
          && r.getMetadata().getName().equals(name)
          && r.getMetadata().getNamespace().equals(namespace)) {
        return r.getRules();
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }
}
