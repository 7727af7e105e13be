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

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The JOSDK reconciler of BackupStores: each event runs lattice-backup's per-store pass, which
 * reads JOSDK's caches and writes the BSL, the mirrored Secret and the default through the fabric8
 * adapter; the store's status goes back to JOSDK as {@link UpdateControl#patchStatus}, and on
 * deletion the finalizer is removed by JOSDK ({@link DeleteControl#defaultDelete()}) once the pass
 * has deleted the store's BSL and Secret. A BSL or mirrored Secret event reaches the store its
 * labels and annotation prove it belongs to, so a default moved by another store's pass updates
 * this store's status. A BSL or Secret whose store is gone (deleted while no controller ran) maps
 * to no store: the {@link OrphanSweeper}, a third event source, collects it with a full pass once
 * the caches have synced (holding back every status and finalizer removal, which the stores' own
 * passes write), even when no store is left.
 */
@ControllerConfiguration(name = LatticeBackupOperator.CONTROLLER_NAME)
final class BackupStoreReconciler
    implements Reconciler<BackupStoreResource>, Cleaner<BackupStoreResource> {
  /** How soon a cleanup that could not finish is tried again when the pass gives no hint. */
  static final Duration CLEANUP_RETRY = Duration.ofSeconds(10);

  private final dev.lattice.backup.reconcile.Reconciler lattice;
  private final Passes passes;
  private final InformerReads reads;
  private final OrphanSweeper sweeper;
  private final String veleroNamespace;

  BackupStoreReconciler(
      dev.lattice.backup.reconcile.Reconciler lattice, Passes passes, InformerReads reads) {
    this.lattice = lattice;
    this.passes = passes;
    this.reads = reads;
    this.sweeper = new OrphanSweeper(reads::synced, reads::hasOrphans, this::sweep);
    this.veleroNamespace = lattice.veleroNamespace();
  }

  @Override
  public List<EventSource<?, BackupStoreResource>> prepareEventSources(
      EventSourceContext<BackupStoreResource> context) {
    InformerEventSource<GenericKubernetesResource, BackupStoreResource> bsls =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(
                    new GroupVersionKind("velero.io", "v1", "BackupStorageLocation"),
                    BackupStoreResource.class)
                .withName("backupstoragelocations")
                .withNamespaces(Set.of(veleroNamespace))
                .withSecondaryToPrimaryMapper(o -> ownerOrSweep(o, context))
                .build(),
            context);
    InformerEventSource<Secret, BackupStoreResource> secrets =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Secret.class, BackupStoreResource.class)
                .withName("mirrored-secrets")
                .withNamespaces(Set.of(veleroNamespace))
                .withLabelSelector(BslLabels.MANAGED_BY + "=" + BslLabels.MANAGER)
                .withSecondaryToPrimaryMapper(o -> ownerOrSweep(o, context))
                .build(),
            context);
    reads.bind(context.getPrimaryCache(), bsls, secrets);
    return List.of(bsls, secrets, sweeper);
  }

  /**
   * The owner of a BSL or Secret; when that store is not in the primary cache, asks for a sweep.
   */
  private Set<ResourceID> ownerOrSweep(
      HasMetadata object, EventSourceContext<BackupStoreResource> context) {
    Set<ResourceID> owner = owner(object);
    if (!owner.isEmpty() && !context.getPrimaryCache().contains(owner.iterator().next())) {
      sweeper.request();
    }
    return owner;
  }

  /** The store a BSL or mirrored Secret belongs to, when its metadata proves one. */
  static Set<ResourceID> owner(HasMetadata object) {
    return BslLabels.provenOwner(ObjectMetadata.fromFabric8(object.getMetadata()))
        .map(key -> Set.of(new ResourceID(key.name(), key.namespace())))
        .orElse(Set.of());
  }

  @Override
  public UpdateControl<BackupStoreResource> reconcile(
      BackupStoreResource resource, Context<BackupStoreResource> context) {
    ReconcileOutcome[] outcome = new ReconcileOutcome[1];
    StoreKey key = keyOf(resource);
    Passes.Pass pass =
        passes.run(key, false, () -> outcome[0] = lattice.reconcile(key.namespace(), key.name()));
    if (reads.hasOrphans()) {
      // A per-store pass never collects another store's leftovers; the sweeper's full pass does.
      sweeper.request();
    }
    UpdateControl<BackupStoreResource> control = UpdateControl.noUpdate();
    if (pass.status.isPresent()) {
      BackupStoreResource.Status status = BackupStoreResource.Status.of(pass.status.get());
      if (!status.equals(resource.getStatus())) {
        resource.setStatus(status);
        control = UpdateControl.patchStatus(resource);
      }
    }
    UpdateControl<BackupStoreResource> out = control;
    return outcome[0].requeueAfter().map(d -> out.rescheduleAfter(d.toMillis())).orElse(out);
  }

  @Override
  public DeleteControl cleanup(BackupStoreResource resource, Context<BackupStoreResource> context) {
    ReconcileOutcome[] outcome = new ReconcileOutcome[1];
    StoreKey key = keyOf(resource);
    Passes.Pass pass =
        passes.run(key, true, () -> outcome[0] = lattice.reconcile(key.namespace(), key.name()));
    if (pass.finalizerRemoved) {
      return DeleteControl.defaultDelete();
    }
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(outcome[0].requeueAfter().orElse(CLEANUP_RETRY).toMillis());
  }

  /** A full pass that collects orphans, writing no status and removing no finalizer. */
  ReconcileOutcome sweep() {
    ReconcileOutcome[] outcome = new ReconcileOutcome[1];
    passes.sweep(() -> outcome[0] = lattice.reconcile());
    return outcome[0];
  }

  private static StoreKey keyOf(BackupStoreResource resource) {
    return new StoreKey(resource.getMetadata().getNamespace(), resource.getMetadata().getName());
  }
}
