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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the builder's settings do to the work queue, without a cluster (the client is built and
 * never connects): the backoff and the retry bucket reach it.
 */
class BuilderTest {
  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build())
          .build();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    scheduler.shutdownNow();
    client.close();
  }

  private BackupStoreController.Builder builder() {
    return BackupStoreController.builder(client, ReconcileOptions.defaults())
        .backoff(Duration.ofMillis(1), Duration.ofMillis(1));
  }

  @Test
  void theRetryLimitIsTheQueuesTokenBucket() {
    WorkQueue<String> queue = builder().retryLimit(1, 1).queue(scheduler);

    assertThat(queue.retry("a")).isEqualTo(Duration.ofMillis(1));
    // The bucket of one is empty: the next retry waits about a second for a token.
    assertThat(queue.retry("b")).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void theDefaultBucketLetsABurstOfRetriesThrough() {
    WorkQueue<String> queue = builder().queue(scheduler);

    for (int i = 0; i < 100; i++) {
      assertThat(queue.retry("k" + i)).isEqualTo(Duration.ofMillis(1));
    }
    // Then the bucket refills at 10 a second: of 50 more retries at once, some wait for it.
    assertThat(IntStream.range(0, 50).mapToObj(i -> queue.retry("more" + i)))
        .anyMatch(d -> d.compareTo(Duration.ofMillis(1)) > 0);
  }

  @Test
  void aRetryLimitMustBePositive() {
    assertThatThrownBy(() -> builder().retryLimit(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().retryLimit(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
