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

import static dev.lattice.backup.reconcile.Fixtures.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.StoreKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store's own pass reads the credentials of its store and of the default candidates only. */
class FocusTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** The cluster's Secret port, noting every credentials read. */
  private static final class Counting extends DelegatingPorts.Secrets {
    final List<String> reads = new ArrayList<>();

    Counting(SecretPort inner) {
      super(inner);
    }

    @Override
    public Optional<SecretData> read(String namespace, String name) throws PortException {
      reads.add(namespace + "/" + name);
      return super.read(namespace, name);
    }
  }

  @Test
  void aStoresPassReadsItsOwnCredentialsAndTheDefaultCandidatesNotEveryStores() {
    InMemoryCluster cluster = new InMemoryCluster("velero", CLOCK);
    for (int i = 0; i < 20; i++) {
      cluster.putSecret(PLATFORM, "creds-" + i, Fixtures.cloud("key-" + i));
      cluster.createStore(
          Fixtures.store(PLATFORM, "s" + i, i == 3, Fixtures.minio("bucket-" + i, "creds-" + i)));
    }
    ClusterPorts plain = cluster.ports();
    Counting secrets = new Counting(plain.secrets());
    Reconciler reconciler =
        new Reconciler(
            new ClusterPorts(plain.stores(), plain.bsls(), secrets, plain.veleroNamespace()),
            Fixtures.OPTIONS,
            CLOCK,
            () -> 0.5);

    assertThat(reconciler.reconcile().failures()).isEmpty();
    // A full pass reads every store's credentials, then the default writer the candidate's again.
    assertThat(secrets.reads.stream().distinct()).hasSize(20);
    assertThat(secrets.reads).hasSize(21);
    assertThat(secrets.reads.stream().filter((PLATFORM + "/creds-3")::equals)).hasSize(2);

    secrets.reads.clear();
    cluster.putSecret(PLATFORM, "creds-7", Fixtures.cloud("rotated"));
    ReconcileOutcome outcome = reconciler.reconcile(PLATFORM, "s7");
    assertThat(outcome.failures()).isEmpty();
    assertThat(secrets.reads)
        .as(
            "s7's pass: its own Secret and the candidate s3's, then (it wrote) the default writer s3's")
        .containsExactlyInAnyOrder(
            PLATFORM + "/creds-7", PLATFORM + "/creds-3", PLATFORM + "/creds-3");
    // ...and it did its job: the rotated key is mirrored.
    String mirror =
        cluster
            .bsl(
                cluster.bsls().stream()
                    .filter(b -> b.metadata().labels().containsValue("s7"))
                    .findFirst()
                    .orElseThrow()
                    .name())
            .orElseThrow()
            .spec()
            .credential()
            .orElseThrow()
            .name();
    assertThat(cluster.secret("velero", mirror)).contains(Fixtures.cloud("rotated"));
    assertThat(StoreKey.of(cluster.store(new StoreKey(PLATFORM, "s7")).orElseThrow()))
        .isEqualTo(new StoreKey(PLATFORM, "s7"));
  }
}
