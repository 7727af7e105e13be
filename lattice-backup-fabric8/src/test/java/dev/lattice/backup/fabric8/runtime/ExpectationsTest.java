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
package dev.lattice.backup.fabric8.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.internal.Writes;
import dev.lattice.backup.translate.StoreKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
  private static final StoreKey KEY = new StoreKey("ns", "s");
  private final AtomicLong now = new AtomicLong();
  private final Expectations expectations = new Expectations(now::get, Duration.ofSeconds(30));
  private final Map<String, String> cache = new HashMap<>();

  private boolean caughtUp() {
    return expectations.caughtUp(KEY, (kind, name) -> Optional.ofNullable(cache.get(kind + name)));
  }

  @Test
  void aStoreWaitsUntilItsCacheShowsTheVersionItWroteOrALaterOne() {
    assertThat(caughtUp()).isTrue();
    cache.put("BSLb", "7");
    expectations.expect(KEY, new Expectations.Target(Writes.Kind.BSL, "b"), Optional.of("12"));
    expectations.expect(KEY, new Expectations.Target(Writes.Kind.STORE, "ns/s"), Optional.of("9"));
    assertThat(caughtUp()).isFalse();
    cache.put("BSLb", "12");
    assertThat(caughtUp()).as("the store's own write is still unseen").isFalse();
    cache.put("STOREns/s", "15");
    assertThat(caughtUp()).isTrue();
    assertThat(expectations.waiting()).isZero();
  }

  @Test
  void aDeletionIsSeenWhenTheObjectIsGone() {
    cache.put("SECRETx", "3");
    expectations.expect(KEY, new Expectations.Target(Writes.Kind.SECRET, "x"), Optional.empty());
    assertThat(caughtUp()).isFalse();
    cache.remove("SECRETx");
    assertThat(caughtUp()).isTrue();
  }

  @Test
  void anExpectationNeverMetIsDroppedAfterTheLimit() {
    expectations.expect(KEY, new Expectations.Target(Writes.Kind.BSL, "b"), Optional.of("5"));
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(caughtUp()).isFalse();
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(caughtUp()).isTrue();
  }

  @Test
  void versionsCompareAsNumbersWhenTheyAreAndOtherwiseOnlyForEquality() {
    assertThat(Expectations.atLeast("10", "9")).isTrue();
    assertThat(Expectations.atLeast("9", "10")).isFalse();
    assertThat(Expectations.atLeast("abc", "abc")).isTrue();
    assertThat(Expectations.atLeast("abd", "abc")).isFalse();
  }
}
