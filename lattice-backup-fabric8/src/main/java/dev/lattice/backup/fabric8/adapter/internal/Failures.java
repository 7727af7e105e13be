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
package dev.lattice.backup.fabric8.adapter.internal;

import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Classifies fabric8 client errors into the ports' failure type. */
final class Failures {
  private Failures() {}

  /** A client call. */
  @FunctionalInterface
  interface Call<T> {
    T run();
  }

  /**
   * Runs a client call, turning every exception into a classified {@link PortException}.
   *
   * @param what the operation, for messages
   * @param customType whether the resource is a custom type that may not be installed
   * @param call the call
   */
  static <T> T call(String what, boolean customType, Call<T> call) throws PortException {
    try {
      return call.run();
    } catch (KubernetesClientException e) {
      throw new PortException(classify(what, customType, e), e);
    } catch (RuntimeException e) {
      throw new PortException(
          new PortFailure.Transient(what + ": unexpected " + e.getClass().getSimpleName()), e);
    }
  }

  /**
   * The failure for an API error: 404 of a resource type (no object name in the status details, as
   * the API server answers when the type does not exist) → ResourceTypeMissing; 404 of an object →
   * NotFound; 409 → Conflict; 401/403 → Forbidden; anything else (timeouts, 429, 5xx, and requests
   * the server rejected) → Transient.
   */
  static PortFailure classify(String what, boolean customType, KubernetesClientException e) {
    int code = e.getCode();
    Status status = e.getStatus();
    String detail = status != null && status.getMessage() != null ? status.getMessage() : "";
    String message = what + ": HTTP " + code + (detail.isEmpty() ? "" : " " + detail);
    if (code == 404) {
      boolean named =
          status != null && status.getDetails() != null && status.getDetails().getName() != null;
      return customType && !named
          ? new PortFailure.ResourceTypeMissing(message)
          : new PortFailure.NotFound(message);
    }
    if (code == 409) {
      return new PortFailure.Conflict(message);
    }
    if (code == 401 || code == 403) {
      return new PortFailure.Forbidden(message);
    }
    if (code == 0) {
      return new PortFailure.Transient(
          what + ": " + (e.getCause() != null ? e.getCause().getClass().getSimpleName() : "I/O"));
    }
    return new PortFailure.Transient(message);
  }
}
