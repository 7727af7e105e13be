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
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Classifies fabric8 client errors into the ports' failure type.
 *
 * <p>No text the server sent passes into a failure or its cause: a refusal's message may echo the
 * request (a 422 quotes the invalid value, a proxy's error page may quote the whole body), and our
 * requests carry Secret data and the values under a store's {@code spec.storage}. A failure names
 * the operation, the HTTP code and, when it is one of the reasons Kubernetes defines, the status's
 * reason; the cause kept for debugging is the client's exception with its stack trace but without
 * its message.
 */
public final class Failures {
  /** The reasons of {@code metav1.StatusReason}: the only server text a failure shows. */
  private static final Set<String> REASONS =
      Set.of(
          "Unauthorized",
          "Forbidden",
          "NotFound",
          "AlreadyExists",
          "Conflict",
          "Gone",
          "Invalid",
          "ServerTimeout",
          "StoreReadError",
          "Timeout",
          "TooManyRequests",
          "BadRequest",
          "MethodNotAllowed",
          "NotAcceptable",
          "RequestEntityTooLarge",
          "UnsupportedMediaType",
          "InternalError",
          "Expired",
          "ServiceUnavailable");

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
      throw new PortException(classify(what, customType, e), scrubbed(e));
    } catch (RuntimeException e) {
      throw new PortException(
          new PortFailure.Transient(what + ": unexpected " + e.getClass().getSimpleName()),
          scrubbed(e));
    }
  }

  /**
   * What a log line may say of a failure: the operation and, from the first client exception among
   * the causes, the HTTP code and a known reason (as {@link #classify}); otherwise the innermost
   * cause's class. Never a message the server sent.
   *
   * @param what the operation
   * @param e the failure
   * @return the description
   */
  public static String describe(String what, Throwable e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k) {
        return classify(what, true, k).message();
      }
      innermost = t;
      if (t.getCause() == t) {
        break;
      }
    }
    return what + ": " + innermost.getClass().getSimpleName();
  }

  /**
   * The exception without any message: its class, HTTP code and stack trace, and its causes' the
   * same way.
   */
  public static Throwable scrubbed(Throwable e) {
    return scrubbed(e, 0);
  }

  private static Throwable scrubbed(Throwable e, int depth) {
    String name =
        e.getClass().getName()
            + (e instanceof KubernetesClientException k ? " (HTTP " + k.getCode() + ")" : "");
    Throwable cause = e.getCause() != null && depth < 8 ? scrubbed(e.getCause(), depth + 1) : null;
    Scrubbed out = new Scrubbed(name, cause);
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  /** A client exception whose message (which may quote the server) was dropped. */
  static final class Scrubbed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Scrubbed(String what, @Nullable Throwable cause) {
      super(what + ": message withheld (it may quote Secret data)", cause);
    }
  }

  /**
   * The failure for an API error: 404 of a resource type (no object name in the status details, as
   * the API server answers when the type does not exist) → ResourceTypeMissing; 404 of an object →
   * NotFound; 409 → Conflict; 401/403 → Forbidden; anything else (timeouts, 429, 5xx, and requests
   * the server rejected) → Transient. The message is the operation, the code and a known reason,
   * never the server's message.
   */
  static PortFailure classify(String what, boolean customType, KubernetesClientException e) {
    int code = e.getCode();
    Status status = e.getStatus();
    String reason =
        status != null && status.getReason() != null && REASONS.contains(status.getReason())
            ? " " + status.getReason()
            : "";
    String message = what + ": HTTP " + code + reason;
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
