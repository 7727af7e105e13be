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
package dev.lattice.backup.reconcile;

import dev.lattice.backup.translate.StoreKey;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The production {@link LockScheduler}, on Java locks: a read-write lock for passes (per-store
 * passes share it, a full pass takes it alone), one of 64 striped locks per store key, and one lock
 * for the default writer. Acquired in that order only, so no two passes can wait for each other in
 * a cycle.
 */
final class Locks implements LockScheduler {
  private static final int STRIPES = 64;

  private final ReentrantReadWriteLock passes = new ReentrantReadWriteLock();
  private final ReentrantLock[] stores = new ReentrantLock[STRIPES];
  private final ReentrantLock defaults = new ReentrantLock();

  Locks() {
    for (int i = 0; i < STRIPES; i++) {
      stores[i] = new ReentrantLock();
    }
  }

  @Override
  public <T> T storePass(StoreKey store, Supplier<T> body) {
    ReentrantLock lock = stores[Math.floorMod(store.hashCode(), STRIPES)];
    passes.readLock().lock();
    try {
      lock.lock();
      try {
        return body.get();
      } finally {
        lock.unlock();
      }
    } finally {
      passes.readLock().unlock();
    }
  }

  @Override
  public <T> T fullPass(Supplier<T> body) {
    passes.writeLock().lock();
    try {
      return body.get();
    } finally {
      passes.writeLock().unlock();
    }
  }

  @Override
  public <T> T defaultWriter(Supplier<T> body) {
    defaults.lock();
    try {
      return body.get();
    } finally {
      defaults.unlock();
    }
  }
}
