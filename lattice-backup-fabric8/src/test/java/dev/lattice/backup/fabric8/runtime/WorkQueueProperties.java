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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/** The work queue's laws, against a plain model of what it must hold. */
class WorkQueueProperties {
  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor();

  @AfterContainer
  static void stop() {
    SCHEDULER.shutdownNow();
  }

  /** One step of a single-threaded run: add a key, take the next, or finish a key in hand. */
  record Op(char kind, int key) {}

  @Provide
  Arbitrary<List<Op>> runs() {
    Arbitrary<Op> op =
        Arbitraries.of('a', 't', 'd')
            .flatMap(k -> Arbitraries.integers().between(0, 4).map(i -> new Op(k, i)));
    return op.list().ofMaxSize(60);
  }

  @Property(tries = 2000)
  void aKeyWaitsOnceIsNeverHandedOutTwiceAtOnceAndAnAddWhileBusyIsNotLost(
      @ForAll("runs") List<Op> run) throws InterruptedException {
    WorkQueue<Integer> queue = queue(new AtomicLong());
    // The model: keys waiting, in order; keys in hand; keys added while in hand.
    LinkedHashSet<Integer> waiting = new LinkedHashSet<>();
    Set<Integer> inHand = new HashSet<>();
    Set<Integer> dirty = new HashSet<>();
    for (Op op : run) {
      switch (op.kind()) {
        case 'a' -> {
          queue.add(op.key());
          if (inHand.contains(op.key())) {
            dirty.add(op.key());
          } else {
            waiting.add(op.key());
          }
        }
        case 't' -> {
          if (waiting.isEmpty()) {
            continue; // take() would block
          }
          Integer expected = waiting.iterator().next();
          waiting.remove(expected);
          Integer got = queue.take();
          assertThat(got).isEqualTo(expected);
          assertThat(inHand.add(got)).as("handed out while in hand").isTrue();
        }
        default -> {
          if (!inHand.remove(op.key())) {
            continue;
          }
          queue.done(op.key());
          if (dirty.remove(op.key())) {
            waiting.add(op.key());
          }
        }
      }
      assertThat(queue.depth()).isEqualTo(waiting.size());
    }
  }

  @Property
  void theBackoffDoublesFromTheBaseAndStopsAtTheMaximum(@ForAll("failures") int n) {
    WorkQueue<Integer> queue = queue(new AtomicLong());
    Duration d = queue.backoff(n);
    Duration expected = Duration.ofMillis(100);
    for (int i = 1; i < n && expected.compareTo(Duration.ofSeconds(60)) < 0; i++) {
      expected = expected.multipliedBy(2);
    }
    if (expected.compareTo(Duration.ofSeconds(60)) > 0) {
      expected = Duration.ofSeconds(60);
    }
    assertThat(d).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Integer> failures() {
    return Arbitraries.integers().between(1, 100);
  }

  @Test
  void retriesBeyondTheBucketWaitForTokensWhileTheFirstBurstDoesNot() {
    AtomicLong now = new AtomicLong();
    WorkQueue<Integer> queue = queue(now);
    // Bucket of 3 at 2 per second, base delay 100 ms: three first failures wait 100 ms each...
    List<Duration> delays = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      delays.add(queue.retry(k));
    }
    assertThat(delays.subList(0, 3)).containsOnly(Duration.ofMillis(100));
    // ...the fourth and fifth wait for the bucket to refill: 0.5 s and 1 s.
    assertThat(delays.get(3)).isEqualTo(Duration.ofMillis(500));
    assertThat(delays.get(4)).isEqualTo(Duration.ofMillis(1000));
    // A second later the bucket has two tokens again; the key's own backoff now counts.
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(queue.retry(0)).isEqualTo(Duration.ofMillis(200));
    queue.forget(0);
    assertThat(queue.failures(0)).isZero();
    assertThat(queue.retry(0)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aShutDownQueueHandsOutNothing() throws InterruptedException {
    WorkQueue<Integer> queue = queue(new AtomicLong());
    queue.add(1);
    queue.shutDown();
    assertThat(queue.take()).isNull();
    queue.add(2);
    assertThat(queue.depth()).isEqualTo(1);
  }

  private static WorkQueue<Integer> queue(AtomicLong now) {
    return new WorkQueue<>(
        SCHEDULER, now::get, Duration.ofMillis(100), Duration.ofSeconds(60), 2, 3);
  }
}
