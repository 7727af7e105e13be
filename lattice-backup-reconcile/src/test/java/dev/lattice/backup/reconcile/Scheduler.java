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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs tasks on real threads, one step at a time, in the order a list of choices dictates, so that
 * a property can explore interleavings and replay any of them. A step ends at every port call, at
 * every lock acquisition, and at the end of a task; between two steps exactly one thread runs. The
 * scheduler is also the reconciler's {@link LockScheduler} (locks that a blocked thread waits on
 * without being chosen), or a lock scheduler that does not serialise at all, to show what the locks
 * prevent.
 *
 * <p>Before each step the scheduler calls an invariant check, with every thread paused; every write
 * through the ports is attributed to the task that made it.
 */
final class Scheduler implements LockScheduler {

  /** A task: what one thread does. */
  interface Task {
    /** The store a per-store pass serves, if the task is one. */
    default Optional<StoreKey> scope() {
      return Optional.empty();
    }

    void run();
  }

  private enum State {
    NEW,
    AT_GATE,
    BLOCKED,
    RUNNING,
    DONE
  }

  private final class Worker {
    final String name;
    final Task task;
    State state = State.NEW;
    BooleanSupplier unblocked = () -> true;
    boolean inDefaultWriter;

    Worker(String name, Task task) {
      this.name = name;
      this.task = task;
    }
  }

  private final boolean locking;
  private final Object monitor = new Object();
  private final List<Worker> workers = new ArrayList<>();
  private final ThreadLocal<Worker> current = new ThreadLocal<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<Throwable> crashes = new CopyOnWriteArrayList<>();
  private Worker running;
  private int readers;
  private boolean writer;
  private final Set<StoreKey> storesHeld = new HashSet<>();
  private boolean defaultHeld;

  /**
   * A scheduler.
   *
   * @param locking whether its lock scheduler keeps passes apart; false runs every pass unguarded
   */
  Scheduler(boolean locking) {
    this.locking = locking;
  }

  void add(String name, Task task) {
    workers.add(new Worker(name, task));
  }

