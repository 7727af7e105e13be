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
package dev.lattice.backup.reconcile.plan;

import dev.lattice.backup.translate.TranslationOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How the reconciler plans and retries.
 *
 * @param translation the translation options (namespaces, naming, credential policy)
 * @param finalizer the finalizer this library puts on every BackupStore
 * @param pendingRecheck when to look again while a store is Pending (Velero has not validated its
 *     BSL yet, or is not installed)
 * @param failedRecheck when to look again while a store is Failed for a reason that changes outside
 *     the store (a missing credentials Secret, a BSL Velero reports Unavailable)
 * @param backoff the retry schedule after port failures
 */
public record ReconcileOptions(
    TranslationOptions translation,
    String finalizer,
    Duration pendingRecheck,
    Duration failedRecheck,
    Backoff backoff) {

  /** The default finalizer, {@value}. */
  public static final String DEFAULT_FINALIZER = "lattice.dev/backup-store-cleanup";

  /**
   * Checks nothing is null and durations are positive.
   *
   * @param translation the translation options
   * @param finalizer the finalizer
   * @param pendingRecheck the recheck delay while Pending
   * @param failedRecheck the recheck delay while Failed for an outside reason
   * @param backoff the retry schedule
   */
  public ReconcileOptions {
    Objects.requireNonNull(translation, "translation");
    Objects.requireNonNull(finalizer, "finalizer");
    Objects.requireNonNull(pendingRecheck, "pendingRecheck");
    Objects.requireNonNull(failedRecheck, "failedRecheck");
    Objects.requireNonNull(backoff, "backoff");
    if (finalizer.isBlank()) {
      throw new IllegalArgumentException("finalizer must not be blank");
    }
    if (pendingRecheck.isNegative() || pendingRecheck.isZero()) {
      throw new IllegalArgumentException("pendingRecheck must be positive");
    }
    if (failedRecheck.isNegative() || failedRecheck.isZero()) {
      throw new IllegalArgumentException("failedRecheck must be positive");
    }
  }

  /**
   * Default translation options, finalizer {@value #DEFAULT_FINALIZER}, recheck Pending stores
   * every 15 s and externally Failed ones every 5 min, {@link Backoff#defaults()}.
   *
   * @return the defaults
   */
  public static ReconcileOptions defaults() {
    return of(TranslationOptions.defaults());
  }

  /**
   * The defaults with the given translation options.
   *
   * @param translation the translation options
   * @return the options
   */
  public static ReconcileOptions of(TranslationOptions translation) {
    return new ReconcileOptions(
        translation,
        DEFAULT_FINALIZER,
        Duration.ofSeconds(15),
        Duration.ofMinutes(5),
        Backoff.defaults());
  }
}
