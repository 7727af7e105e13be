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

import dev.lattice.backup.fabric8.adapter.CachedReads;
import dev.lattice.backup.model.BackupStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.health.Status;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The three lists of a reconcile pass, read from JOSDK's caches: the controller's primary cache of
 * BackupStores and the informers of BSLs and mirrored Secrets in Velero's namespace. The caches are
 * bound when JOSDK prepares the event sources; a pass before that fails (transiently).
 */
final class InformerReads implements CachedReads {
  private volatile @Nullable Cache<BackupStoreResource> stores;
  private volatile @Nullable InformerEventSource<GenericKubernetesResource, BackupStoreResource>
      bsls;
  private volatile @Nullable Cache<Secret> secrets;

  void bind(
      Cache<BackupStoreResource> stores,
      InformerEventSource<GenericKubernetesResource, BackupStoreResource> bsls,
      Cache<Secret> secrets) {
    this.stores = stores;
    this.bsls = bsls;
    this.secrets = secrets;
  }

  @Override
  public Collection<BackupStore> stores() {
    return bound(stores).list().map(BackupStoreResource::toModel).toList();
  }

  @Override
  public Collection<GenericKubernetesResource> bsls() {
    return bound(bsls).list().toList();
  }

  @Override
  public Collection<Secret> mirroredSecrets() {
    return bound(secrets).list().toList();
  }

  /** Whether JOSDK's BSL informer has listed and watches (its health is HEALTHY). */
  @Override
  public boolean bslsWatched() {
    InformerEventSource<GenericKubernetesResource, BackupStoreResource> b = bsls;
    return b != null && b.getStatus() == Status.HEALTHY;
  }

  /**
   * Whether all three caches (JOSDK's primary cache and both informers) have listed and watch, on
   * every informer they run. False before the caches are bound and before JOSDK starts them (a
   * source with no informer yet reports itself healthy, so that status is not enough).
   */
  boolean synced() {
    return synced(stores) && synced(bsls) && synced(secrets);
  }

  private static boolean synced(@Nullable Object cache) {
    if (!(cache instanceof InformerWrappingEventSourceHealthIndicator<?> source)) {
      return false;
    }
    Map<String, InformerHealthIndicator> informers = source.informerHealthIndicators();
    return !informers.isEmpty()
        && informers.values().stream()
            .allMatch(i -> i.isRunning() && i.hasSynced() && i.isWatching());
  }

  /**
   * Whether a BSL or mirrored Secret in the caches belongs, by its proven owner, to a store that is
   * not in the primary cache: an orphan, left by a store deleted while no controller ran. No event
   * of such an object reaches a store's pass, so the {@link OrphanSweeper} looks for it. Only
   * meaningful once {@link #synced()}: a primary cache still filling makes live stores' objects
   * look orphaned.
   *
   * @return true when there is an orphan; false too before the caches are bound
   */
  boolean hasOrphans() {
    Cache<BackupStoreResource> primary = stores;
    Cache<GenericKubernetesResource> locations = bsls;
    Cache<Secret> mirrored = secrets;
    if (primary == null || locations == null || mirrored == null) {
      return false;
    }
    return Stream.concat(locations.list(), mirrored.list())
        .flatMap(o -> BackupStoreReconciler.owner(o).stream())
        .anyMatch(id -> !primary.contains(id));
  }

  private static <T> Cache<T> bound(@Nullable Cache<T> cache) {
    if (cache == null) {
      throw new IllegalStateException("JOSDK has not prepared the event sources yet");
    }
    return cache;
  }
}
