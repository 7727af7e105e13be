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
package dev.lattice.backup.fabric8.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a {@link BackupStoreController} works: at once without leader election, or while it holds
 * a Lease. Leading starts the workers; losing the Lease stops them for good (the process should
 * exit and be restarted). The listener hears of both.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final Workers workers;
  private final ControllerListener listener;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable CompletableFuture<?> election;

  Leadership(Workers workers, ControllerListener listener) {
    this.workers = workers;
    this.listener = listener;
  }

  /** Campaigns for the Lease; the workers start when it is won. */
  void elect(KubernetesClient client, LeaderElection e) {
    election =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName("lattice-backup")
                    .withLock(new LeaseLock(e.namespace(), e.name(), e.identity()))
                    .withLeaseDuration(e.leaseDuration())
                    .withRenewDeadline(e.renewDeadline())
                    .withRetryPeriod(e.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            this::lead,
                            this::stopLeading,
                            leader -> LOG.info("leader is now {}", leader)))
                    .build())
            .build()
            .start();
  }

  /** Starts the workers, once, unless closed. */
  void lead() {
    if (closed.get() || !leading.compareAndSet(false, true)) {
      return;
    }
    LOG.info("leading: starting {} workers", workers.count());
    listener.leading(true);
    workers.start();
  }

  private void stopLeading() {
    if (leading.compareAndSet(true, false)) {
      if (closed.get()) {
        LOG.info("closed: gave up the Lease");
      } else {
        LOG.warn("lost the Lease: stopping the workers");
      }
      listener.leading(false);
      workers.stop();
    }
  }

  /** Whether the workers run now. */
  boolean leading() {
    return leading.get();
  }

  /** Never leads again, and gives up the Lease. */
  void close() {
    closed.set(true);
    CompletableFuture<?> e = election;
    if (e != null) {
      e.cancel(true);
    }
  }
}
