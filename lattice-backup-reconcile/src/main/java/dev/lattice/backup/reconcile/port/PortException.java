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
import org.jspecify.annotations.Nullable;

/**
 * The one exception a port may throw: a classified {@link PortFailure}. Checked, so that an adapter
 * must classify its client's errors at compile time.
 */
public final class PortException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The classified failure; records are serializable only in spirit, so it is transient. */
  @SuppressWarnings("serial")
  private final transient PortFailure failure;

  /**
   * A port failure.
   *
   * @param failure the classified failure
   */
  public PortException(PortFailure failure) {
    this(failure, null);
  }

  /**
   * A port failure with the client's exception kept for debugging.
   *
   * @param failure the classified failure
   * @param cause the underlying exception, if any
   */
  public PortException(PortFailure failure, @Nullable Throwable cause) {
    super(Objects.requireNonNull(failure, "failure").message(), cause, false, cause != null);
    this.failure = failure;
  }

  /**
   * The classified failure.
   *
   * @return the failure
   */
  public PortFailure failure() {
    return failure;
  }
}
