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

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups for tests on the real control plane: stores and their status (phase, conditions), and
 * what the controller made for them, found by the labels it puts on its BSLs and mirrored Secrets.
 * The writes and the waiting are {@link TestCluster}'s.
 */
public final class Lookups {
  private Lookups() {}

  /**
   * A store, as the server has it now.
   *
   * @param c the client that reads it
   * @param ns its namespace
   * @param name its name
   * @return the store, empty when there is none
   */
  public static Optional<GenericKubernetesResource> getStore(
      KubernetesClient c, String ns, String name) {
    return Optional.ofNullable(
        c.genericKubernetesResources(TestCluster.BACKUP_STORES)
            .inNamespace(ns)
            .withName(name)
            .get());
  }

  /**
   * The stores of the platform's namespace.
   *
   * @param c the client that lists them
   * @return the stores
   */
  public static List<GenericKubernetesResource> stores(KubernetesClient c) {
    return c.genericKubernetesResources(TestCluster.BACKUP_STORES)
        .inNamespace(TestCluster.PLATFORM)
        .list()
        .getItems();
  }

  /**
   * How many stores of the platform's namespace are in phase {@code Ready}.
   *
   * @param c the client that lists them
   * @return the number of Ready stores
   */
  public static long readyStores(KubernetesClient c) {
    return stores(c).stream()
        .filter(s -> "Ready".equals(TestCluster.section(s, "status").get("phase")))
        .count();
  }

  /**
   * Every BSL in Velero's namespace, ours or not.
   *
   * @param c the client that lists them
   * @return the BSLs
   */
  public static List<GenericKubernetesResource> bsls(KubernetesClient c) {
    return c.genericKubernetesResources(TestCluster.BACKUP_STORAGE_LOCATIONS)
        .inNamespace(TestCluster.VELERO)
        .list()
        .getItems();
  }

  /**
   * Whether an object's labels name the store, as the controller labels what it makes for one.
   *
   * @param o the object, a BSL or a Secret
   * @param ns the store's namespace
   * @param name the store's name
   * @return true when both labels name the store
   */
  public static boolean labelledFor(HasMetadata o, String ns, String name) {
    Map<String, String> l = o.getMetadata().getLabels();
    return l != null
        && ns.equals(l.get(TestCluster.STORE_NAMESPACE_LABEL))
        && name.equals(l.get(TestCluster.STORE_NAME_LABEL));
  }

  /**
   * The BSL that belongs to the store, found by the labels the library puts on it.
   *
   * @param c the client that lists the BSLs
   * @param ns the store's namespace
   * @param name the store's name
   * @return the BSL, empty when there is none
   */
  public static Optional<GenericKubernetesResource> bslOf(
      KubernetesClient c, String ns, String name) {
    return bsls(c).stream().filter(b -> labelledFor(b, ns, name)).findFirst();
  }

  /**
   * Whether Velero's namespace holds a Secret mirrored for the store, found by its labels.
   *
   * @param c the client that lists the Secrets
   * @param ns the store's namespace
   * @param name the store's name
   * @return true when there is one
   */
  public static boolean hasMirroredSecret(KubernetesClient c, String ns, String name) {
    return c.secrets().inNamespace(TestCluster.VELERO).list().getItems().stream()
        .anyMatch(s -> labelledFor(s, ns, name));
  }

  /**
   * Whether a BSL is Velero's default ({@code spec.default: true}).
   *
   * @param bsl the BSL
   * @return true when it is
   */
  public static boolean isDefault(GenericKubernetesResource bsl) {
    return Boolean.TRUE.equals(TestCluster.section(bsl, "spec").get("default"));
  }

  /**
   * The status of a condition of the store's status.
   *
   * @param c the client that reads the store
   * @param ns the store's namespace
   * @param name the store's name
   * @param type the condition's type, such as {@code Default}
   * @return its status, such as {@code True}; empty when there is no such store or condition
   */
  public static String condition(KubernetesClient c, String ns, String name, String type) {
    return getStore(c, ns, name).map(s -> condition(s, type)).orElse("");
  }

  /** The status of a condition of the object's status, or "" when there is none. */
  static String condition(GenericKubernetesResource r, String type) {
    if (TestCluster.section(r, "status").get("conditions") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && type.equals(m.get("type"))) {
          return String.valueOf(m.get("status"));
        }
      }
    }
    return "";
  }

  /**
   * The store's {@code status.phase}.
   *
   * @param c the client that reads the store
   * @param ns the store's namespace
   * @param name the store's name
   * @return the phase, {@code "null"} when the store has none yet, empty when there is no store
   */
  public static String phase(KubernetesClient c, String ns, String name) {
    return getStore(c, ns, name)
        .map(s -> String.valueOf(TestCluster.section(s, "status").get("phase")))
        .orElse("");
  }
}
