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

import dev.lattice.backup.reconcile.plan.Action;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the reconciler calls a port: an unexpected runtime exception from a port becomes {@link
 * PortFailure.Transient}, and a deletion-like call treats "already gone" as done. Logs under the
 * {@link Reconciler}'s logger.
 */
final class PortCalls {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private PortCalls() {}

  /** A port call. */
  @FunctionalInterface
  interface PortCall<T> {
    T call() throws PortException;
  }

  /** A port call without a result. */
  @FunctionalInterface
  interface PortRun {
    void run() throws PortException;
  }

  /** Runs a port call without a result, classifying any unexpected runtime exception. */
  static void run(String what, PortRun run) throws PortException {
    call(
        what,
        () -> {
          run.run();
          return Boolean.TRUE;
        });
  }

  /** Runs a deletion-like port call without a result; "already gone" is done. */
  static void ignoreNotFoundVoid(PortRun run, Action action) throws PortException {
    ignoreNotFound(
        () -> {
          run.run();
          return Boolean.TRUE;
        },
        action);
  }

  /** Runs a port call; deletion-like calls treat "already gone" as done. */
  static <T> Optional<T> ignoreNotFound(PortCall<T> call, Action action) throws PortException {
    try {
      return Optional.ofNullable(call(action.toString(), call));
    } catch (PortException e) {
      if (e.failure() instanceof PortFailure.NotFound) {
        LOG.debug("{}: already gone", action);
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Runs a port call, classifying any unexpected runtime exception as transient. */
  static <T> T call(String what, PortCall<T> call) throws PortException {
    try {
      return call.call();
    } catch (PortException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.debug("{}: unclassified exception from a port", what, e);
      throw new PortException(
          new PortFailure.Transient(
              what + ": unexpected " + e.getClass().getSimpleName() + " from the port"),
          e);
    }
  }
}
