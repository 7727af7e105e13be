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
package dev.lattice.backup.reconcile.port;

import java.util.Objects;

/**
 * Why a port call failed, classified so that the reconciler can decide what to do without
 * inspecting exceptions. Messages describe the object and the cause; they never carry secret data.
 */
public sealed interface PortFailure {

  /**
   * A human-readable description of the failure.
   *
   * @return the message
   */
  String message();

  /**
   * Whether retrying the same call later can succeed without anyone changing the cluster: true for
   * {@link Conflict} and {@link Transient}.
   *
   * @return true when a retry with backoff is the right reaction
   */
  default boolean isRetryable() {
    return this instanceof Conflict || this instanceof Transient;
  }

  /**
   * The object does not exist (HTTP 404 on an object).
   *
   * @param message what was not found
   */
  record NotFound(String message) implements PortFailure {
    /**
     * Checks the message is present.
     *
     * @param message what was not found
     */
    public NotFound {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The object changed since it was read (HTTP 409, a stale resourceVersion).
   *
   * @param message which object
   */
  record Conflict(String message) implements PortFailure {
    /**
     * Checks the message is present.
     *
     * @param message which object
     */
    public Conflict {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The resource type itself does not exist: for BackupStorageLocations, Velero is not installed.
   *
   * @param message which resource type
   */
  record ResourceTypeMissing(String message) implements PortFailure {
    /**
     * Checks the message is present.
     *
     * @param message which resource type
     */
    public ResourceTypeMissing {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The caller is not allowed (HTTP 401/403): missing RBAC, which retries cannot fix.
   *
   * @param message what was refused
   */
  record Forbidden(String message) implements PortFailure {
    /**
     * Checks the message is present.
     *
     * @param message what was refused
     */
    public Forbidden {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A failure that may pass: timeouts, HTTP 5xx, 429, lost connections, and anything a port did not
   * classify.
   *
   * @param message what failed
   */
  record Transient(String message) implements PortFailure {
    /**
     * Checks the message is present.
     *
     * @param message what failed
     */
    public Transient {
      Objects.requireNonNull(message, "message");
    }
  }
}
