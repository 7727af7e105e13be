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
package dev.lattice.backup.controller;

import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import dev.lattice.backup.fabric8.runtime.ControllerListener;
import dev.lattice.backup.reconcile.ActionFailure;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The controller's Prometheus metrics:
 *
 * <ul>
 *   <li>{@code lattice_backup_reconciles_total{scope,result}}: passes, by scope ({@code store} or
 *       {@code all}) and result ({@code success}, {@code error});
 *   <li>{@code lattice_backup_reconcile_errors_total{reason}}: failed steps by failure kind ({@code
 *       Conflict}, {@code Forbidden}, {@code Transient}, ...);
 *   <li>{@code lattice_backup_reconcile_writes_total}: writes attempted;
 *   <li>{@code lattice_backup_reconcile_duration_seconds}: work duration per pass;
 *   <li>{@code lattice_backup_queue_depth}, {@code lattice_backup_workers_busy}, {@code
 *       lattice_backup_cached_stores}, {@code lattice_backup_leader};
 *   <li>{@code lattice_backup_api_requests_total{verb,resource}}: every request the client sent.
 * </ul>
 */
final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer duration =
      Timer.builder("lattice.backup.reconcile.duration")
          .description("How long a pass took")
          .publishPercentileHistogram()
          .register(registry);
  private final Counter writes =
      Counter.builder("lattice.backup.reconcile.writes")
          .description("Writes the passes attempted")
          .register(registry);
  private volatile boolean leader;

  Metrics() {
    Gauge.builder("lattice.backup.leader", this, m -> m.leader ? 1 : 0)
        .description("1 while this replica leads")
        .register(registry);
  }

  /** The Prometheus text page. */
  String scrape() {
    return registry.scrape();
  }

  /** Gauges over a running controller. */
  void watch(BackupStoreController controller) {
    Gauge.builder("lattice.backup.queue.depth", controller, BackupStoreController::queueDepth)
        .description("Stores waiting in the work queue")
        .register(registry);
    Gauge.builder("lattice.backup.workers.busy", controller, BackupStoreController::busyWorkers)
        .description("Workers reconciling now")
        .register(registry);
    Gauge.builder("lattice.backup.cached.stores", controller, BackupStoreController::cachedStores)
        .description("BackupStores in the cache")
        .register(registry);
  }

  /** A listener that counts passes and notes leadership, then tells {@code leadership}. */
  ControllerListener listener(Consumer<Boolean> leadership) {
    return new ControllerListener() {
      @Override
      public void passed(Optional<String> store, ReconcileOutcome outcome, Duration took) {
        String scope = store.isPresent() ? "store" : "all";
        String result = outcome.failures().isEmpty() ? "success" : "error";
        registry.counter("lattice.backup.reconciles", "scope", scope, "result", result).increment();
        for (ActionFailure f : outcome.failures()) {
          registry.counter("lattice.backup.reconcile.errors", "reason", reason(f)).increment();
        }
        writes.increment(outcome.writes());
        duration.record(took);
      }

      @Override
      public void leading(boolean leading) {
        leader = leading;
        leadership.accept(leading);
      }
    };
  }

  static String reason(ActionFailure failure) {
    return failure.failure().getClass().getSimpleName();
  }

  /** Counts every request the client sends, by verb and resource. */
  Interceptor requests() {
    return new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        RequestKind kind = RequestKind.of(request.method(), request.uri());
        registry
            .counter(
                "lattice.backup.api.requests", "verb", kind.verb(), "resource", kind.resource())
            .increment();
      }
    };
  }
}