  /** What a task did that it may not do, as found while it ran. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Runs every task to its end, choosing the next thread with {@code choices} (then the first one
   * that may run), and calling {@code check} before each step.
   *
   * @return the number of steps taken
   */
  int run(List<Integer> choices, Runnable check) {
    List<Thread> threads = new ArrayList<>();
    for (Worker w : workers) {
      Thread t =
          new Thread(
              () -> {
                current.set(w);
                try {
                  gate();
                  w.task.run();
                } catch (Throwable e) {
                  crashes.add(e);
                } finally {
                  synchronized (monitor) {
                    w.state = State.DONE;
                    running = null;
                    monitor.notifyAll();
                  }
                }
              },
              "scheduled-" + w.name);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    int steps = 0;
    long deadline = System.nanoTime() + 60_000_000_000L;
    try {
      while (true) {
        List<Worker> eligible = new ArrayList<>();
        synchronized (monitor) {
          while (running != null || workers.stream().anyMatch(w -> w.state == State.NEW)) {
            if (System.nanoTime() > deadline) {
              throw new AssertionError("a step did not end: " + describe());
            }
            monitor.wait(100);
          }
        }
        check.run();
        synchronized (monitor) {
          for (Worker w : workers) {
            if (w.state == State.AT_GATE
                || (w.state == State.BLOCKED && w.unblocked.getAsBoolean())) {
              eligible.add(w);
            }
          }
          if (eligible.isEmpty()) {
            if (workers.stream().allMatch(w -> w.state == State.DONE)) {
              break;
            }
            throw new AssertionError("deadlock: " + describe());
          }
          int choice = steps < choices.size() ? choices.get(steps) : 0;
          running = eligible.get(Math.floorMod(choice, eligible.size()));
          running.state = State.RUNNING;
          monitor.notifyAll();
        }
        steps++;
        if (steps > 10_000) {
          throw new AssertionError("no end after 10000 steps: " + describe());
        }
      }
      for (Thread t : threads) {
        t.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (!crashes.isEmpty()) {
      AssertionError error = new AssertionError("a task threw: " + crashes.get(0));
      crashes.forEach(error::addSuppressed);
      throw error;
    }
    return steps;
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    for (Worker w : workers) {
      out.append(w.name).append('=').append(w.state).append(' ');
    }
    return out.toString();
  }

  /** Ends the current step; the thread continues when the scheduler chooses it again. */
  void gate() {
    yieldUntil(() -> true, State.AT_GATE);
  }

  private void yieldUntil(BooleanSupplier unblocked, State waiting) {
    Worker me = current.get();
    if (me == null) {
      return; // the test's own thread, setting up or checking
    }
    synchronized (monitor) {
      me.state = waiting;
      me.unblocked = unblocked;
      running = null;
      monitor.notifyAll();
      while (running != me) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      me.state = State.RUNNING;
      me.unblocked = () -> true;
    }
  }

  // ---- the lock scheduler: locks a blocked thread waits on without being chosen ------------

  @Override
  public <T> T storePass(StoreKey store, Supplier<T> body) {
    if (!locking) {
      return body.get();
    }
    yieldUntil(() -> !writer && !storesHeld.contains(store), State.BLOCKED);
    synchronized (monitor) {
      readers++;
      storesHeld.add(store);
    }
    try {
      return body.get();
    } finally {
      synchronized (monitor) {
        readers--;
        storesHeld.remove(store);
      }
    }
  }

  @Override
  public <T> T fullPass(Supplier<T> body) {
    if (!locking) {
      return body.get();
    }
    yieldUntil(() -> !writer && readers == 0, State.BLOCKED);
    synchronized (monitor) {
      writer = true;
    }
    try {
      return body.get();
    } finally {
      synchronized (monitor) {
        writer = false;
      }
    }
  }

  @Override
  public <T> T defaultWriter(Supplier<T> body) {
    Worker me = current.get();
    if (locking) {
      yieldUntil(() -> !defaultHeld, State.BLOCKED);
      synchronized (monitor) {
        defaultHeld = true;
      }
    }
    if (me != null) {
      me.inDefaultWriter = true;
    }
    try {
      return body.get();
    } finally {
      if (me != null) {
        me.inDefaultWriter = false;
      }
      if (locking) {
        synchronized (monitor) {
          defaultHeld = false;
        }
      }
    }
  }

  // ---- ports that end a step at every call and check who writes what ----------------------

  /**
   * The ports, gated: each call is a step. A write by a per-store pass outside the default writer
   * must concern its own store; a write inside the default writer must be a default move.
   *
   * @param real the ports to call
   * @param owner where an existing BSL or Secret belongs, for attributing deletes
   */
  ClusterPorts gated(
      ClusterPorts real, java.util.function.Function<String, Optional<StoreKey>> owner) {
    BackupStorePort stores = real.stores();
    BslPort bsls = real.bsls();
    SecretPort secrets = real.secrets();
    BackupStorePort gatedStores =
        new BackupStorePort() {
          @Override
          public List<BackupStore> list(Set<String> namespaces) throws PortException {
            gate();
            return stores.list(namespaces);
          }

          @Override
          public String patchStatus(
              StoreKey store, Optional<String> resourceVersion, BackupStoreStatus status)
              throws PortException {
            gate();
            wrote("patch status", Optional.of(store), false);
            return stores.patchStatus(store, resourceVersion, status);
          }

          @Override
          public String addFinalizer(
              StoreKey store, Optional<String> resourceVersion, String finalizer)
              throws PortException {
            gate();
            wrote("add finalizer", Optional.of(store), false);
            return stores.addFinalizer(store, resourceVersion, finalizer);
          }

          @Override
          public Optional<String> removeFinalizer(
              StoreKey store, Optional<String> resourceVersion, String finalizer)
              throws PortException {
            gate();
            wrote("remove finalizer", Optional.of(store), false);
            return stores.removeFinalizer(store, resourceVersion, finalizer);
          }
        };
    BslPort gatedBsls =
        new BslPort() {
          @Override
          public List<ObservedBsl> list() throws PortException {
            gate();
            return bsls.list();
          }

          @Override
          public void apply(BackupStorageLocation desired, Optional<String> resourceVersion)
              throws PortException {
            gate();
            wrote("apply " + desired.name(), ownerOf(desired.metadata()), false);
            bsls.apply(desired, resourceVersion);
          }

          @Override
          public void setDefault(String name, boolean value, String resourceVersion)
              throws PortException {
            gate();
            wrote("set default " + name, owner.apply(name), true);
            bsls.setDefault(name, value, resourceVersion);
          }

          @Override
          public void delete(String name, String resourceVersion) throws PortException {
            gate();
            wrote("delete " + name, owner.apply(name), false);
            bsls.delete(name, resourceVersion);
          }
        };
    SecretPort gatedSecrets =
        new SecretPort() {
          @Override
          public Optional<SecretData> read(String namespace, String name) throws PortException {
            gate();
            return secrets.read(namespace, name);
          }

          @Override
          public List<MirroredSecret> listMirrored() throws PortException {
            gate();
            return secrets.listMirrored();
          }

          @Override
          public Optional<ObjectMetadata> find(String name) throws PortException {
            gate();
            return secrets.find(name);
          }

          @Override
          public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
              throws PortException {
            gate();
            wrote("apply Secret " + secret.name(), ownerOf(secret.metadata()), false);
            secrets.applyMirrored(secret, resourceVersion);
          }

          @Override
          public void deleteMirrored(String name, String resourceVersion) throws PortException {
            gate();
            wrote("delete Secret " + name, owner.apply("secret:" + name), false);
            secrets.deleteMirrored(name, resourceVersion);
          }
        };
    return new ClusterPorts(gatedStores, gatedBsls, gatedSecrets);
  }

  private static Optional<StoreKey> ownerOf(ObjectMetadata meta) {
    return BslLabels.provenOwner(meta);
  }

  private void wrote(String what, Optional<StoreKey> target, boolean movesDefault) {
    Worker me = current.get();
    if (me == null) {
      return;
    }
    if (me.inDefaultWriter && !movesDefault) {
      violations.add(me.name + ": the default writer wrote " + what);
    } else if (!me.inDefaultWriter && movesDefault) {
      violations.add(me.name + ": " + what + " outside the default writer");
    } else if (!me.inDefaultWriter
        && me.task.scope().isPresent()
        && !target.equals(me.task.scope())) {
      violations.add(me.name + ": " + what + " of " + target + ", not its own store's");
    }
  }
}
