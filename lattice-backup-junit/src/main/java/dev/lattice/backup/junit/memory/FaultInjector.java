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
package dev.lattice.backup.junit.memory;

import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes port calls of an {@link InMemoryCluster} fail on purpose: the n-th call from now, the next
 * call to a port, or every call to a port until cleared. Synchronized with its cluster.
 */
public final class FaultInjector {

  /** Which port a fault applies to. */
  public enum Target {
    /** The BackupStore port. */
    STORES,
    /** The BackupStorageLocation port. */
    BSLS,
    /** The Secret port. */
    SECRETS,
    /** Any port. */
    ANY
  }

  private record Nth(long call, PortFailure failure) {}

  private final Object lock;
  private long calls;
  private final List<Nth> nth = new ArrayList<>();
  private final Map<Target, PortFailure> next = new EnumMap<>(Target.class);
  private final Map<Target, PortFailure> nextWrite = new EnumMap<>(Target.class);
  private final Map<Target, PortFailure> always = new EnumMap<>(Target.class);

  FaultInjector(Object lock) {
    this.lock = lock;
  }

  /**
   * Fails the n-th port call from now (1 is the next call), whichever port it goes to.
   *
   * @param n the call number, from 1
   * @param failure the failure
   * @return this injector
   */
  public FaultInjector failNthCall(int n, PortFailure failure) {
    if (n < 1) {
      throw new IllegalArgumentException("n counts from 1");
    }
    synchronized (lock) {
      nth.add(new Nth(calls + n, Objects.requireNonNull(failure, "failure")));
    }
    return this;
  }

  /**
   * Fails the next call to a port.
   *
   * @param target the port
   * @param failure the failure
   * @return this injector
   */
  public FaultInjector failNext(Target target, PortFailure failure) {
    synchronized (lock) {
      next.put(target, Objects.requireNonNull(failure, "failure"));
    }
    return this;
  }

  /**
   * Fails the next write (create, update, patch, delete) through a port; reads pass.
   *
   * @param target the port
   * @param failure the failure
   * @return this injector
   */
  public FaultInjector failNextWrite(Target target, PortFailure failure) {
    synchronized (lock) {
      nextWrite.put(target, Objects.requireNonNull(failure, "failure"));
    }
    return this;
  }

  /**
   * Fails every call to a port until {@link #clear()}.
   *
   * @param target the port
   * @param failure the failure
   * @return this injector
   */
  public FaultInjector failAlways(Target target, PortFailure failure) {
    synchronized (lock) {
      always.put(target, Objects.requireNonNull(failure, "failure"));
    }
    return this;
  }

  /** Removes every pending fault. */
  public void clear() {
    synchronized (lock) {
      nth.clear();
      next.clear();
      nextWrite.clear();
      always.clear();
    }
  }

  /**
   * The number of port calls seen so far.
   *
   * @return the count
   */
  public long calls() {
    synchronized (lock) {
      return calls;
    }
  }

  /** Counts a call and throws the fault planned for it, if any. */
  void check(Target target, String operation) throws PortException {
    check(target, operation, false);
  }

  /** Counts a write and throws the fault planned for it, if any. */
  void checkWrite(Target target, String operation) throws PortException {
    check(target, operation, true);
  }

  private void check(Target target, String operation, boolean write) throws PortException {
    Optional<PortFailure> failure;
    synchronized (lock) {
      calls++;
      failure = find(target);
      if (failure.isEmpty() && write) {
        PortFailure f = nextWrite.remove(target);
        failure = Optional.ofNullable(f != null ? f : nextWrite.remove(Target.ANY));
      }
    }
    if (failure.isPresent()) {
      PortFailure f = failure.get();
      throw new PortException(rename(f, operation + ": injected " + f.message()));
    }
  }

  private Optional<PortFailure> find(Target target) {
    for (int i = 0; i < nth.size(); i++) {
      if (nth.get(i).call() == calls) {
        return Optional.of(nth.remove(i).failure());
      }
    }
    PortFailure once = next.remove(target);
    if (once == null) {
      once = next.remove(Target.ANY);
    }
    if (once != null) {
      return Optional.of(once);
    }
    PortFailure f = always.get(target);
    return Optional.ofNullable(f != null ? f : always.get(Target.ANY));
  }

  private static PortFailure rename(PortFailure f, String message) {
    if (f instanceof PortFailure.NotFound) {
      return new PortFailure.NotFound(message);
    } else if (f instanceof PortFailure.Conflict) {
      return new PortFailure.Conflict(message);
    } else if (f instanceof PortFailure.ResourceTypeMissing) {
      return new PortFailure.ResourceTypeMissing(message);
    } else if (f instanceof PortFailure.Forbidden) {
      return new PortFailure.Forbidden(message);
    }
    return new PortFailure.Transient(message);
  }
}
