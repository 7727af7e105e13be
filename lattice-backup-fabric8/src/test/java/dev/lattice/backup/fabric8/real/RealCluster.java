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

import dev.lattice.backup.fabric8.adapter.Fabric8Ports;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * This module's own shortcuts for tests on the real control plane: the controller and the
 * reconciler as the tests run them. The cluster's side (stores, Secrets, BSLs, Velero's status,
 * waiting, a clean slate) is {@link TestCluster}'s, the request counts {@code RequestCounts}'.
 */
final class RealCluster {
  private RealCluster() {}

  /** A controller as the tests run it: the default options, the given client. */
  static BackupStoreController.Builder controller(KubernetesClient client) {
    return BackupStoreController.builder(client, ReconcileOptions.defaults());
  }

  /**
   * A controller running on a client of its own; closing it stops the controller, then closes the
   * client.
   *
   * @param client the controller's client
   * @param controller the controller
   */
  record Running(KubernetesClient client, BackupStoreController controller)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        controller.close();
      } finally {
        client.close();
      }
    }
  }

  /**
   * Starts a controller as in production: on a new client of the controller's ServiceAccount, as
   * the tests run it ({@link #controller}) with what {@code options} changes.
   */
  static Running start(ControlPlane cluster, UnaryOperator<BackupStoreController.Builder> options) {
    KubernetesClient client = cluster.controller();
    try {
      return new Running(client, options.apply(controller(client)).start());
    } catch (RuntimeException | Error e) {
      client.close();
      throw e;
    }
  }

  /**
   * A reconciler on the plain (uncached) ports, the default options, BSLs in Velero's namespace.
   */
  static Reconciler reconciler(KubernetesClient client) {
    return new Reconciler(
        Fabric8Ports.create(client, TestCluster.VELERO), ReconcileOptions.defaults());
  }

  /** Whether a managedFields entry is an Update by our field manager (an apply should own it). */
  static boolean anUpdateOfOurs(ManagedFieldsEntry m) {
    return Resources.FIELD_MANAGER.equals(m.getManager()) && "Update".equals(m.getOperation());
  }

  /**
   * Replaces a store's {@code spec.storage} as an admin would (read, edit, update), again on a
   * conflict: the controller may write the store (its finalizer, its status) between the read and
   * the update, and the API server then refuses the update with 409, as it would refuse a user.
   */
  static void editStorage(KubernetesClient admin, String ns, String store, String storageYaml) {
    for (int attempt = 1; ; attempt++) {
      try {
        admin
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(ns)
            .withName(store)
            .edit(
                r -> {
                  Map<String, Object> storage = Serialization.unmarshal(storageYaml, Map.class);
                  @SuppressWarnings("unchecked")
                  Map<String, Object> spec =
                      (Map<String, Object>) r.getAdditionalProperties().get("spec");
                  spec.put("storage", storage);
                  return r;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }
}
