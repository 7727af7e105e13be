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
package dev.lattice.backup.reconcile.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with jitter for retrying after failures: the n-th consecutive failure waits
 * {@code initial × 2^(n-1)}, capped at {@code max}, then shortened by up to {@code jitter} of
 * itself so that many controllers retrying together spread out.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 * @param jitter the fraction of the wait that is randomised, in [0, 1]
 */
public record Backoff(Duration initial, Duration max, double jitter) {
  /**
   * Checks the bounds.
   *
   * @param initial the first wait, positive
   * @param max the longest wait, at least {@code initial}
   * @param jitter the random fraction, in [0, 1]
   */
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff must be at least the initial backoff");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]");
    }
  }

  /**
   * One second, doubling up to five minutes, 20% jitter.
   *
   * @return the default backoff
   */
  public static Backoff defaults() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
  }

  /**
   * The wait before retry number {@code attempt}.
   *
   * @param attempt the number of consecutive failures so far, from 1
   * @param random a uniformly random number in [0, 1), supplied by the caller to keep this pure
   * @return the wait, within {@code [(1 - jitter) × base, base]} where base is the capped
   *     exponential wait
   */
  public Duration delay(int attempt, double random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1");
    }
    long maxNanos = max.toNanos();
    long base = initial.toNanos();
    for (int i = 1; i < attempt && base < maxNanos; i++) {
      base = base > maxNanos / 2 ? maxNanos : base * 2;
    }
    base = Math.min(base, maxNanos);
    double unit = Math.min(Math.max(random, 0), Math.nextDown(1.0));
    long cut = (long) (base * jitter * unit);
    return Duration.ofNanos(base - cut);
  }
}
