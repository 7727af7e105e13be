package dev.lattice.backup.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the controller makes in a whole lifecycle is allowed by {@code deploy/rbac.yaml}
 * for its ServiceAccount, in the namespace it goes to, and the manifest grants Secret writes only
 * in Velero's namespace.
 */
class RbacTest {
  private static final String AGENT = "lattice-backup-under-test";
  KubernetesMockServer server;
  KubernetesClient client;

  /** A request as RBAC sees it. */
  record Access(String verb, String group, String resource, Optional<String> namespace) {}

  /** A rule granted in a namespace (empty: every namespace). */
  record Grant(PolicyRule rule, Optional<String> namespace) {}

  @BeforeEach
  void setUp() {
    server = MockCluster.start();
    client = server.createClient();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.destroy();
  }

  @Test
  void theManifestAllowsEveryRequestOfALifecycle() throws Exception {
    MockCluster.putSecret(client, "lattice-system", "minio-creds", "k");
    MockCluster.create(client, MockCluster.seed("s3-store.yaml"));
    MockCluster.create(client, MockCluster.seed("minio-store.yaml"));
    KubernetesClient controllerClient =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(AGENT).build())
            .build();
    Reconciler reconciler =
        new Reconciler(
            Fabric8Ports.create(controllerClient, "velero"), ReconcileOptions.defaults());
    try (BackupStoreController controller =
        BackupStoreController.start(
            controllerClient, reconciler, "velero", Duration.ofMinutes(10))) {
      reconciler.reconcile();
      MockCluster.veleroMarks(client, "lattice-local-minio", "Available", "");
      reconciler.reconcile();
      client
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace("lattice-system")
          .withName("local-minio")
          .delete();
      reconciler.reconcile();
    }

    List<Access> accesses = new ArrayList<>();
    for (RecordedRequest r : MockCluster.drainRaw(server)) {
      String agent = r.getHeader("User-Agent");
      if (agent != null && agent.contains(AGENT)) {
        accesses.add(access(r.getMethod(), r.getPath()));
      }
    }
    List<Grant> grants = grants();

    assertThat(accesses).isNotEmpty();
    assertThat(accesses)
        .extracting(Access::verb)
        .contains("list", "watch", "get", "patch", "update", "delete");
    for (Access a : accesses) {
      assertThat(grants.stream().anyMatch(g -> allows(g, a))).as("RBAC allows %s", a).isTrue();
    }
    Access secretWriteElsewhere = new Access("patch", "", "secrets", Optional.of("lattice-system"));
    assertThat(grants.stream().anyMatch(g -> allows(g, secretWriteElsewhere))).isFalse();
    Access secretReadEverywhere = new Access("get", "", "secrets", Optional.empty());
    assertThat(grants.stream().anyMatch(g -> allows(g, secretReadEverywhere))).isFalse();
  }

  private static boolean allows(Grant g, Access a) {
    if (g.namespace().isPresent() && !g.namespace().equals(a.namespace())) {
      return false;
    }
    PolicyRule rule = g.rule();
    return rule.getApiGroups().contains(a.group())
        && rule.getResources().contains(a.resource())
        && rule.getVerbs().contains(a.verb());
  }

  /** Maps a REST request to an RBAC verb, group, resource and namespace. */
  static Access access(String method, String fullPath) {
    int q = fullPath.indexOf('?');
    String path = q < 0 ? fullPath : fullPath.substring(0, q);
    String query = q < 0 ? "" : fullPath.substring(q + 1);
    String[] p = path.substring(1).split("/");
    int i;
    String group;
    if (p[0].equals("api")) {
      group = "";
      i = 2;
    } else {
      group = p[1];
      i = 3;
    }
    Optional<String> namespace = Optional.empty();
    if (i < p.length && p[i].equals("namespaces") && i + 2 < p.length) {
      namespace = Optional.of(p[i + 1]);
      i += 2;
    }
    String resource = p[i];
    boolean named = i + 1 < p.length;
    if (i + 2 < p.length) {
      resource = resource + "/" + p[i + 2];
    }
    String verb =
        switch (method) {
          case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          default -> method;
        };
    return new Access(verb, group, resource, namespace);
  }

  private List<Grant> grants() throws Exception {
    List<HasMetadata> objects;
    try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "rbac.yaml"))) {
      objects = client.load(in).items();
    }
    List<Grant> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding b && bindsUs(b.getSubjects())) {
        rulesOf(objects, b.getRoleRef().getKind(), b.getRoleRef().getName(), null)
            .forEach(r -> out.add(new Grant(r, Optional.empty())));
      } else if (o instanceof RoleBinding b && bindsUs(b.getSubjects())) {
        String ns = b.getMetadata().getNamespace();
        rulesOf(objects, b.getRoleRef().getKind(), b.getRoleRef().getName(), ns)
            .forEach(r -> out.add(new Grant(r, Optional.of(ns))));
      }
    }
    return out;
  }

  private static boolean bindsUs(List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects) {
    return subjects.stream()
        .anyMatch(
            s ->
                s.getKind().equals("ServiceAccount")
                    && s.getName().equals("lattice-backup")
                    && s.getNamespace().equals("lattice-system"));
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
