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

import dev.lattice.backup.fabric8.adapter.internal.Writes;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * The controller's own writes that its cache has not seen yet, per store. A pass over a cache that
 * lags behind what the controller itself wrote would plan the same writes again and have them
 * refused (the version it holds is old, or the name is taken by what it just created); so a store
 * waits until its cache shows every version the controller wrote for it, or shows the object gone
 * when it deleted it. The watch that brings those versions also queues the store again. An
 * expectation that is not met within a time limit is dropped, so a lost event cannot stall a store.
 *
 * <p>Versions are compared as numbers when both are numbers (as etcd's revisions are), and
 * otherwise only for equality.
 */
final class Expectations {
  private final Map<StoreKey, Map<Target, Expected>> pending = new ConcurrentHashMap<>();
  private final LongSupplier nanos;
  private final long limitNanos;

  /** An object a store owns, by kind and name. */
  record Target(Writes.Kind kind, String name) {}

  /** A version to wait for (empty: the object's absence), and since when. */
  private record Expected(Optional<String> version, long since) {}

  Expectations(LongSupplier nanos, Duration limit) {
    this.nanos = nanos;
    this.limitNanos = limit.toNanos();
  }

  /**
   * Notes a write.
   *
   * @param owner the store whose object was written
   * @param target the object
   * @param version the version written, empty when deleted
   */
  void expect(StoreKey owner, Target target, Optional<String> version) {
    pending
        .computeIfAbsent(owner, k -> new ConcurrentHashMap<>())
        .put(target, new Expected(version, nanos.getAsLong()));
  }

  /**
   * Whether the cache has seen every write made for a store; met and expired expectations are
   * forgotten.
   *
   * @param owner the store
   * @param cachedVersion the cache's version of an object, empty when the cache does not hold it
   * @return true when a pass may read the cache for this store
   */
  boolean caughtUp(
      StoreKey owner, BiFunction<Writes.Kind, String, Optional<String>> cachedVersion) {
    Map<Target, Expected> mine = pending.get(owner);
    if (mine == null) {
      return true;
    }
    long now = nanos.getAsLong();
    for (Iterator<Map.Entry<Target, Expected>> it = mine.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Target, Expected> e = it.next();
      Optional<String> seen = cachedVersion.apply(e.getKey().kind(), e.getKey().name());
      if (met(e.getValue().version(), seen) || now - e.getValue().since() > limitNanos) {
        it.remove();
      }
    }
    // Atomic with expect's computeIfAbsent: a map that gained an entry meanwhile stays.
    pending.computeIfPresent(owner, (k, m) -> m.isEmpty() ? null : m);
    return mine.isEmpty();
  }

  /** How many stores wait for their cache. */
  int waiting() {
    return pending.size();
  }

  static boolean met(Optional<String> expected, Optional<String> seen) {
    if (expected.isEmpty()) {
      return seen.isEmpty();
    }
    if (seen.isEmpty()) {
      return false;
    }
    return atLeast(seen.get(), expected.get());
  }

  /** Whether version {@code seen} is {@code expected} or later. */
  static boolean atLeast(String seen, String expected) {
    if (seen.equals(expected)) {
      return true;
    }
    try {
      return Long.parseLong(seen) >= Long.parseLong(expected);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
