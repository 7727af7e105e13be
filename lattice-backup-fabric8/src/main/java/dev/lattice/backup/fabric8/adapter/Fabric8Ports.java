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
package dev.lattice.backup.fabric8.adapter;

import dev.lattice.backup.fabric8.adapter.internal.BslAdapter;
import dev.lattice.backup.fabric8.adapter.internal.CachedPorts;
import dev.lattice.backup.fabric8.adapter.internal.SecretAdapter;
import dev.lattice.backup.fabric8.adapter.internal.StoreAdapter;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The reconcile ports over a fabric8 {@link KubernetesClient}: BackupStores as {@code
 * lattice.dev/v1alpha1} resources (status through the status subresource, finalizers with
 * resourceVersion-guarded merge patches), BSLs and mirrored Secrets in Velero's namespace through
 * server-side apply with field manager {@value Resources#FIELD_MANAGER}. API errors are classified
 * into {@link dev.lattice.backup.reconcile.port.PortFailure}s; no fabric8 exception escapes.
 */
public final class Fabric8Ports {
  private Fabric8Ports() {}

  /**
   * The ports for a client.
   *
   * @param client the client; the host owns and closes it
   * @param veleroNamespace Velero's namespace, where BSLs and mirrored Secrets live
   * @return the ports
   */
  public static ClusterPorts create(KubernetesClient client, String veleroNamespace) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(veleroNamespace, "veleroNamespace");
    return new ClusterPorts(
        new StoreAdapter(client),
        new BslAdapter(client, veleroNamespace),
        new SecretAdapter(client, veleroNamespace),
        Optional.of(veleroNamespace));
  }

  /**
   * The ports for a client whose list reads come from the caller's caches (an operator framework's
   * informers): the BackupStores, the BSLs in Velero's namespace and the mirrored Secrets are read
   * from {@code reads}; a store's credentials Secret, the look at a name before a write, and every
   * write go to the API server as in {@link #create(KubernetesClient, String)}. A credentials
   * Secret is read on every pass; {@link #create(KubernetesClient, String, CachedReads, Duration)}
   * reuses a read.
   *
   * @param client the client for the writes; the host owns and closes it
   * @param veleroNamespace Velero's namespace, where BSLs and mirrored Secrets live (the caches
   *     must hold that namespace's objects)
   * @param reads the caches
   * @return the ports
   */
  public static ClusterPorts create(
      KubernetesClient client, String veleroNamespace, CachedReads reads) {
    return create(client, veleroNamespace, reads, Duration.ZERO);
  }

  /**
   * As {@link #create(KubernetesClient, String, CachedReads)}, with a credentials Secret's read
   * reused for {@code credentialsTtl}: a burst of passes reads a Secret once, and a rotated or
   * deleted credential is seen by the first pass after the TTL. A name a mirror would take is
   * looked up in {@code reads} first (a mirrored Secret there is ours), then with a GET.
   *
   * @param client the client for the writes; the host owns and closes it
   * @param veleroNamespace Velero's namespace, where BSLs and mirrored Secrets live (the caches
   *     must hold that namespace's objects)
   * @param reads the caches
   * @param credentialsTtl how long a credentials Secret read is reused; zero reads it every time
   * @return the ports
   * @throws IllegalArgumentException when the TTL is negative
   */
  public static ClusterPorts create(
      KubernetesClient client, String veleroNamespace, CachedReads reads, Duration credentialsTtl) {
    Objects.requireNonNull(reads, "reads");
    Objects.requireNonNull(credentialsTtl, "credentialsTtl");
    if (credentialsTtl.isNegative()) {
      throw new IllegalArgumentException("credentialsTtl: must not be negative");
    }
    return CachedPorts.over(
        create(client, veleroNamespace),
        new CachedReadsView(reads),
        credentialsTtl,
        System::nanoTime);
  }
}
