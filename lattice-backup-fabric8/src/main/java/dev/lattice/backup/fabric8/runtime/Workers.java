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

import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of a {@link BackupStoreController}: each takes a key from the queue and
 * reconciles that store ({@link ChangeRouter#ALL}: every store), once the cache shows the
 * controller's own writes for it; a failed pass is retried with backoff, a passed one forgotten and
 * queued again when the outcome asks for it.
 */
final class Workers {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

  private final Reconciler reconciler;
  private final InformerCache cache;
  private final WorkQueue<String> queue;
  private final ControllerListener listener;
  private final int count;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger busy = new AtomicInteger();

  Workers(
      Reconciler reconciler,
      InformerCache cache,
      WorkQueue<String> queue,
      ControllerListener listener,
      int count) {
    this.reconciler = reconciler;
    this.cache = cache;
    this.queue = queue;
    this.listener = listener;
    this.count = count;
  }

  /** How many workers {@link #start()} starts. */
  int count() {
    return count;
  }

  /** Queues a pass over every store and starts the workers. */
  void start() {
    queue.add(ChangeRouter.ALL);
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(this::work, "lattice-backup-worker-" + (i + 1));
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Shuts the queue down and interrupts the workers, without waiting for them. */
  void stop() {
    queue.shutDown();
    threads.forEach(Thread::interrupt);
  }

  /** Stops the workers and waits up to 10 seconds for each. */
  void close() {
    closed.set(true);
    stop();
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  /** How many stores are being reconciled now. */
  int busy() {
    return busy.get();
  }

  private void work() {
    while (!closed.get()) {
      String key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      busy.incrementAndGet();
      try {
        process(key);
      } finally {
        busy.decrementAndGet();
        queue.done(key);
      }
    }
  }

  private void process(String key) {
    Optional<StoreKey> store =
        key.equals(ChangeRouter.ALL) ? Optional.empty() : StoreKey.parse(key);
    if (store.isPresent() && !cache.caughtUp(store.get())) {
      // The watch that brings our own writes queues the store again; this is a safety net.
      queue.addAfter(key, Duration.ofSeconds(5));
      return;
    }
    long start = System.nanoTime();
    ReconcileOutcome outcome;
    try {
      outcome =
          store.isPresent()
              ? reconciler.reconcile(store.get().namespace(), store.get().name())
              : reconciler.reconcile();
    } catch (RuntimeException e) {
      LOG.error("reconcile {} failed unexpectedly", key.isEmpty() ? "all" : key, e);
      queue.retry(key);
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    listener.passed(store.map(StoreKey::toString), outcome, took);
    if (!outcome.failures().isEmpty()) {
      queue.retry(key);
    } else {
      queue.forget(key);
      outcome.requeueAfter().ifPresent(d -> queue.addAfter(key, d));
    }
  }
}
