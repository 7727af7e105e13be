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

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A work queue in the manner of client-go's: a key waits at most once however often it is added; a
 * key being processed is never handed to a second worker, and one added meanwhile is handed out
 * again after the first worker is done. A key whose work failed is added again after a per-key
 * exponential backoff, and such retries share an overall token bucket, so a failing cluster is not
 * hammered; plain adds (events) are never delayed. The queue holds no threads of its own: workers
 * call {@link #take()} and {@link #done}; delayed adds go through the given scheduler.
 *
 * @param <K> the key type
 */
final class WorkQueue<K> {
  private final ScheduledExecutorService scheduler;
  private final LongSupplier nanos;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double retriesPerSecond;
  private final int retryBurst;

  private final ArrayDeque<K> waiting = new ArrayDeque<>();
  private final Set<K> queued = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Set<K> dirty = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private double tokens;
  private long tokensAt;
  private boolean shutDown;

  WorkQueue(
      ScheduledExecutorService scheduler,
      LongSupplier nanos,
      Duration baseDelay,
      Duration maxDelay,
      double retriesPerSecond,
      int retryBurst) {
    this.scheduler = scheduler;
    this.nanos = nanos;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.retriesPerSecond = retriesPerSecond;
    this.retryBurst = retryBurst;
    this.tokens = retryBurst;
    this.tokensAt = nanos.getAsLong();
  }

  /** Adds a key now, unless it already waits; a key being processed is handed out again later. */
  synchronized void add(K key) {
    if (shutDown) {
      return;
    }
    if (processing.contains(key)) {
      dirty.add(key);
      return;
    }
    if (queued.add(key)) {
      waiting.addLast(key);
      notifyAll();
    }
  }

  /** Adds a key after a delay. */
  void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    synchronized (this) {
      if (shutDown) {
        return;
      }
    }
    try {
      scheduler.schedule(() -> add(key), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  /**
   * Adds a key again after its work failed: after the longer of its own exponential backoff and the
   * wait for a token from the shared bucket.
   *
   * @param key the key
   * @return the delay chosen
   */
  Duration retry(K key) {
    Duration delay;
    synchronized (this) {
      int n = failures.merge(key, 1, Integer::sum);
      Duration own = backoff(n);
      Duration bucket = tokenWait();
      delay = own.compareTo(bucket) >= 0 ? own : bucket;
    }
    addAfter(key, delay);
    return delay;
  }

  /** Forgets a key's failures, after its work succeeded. */
  synchronized void forget(K key) {
    failures.remove(key);
  }

  /**
   * Waits for a key and marks it as being processed.
   *
   * @return the key, or null when the queue is shut down
   * @throws InterruptedException when interrupted
   */
  synchronized @Nullable K take() throws InterruptedException {
    while (waiting.isEmpty() && !shutDown) {
      wait();
    }
    if (shutDown) {
      return null;
    }
    K key = waiting.removeFirst();
    queued.remove(key);
    processing.add(key);
    return key;
  }

  /** Marks a key as processed; if it was added meanwhile, it waits again. */
  synchronized void done(K key) {
    processing.remove(key);
    if (dirty.remove(key) && !shutDown && queued.add(key)) {
      waiting.addLast(key);
      notifyAll();
    }
  }

  /** How many keys wait (not counting those being processed or delayed). */
  synchronized int depth() {
    return waiting.size();
  }

  /** How many failures a key has had in a row. */
  synchronized int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  /** Wakes every worker with null; nothing is handed out afterwards. */
  synchronized void shutDown() {
    shutDown = true;
    notifyAll();
  }

  Duration backoff(int failuresInARow) {
    int shift = Math.min(failuresInARow - 1, 40);
    long nanosDelay = baseDelay.toNanos();
    for (int i = 0; i < shift && nanosDelay < maxDelay.toNanos(); i++) {
      nanosDelay *= 2;
    }
    return Duration.ofNanos(Math.min(nanosDelay, maxDelay.toNanos()));
  }

  /** Takes a token from the retry bucket; how long the retry must wait for it. */
  private Duration tokenWait() {
    long now = nanos.getAsLong();
    tokens = Math.min(retryBurst, tokens + (now - tokensAt) / 1e9 * retriesPerSecond);
    tokensAt = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (-tokens / retriesPerSecond * 1e9));
  }
}
