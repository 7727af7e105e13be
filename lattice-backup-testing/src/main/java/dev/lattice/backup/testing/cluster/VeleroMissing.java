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
package dev.lattice.backup.testing.cluster;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.ControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every controller of ours is held to when Velero's BackupStorageLocation CRD is deleted while
 * it runs (the standalone controller's and the JOSDK integration's tests run these steps): a store
 * created then is Pending with reason VeleroNotInstalled and a message naming the CRD, within 45 s;
 * once the CRD is back, every store converges without a restart and there is one default.
 */
public final class VeleroMissing {
  private VeleroMissing() {}

  /** How soon a store must say Pending: the seed promises a status, 45 s is what users wait. */
  public static final Duration PROMISED = Duration.ofSeconds(45);

  /** The store's Ready condition as {@code reason: message}, when it has one. */
  public static Optional<String> ready(KubernetesClient admin, String name) {
    return Lookups.getStore(admin, PLATFORM, name)
        .flatMap(
            s ->
                TestCluster.section(s, "status").get("conditions") instanceof List<?> list
                    ? list.stream()
                        .filter(o -> o instanceof Map<?, ?> m && "Ready".equals(m.get("type")))
                        .map(o -> (Map<?, ?>) o)
                        .map(m -> m.get("reason") + ": " + m.get("message"))
                        .findFirst()
                    : Optional.empty());
  }

  /**
   * The steps both controllers are held to: a store converges; the CRD goes; a new store says
   * Pending naming the CRD; the CRD comes back; both stores converge.
   *
   * @param cluster the control plane, where a controller runs
   */
  public static void pendingWhileVeleroIsMissingThenConverged(ControlPlane cluster) {
    KubernetesClient admin = cluster.admin();
    TestCluster.store(admin, PLATFORM, "before", true, TestCluster.s3("bucket-before"));
    TestCluster.await(
        "the BSL of a store made while Velero is installed",
        () -> Lookups.bslOf(admin, PLATFORM, "before").isPresent());

    try (VeleroCrd.Removal removal = VeleroCrd.remove(admin)) {
      TestCluster.store(admin, PLATFORM, "during", false, TestCluster.s3("bucket-during"));
      TestCluster.await(
          "a Pending status naming the missing CRD",
          PROMISED,
          () -> "Pending".equals(Lookups.phase(admin, PLATFORM, "during")));
      assertThat(ready(admin, "during"))
          .hasValueSatisfying(
              r -> assertThat(r).startsWith("VeleroNotInstalled: ").contains(VeleroCrd.NAME));
      TestCluster.await(
          "the store made earlier to say so too",
          PROMISED,
          () -> ready(admin, "before").orElse("").startsWith("VeleroNotInstalled"));
    }

    TestCluster.await(
        "both stores' BSLs once the CRD is back",
        Duration.ofSeconds(90),
        () ->
            Lookups.bslOf(admin, PLATFORM, "before").isPresent()
                && Lookups.bslOf(admin, PLATFORM, "during").isPresent());
    for (String name : List.of("before", "during")) {
      GenericKubernetesResource bsl = Lookups.bslOf(admin, PLATFORM, name).orElseThrow();
      TestCluster.veleroMarks(admin, bsl.getMetadata().getName(), "Available");
    }
    TestCluster.await(
        "both stores Ready",
        Duration.ofSeconds(90),
        () ->
            "Ready".equals(Lookups.phase(admin, PLATFORM, "before"))
                && "Ready".equals(Lookups.phase(admin, PLATFORM, "during")));
    assertThat(Lookups.bsls(admin).stream().filter(Lookups::isDefault)).hasSize(1);
  }
}
