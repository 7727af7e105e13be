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
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.ControlPlane.CommandResult;
import dev.lattice.backup.junit.ControlPlaneTest;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a kubectl user sees of BackupStores, with the real kubectl against the real API server: the
 * columns say which BSL and, in {@code -o wide}, why a store is not Ready; {@code kubectl get
 * lattice} and {@code kubectl get backup} list the stores through the CRD's categories.
 */
@ControlPlaneTest
class KubectlColumnsIT {
  /** A credentials reference no test creates (other tests leave a Secret {@code creds} behind). */
  private static final String MISSING = "kubectl-columns-no-such-secret";

  private static String readyCondition(GenericKubernetesResource store, String field) {
    Object conditions = TestCluster.section(store, "status").get("conditions");
    if (conditions instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && "Ready".equals(m.get("type"))) {
          return String.valueOf(m.get(field));
        }
      }
    }
    throw new AssertionError("no Ready condition on " + store.getMetadata().getName());
  }

  private static CommandResult kubectl(ControlPlane cluster, String... args) {
    CommandResult r = cluster.kubectl("", args);
    assertThat(r.exitCode()).as("kubectl %s: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }

  private static String line(String out, String name) {
    return Arrays.stream(out.split("\n"))
        .filter(l -> l.startsWith(name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + name + " in\n" + out));
  }

  @Test
  void columnsSayWhichBslAndWhyNotReadyAndCategoriesListTheStores(ControlPlane cluster) {
    KubernetesClient admin = cluster.admin();
    TestCluster.cleanSlate(admin);
    // "ready" uses the platform's credentials; "broken" names a Secret that does not exist.
    admin.secrets().inNamespace(PLATFORM).withName(MISSING).delete();
    TestCluster.store(admin, PLATFORM, "ready", true, TestCluster.s3("bucket-ready"));
    TestCluster.store(
        admin,
        PLATFORM,
        "broken",
        false,
        TestCluster.minio("bucket-broken")
            .replace("credentialsSecretRef: creds", "credentialsSecretRef: " + MISSING));
    try (KubernetesClient controller = cluster.controller()) {
      Reconciler reconciler = RealCluster.reconciler(controller);
      reconciler.reconcile();
      Lookups.bsls(admin)
          .forEach(b -> TestCluster.veleroMarks(admin, b.getMetadata().getName(), "Available"));
      reconciler.reconcile();
    }
    GenericKubernetesResource ready = Lookups.getStore(admin, PLATFORM, "ready").orElseThrow();
    GenericKubernetesResource broken = Lookups.getStore(admin, PLATFORM, "broken").orElseThrow();
    assertThat(Lookups.phase(admin, PLATFORM, "ready")).isEqualTo("Ready");
    assertThat(readyCondition(broken, "status")).isEqualTo("False");
    String brokenReason = readyCondition(broken, "reason");
    String brokenMessage = readyCondition(broken, "message");
    assertThat(brokenMessage).isNotBlank();

    String plain = kubectl(cluster, "get", "bstore", "-n", PLATFORM).out();
    assertThat(plain.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "DEFAULT", "PROVIDER", "BSL", "PHASE", "AGE");
    String bsl = String.valueOf(TestCluster.section(ready, "status").get("veleroBslName"));
    assertThat(line(plain, "ready")).contains(" " + bsl + " ").contains(" Ready ");

    String wide = kubectl(cluster, "get", "backupstores", "-n", PLATFORM, "-o", "wide").out();
    assertThat(wide.lines().findFirst().orElseThrow().split("\\s+"))
        .containsExactly("NAME", "DEFAULT", "PROVIDER", "BSL", "PHASE", "REASON", "MESSAGE", "AGE");
    assertThat(line(wide, "broken")).contains(" " + brokenReason + " ").contains(brokenMessage);
    assertThat(line(wide, "ready")).contains(" " + readyCondition(ready, "reason") + " ");

    for (String category : List.of("lattice", "backup")) {
      // The category holds one kind, so kubectl prints that kind's table, names unprefixed.
      String listed = kubectl(cluster, "get", category, "-n", PLATFORM).out();
      assertThat(listed.lines().findFirst()).as(category).isEqualTo(plain.lines().findFirst());
      assertThat(line(listed, "ready")).as(category).contains(" " + bsl + " ");
      assertThat(line(listed, "broken")).as(category).isNotBlank();
    }
  }
}
