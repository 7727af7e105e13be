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

import dev.lattice.backup.junit.ControlPlane;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The JOSDK tests' own side of the cluster: the controller's identity for code that builds its own
 * client, and JOSDK's extra RBAC. Stores, Secrets, BSLs and waiting are {@code TestCluster}'s.
 */
final class JosdkCluster {
  private JosdkCluster() {}

  /**
   * Runs code that builds its own client from the environment (as {@code new Operator()} does) with
   * the controller's identity in the system properties fabric8 reads, and no kubeconfig.
   */
  static <T> T asController(ControlPlane cluster, Supplier<T> body) {
    Map<String, String> properties = controllerProperties(cluster);
    properties.forEach(System::setProperty);
    try {
      return body.get();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  /** The system properties that make fabric8 connect as the controller's ServiceAccount. */
  static Map<String, String> controllerProperties(ControlPlane cluster) {
    Config config = cluster.controller().getConfiguration();
    Map<String, String> out = new TreeMap<>();
    out.put("kubernetes.master", config.getMasterUrl());
    out.put("kubernetes.auth.token", config.getOauthToken());
    out.put("kubernetes.certs.ca.data", config.getCaCertData());
    out.put("kubernetes.auth.tryKubeConfig", "false");
    out.put("kubernetes.auth.tryServiceAccount", "false");
    out.put("kubernetes.tryNamespacePath", "false");
    return out;
  }

  /** Applies deploy/rbac-josdk.yaml, as an admin, on top of deploy/rbac.yaml. */
  static List<HasMetadata> applyJosdkRbac(KubernetesClient admin) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("..", "deploy", "rbac-josdk.yaml"))) {
      List<HasMetadata> objects = admin.load(in).items();
      for (HasMetadata o : objects) {
        admin.resource(o).fieldManager("josdk-test").forceConflicts().serverSideApply();
      }
      return objects;
    }
  }
}
