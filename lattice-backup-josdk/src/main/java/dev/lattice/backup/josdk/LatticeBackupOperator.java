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
package dev.lattice.backup.josdk;

import dev.lattice.backup.fabric8.adapter.Fabric8Ports;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import java.time.Duration;
import java.util.Objects;

/**
 * lattice-backup in a Java Operator SDK operator, in one call: {@link #register(Operator,
 * ReconcileOptions)} adds a controller of {@link BackupStoreResource}s that reconciles them with
 * lattice-backup, then {@code operator.start()} runs it.
 *
 * <p>Reads come from JOSDK's informer caches (BackupStores everywhere; BSLs and the mirrored
 * Secrets in Velero's namespace); writes of BSLs, mirrored Secrets and the default go through the
 * fabric8 adapter, conditional on the resourceVersion read; the status is patched by JOSDK, and
 * JOSDK's finalizer support (with lattice-backup's finalizer name) keeps a deleted store until its
 * BSL and Secret are gone. The Velero namespace comes from the options alone.
 */
public final class LatticeBackupOperator {
  /** The controller's name, also JOSDK's field manager for the status, {@value}. */
  public static final String CONTROLLER_NAME = "lattice-backup";

  private LatticeBackupOperator() {}

  /**
   * How long a credentials Secret read is reused by default, {@value
   * #DEFAULT_CREDENTIALS_TTL_SECONDS} seconds (as the standalone controller's {@code
   * credentialsTtl}).
   */
  public static final long DEFAULT_CREDENTIALS_TTL_SECONDS = 60;

  /**
   * The longest time between two passes of a store when nothing happens, {@value #RESYNC_MINUTES}
   * minutes (as the standalone controller's resync): tenants' credentials Secrets are not watched,
   * so a rotated or revoked credential reaches Velero by such a pass.
   */
  public static final long RESYNC_MINUTES = 10;

  /**
   * Registers the BackupStore controller with the operator, before {@code operator.start()}, with a
   * credentials Secret's read reused for {@value #DEFAULT_CREDENTIALS_TTL_SECONDS} seconds.
   *
   * @param operator the operator; its Kubernetes client is the controller's identity
   * @param options lattice-backup's options: Velero's namespace, the finalizer, the translation
   * @return the registered controller
   * @throws IllegalArgumentException when the options do not fit (a message names the setting)
   */
  public static RegisteredController<BackupStoreResource> register(
      Operator operator, ReconcileOptions options) {
    return register(operator, options, Duration.ofSeconds(DEFAULT_CREDENTIALS_TTL_SECONDS));
  }

  /**
   * Registers the BackupStore controller with the operator, before {@code operator.start()}. A
   * rotated or revoked credential reaches Velero on the first pass of its store after {@code
   * credentialsTtl}, at the latest {@value #RESYNC_MINUTES} minutes later; keep the TTL below that.
   *
   * @param operator the operator; its Kubernetes client is the controller's identity
   * @param options lattice-backup's options: Velero's namespace, the finalizer, the translation
   * @param credentialsTtl how long a credentials Secret read is reused; zero reads it on every pass
   * @return the registered controller
   * @throws IllegalArgumentException when the options do not fit or the TTL is negative (a message
   *     names the setting)
   */
  public static RegisteredController<BackupStoreResource> register(
      Operator operator, ReconcileOptions options, Duration credentialsTtl) {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(options, "options");
    KubernetesClient client = operator.getKubernetesClient();
    String veleroNamespace = options.translation().veleroNamespace();
    InformerReads reads = new InformerReads();
    ClusterPorts cached = Fabric8Ports.create(client, veleroNamespace, reads, credentialsTtl);
    Passes passes = new Passes(cached.stores());
    Reconciler lattice =
        new Reconciler(
            new ClusterPorts(passes, cached.bsls(), cached.secrets(), cached.veleroNamespace()),
            options);
    return operator.register(
        new BackupStoreReconciler(lattice, passes, reads),
        o ->
            o.withFinalizer(options.finalizer())
                .withReconciliationMaxInterval(Duration.ofMinutes(RESYNC_MINUTES)));
  }
}
