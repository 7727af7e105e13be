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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.reconcile.plan.Backoff;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Laws of the retry backoff. */
class BackoffProperties {

  private static Duration base(Backoff b, int attempt) {
    return b.delay(attempt, 0.0);
  }

  @Property
  void theDelayStaysWithinTheJitterBandBelowTheCap(
      @ForAll @LongRange(min = 1, max = 10_000) long initialMillis,
      @ForAll @LongRange(min = 0, max = 1_000_000) long extraMillis,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @IntRange(min = 1, max = 200) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    Backoff b =
        new Backoff(
            Duration.ofMillis(initialMillis),
            Duration.ofMillis(initialMillis + extraMillis),
            jitter);
    Duration full = base(b, attempt);
    Duration delay = b.delay(attempt, random);

    assertThat(full).isLessThanOrEqualTo(b.max()).isGreaterThanOrEqualTo(b.initial());
    assertThat(delay).isLessThanOrEqualTo(full);
    assertThat(delay.toNanos())
        .isGreaterThanOrEqualTo((long) Math.floor(full.toNanos() * (1 - jitter)) - 1);
  }

  @Property
  void theUnjitteredDelayDoublesUntilItReachesTheCap(
      @ForAll @LongRange(min = 1, max = 10_000) long initialMillis,
      @ForAll @IntRange(min = 1, max = 60) int attempt) {
    Backoff b = new Backoff(Duration.ofMillis(initialMillis), Duration.ofMinutes(5), 0.5);
    Duration now = base(b, attempt);
    Duration next = base(b, attempt + 1);

    assertThat(next).isGreaterThanOrEqualTo(now);
    if (now.multipliedBy(2).compareTo(b.max()) <= 0) {
      assertThat(next).isEqualTo(now.multipliedBy(2));
    } else {
      assertThat(next).isEqualTo(b.max());
    }
  }

  /**
   * Down to the nanosecond and up to the largest cap, without overflow: min(initial 2^(n-1), max).
   */
  @Property(tries = 300)
  void theUnjitteredDelayIsTheInitialDoubledAndCappedAtAnyScale(
      @ForAll @LongRange(min = 1, max = 1_000_000) long initialNanos,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1_000_000) long extraNanos,
      @ForAll @IntRange(min = 1, max = 100) int attempt) {
    Backoff b =
        new Backoff(
            Duration.ofNanos(initialNanos), Duration.ofNanos(initialNanos + extraNanos), 0.5);
    BigInteger doubled = BigInteger.valueOf(initialNanos).shiftLeft(attempt - 1);
    BigInteger expected = doubled.min(BigInteger.valueOf(initialNanos + extraNanos));

    assertThat(b.delay(attempt, 0).toNanos()).isEqualTo(expected.longValueExact());
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1))
        .hasMessageContaining("initial");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1))
        .hasMessageContaining("max");
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
        .hasMessageContaining("jitter");
    assertThatThrownBy(() -> Backoff.defaults().delay(0, 0.5)).hasMessageContaining("attempt");
  }
}
