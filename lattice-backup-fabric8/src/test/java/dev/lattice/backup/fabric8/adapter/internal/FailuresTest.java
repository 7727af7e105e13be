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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How API errors become port failures. */
class FailuresTest {

  private static KubernetesClientException error(int code, String name) {
    Status status =
        new StatusBuilder()
            .withCode(code)
            .withMessage("message " + code)
            .withNewDetails()
            .withName(name.isEmpty() ? null : name)
            .endDetails()
            .build();
    return new KubernetesClientException(status);
  }

  @ParameterizedTest
  @CsvSource({
    "404, '', true, ResourceTypeMissing",
    "404, x, true, NotFound",
    "404, '', false, NotFound",
    "409, x, true, Conflict",
    "403, '', true, Forbidden",
    "401, '', false, Forbidden",
    "500, '', true, Transient",
    "503, '', false, Transient",
    "429, '', true, Transient",
    "422, x, true, Transient",
  })
  void apiErrorsAreClassified(int code, String name, boolean customType, String expected) {
    PortFailure failure = Failures.classify("op", customType, error(code, name));

    assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(failure.message()).startsWith("op: HTTP " + code);
  }

  @Test
  void ioErrorsAreTransientAndNothingEscapesUnclassified() {
    KubernetesClientException io =
        new KubernetesClientException("connect failed", new IOException("refused"));
    assertThat(Failures.classify("op", true, io)).isInstanceOf(PortFailure.Transient.class);

    try {
      Failures.call(
          "op",
          true,
          () -> {
            throw new IllegalStateException("bug");
          });
    } catch (PortException e) {
      assertThat(e.failure()).isInstanceOf(PortFailure.Transient.class);
      assertThat(e.failure().message()).isEqualTo("op: unexpected IllegalStateException");
      return;
    }
    throw new AssertionError("no PortException");
  }

  @Test
  void noServerTextPassesIntoAFailureOrTheCauseKept() {
    Status status =
        new StatusBuilder()
            .withCode(422)
            .withReason("Invalid")
            .withMessage("spec.bucket: Invalid value: \"hunter2\"")
            .build();
    KubernetesClientException refused = new KubernetesClientException(status);
    Status odd = new StatusBuilder().withCode(500).withReason("hunter2").build();

    assertThat(Failures.classify("op", true, refused).message()).isEqualTo("op: HTTP 422 Invalid");
    assertThat(Failures.classify("op", true, new KubernetesClientException(odd)).message())
        .isEqualTo("op: HTTP 500");
    try {
      Failures.call(
          "op",
          true,
          () -> {
            throw new KubernetesClientException("hunter2", 0, status);
          });
    } catch (PortException e) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain("hunter2").contains("KubernetesClientException");
      assertThat(e.getCause()).isNotNull();
      assertThat(e.getCause().getStackTrace()).isNotEmpty();
      return;
    }
    throw new AssertionError("no PortException");
  }

  @Test
  void aDescriptionForALogNamesTheOperationAndCodeButNoServerText() {
    KubernetesClientException refused =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("secret-token-123 is not allowed")
                .build());
    Exception wrapped =
        new java.util.concurrent.ExecutionException(
            new IllegalStateException("wrapper says secret-token-123", refused));

    assertThat(Failures.describe("watch BSLs", wrapped))
        .isEqualTo("watch BSLs: HTTP 403 Forbidden")
        .doesNotContain("secret-token-123");
    assertThat(
            Failures.describe(
                "fill the caches",
                new java.util.concurrent.TimeoutException("secret-token-123 timed out")))
        .isEqualTo("fill the caches: TimeoutException");
  }
}
