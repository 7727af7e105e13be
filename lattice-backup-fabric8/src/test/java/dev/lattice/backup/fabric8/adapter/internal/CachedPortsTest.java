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

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The ports over a cache: what they read from the cache, what they still ask the API server (here
 * an in-memory cluster whose reads are counted), and how long a credentials read is reused.
 */
class CachedPortsTest {
  private final InMemoryCluster cluster = InMemoryCluster.create();
  private final AtomicLong now = new AtomicLong(1_000);
  private final FakeView view = new FakeView();
  private final List<String> apiReads = new ArrayList<>();

  /** A cache whose contents the test sets. */
  private static final class FakeView implements CacheView {
    List<BackupStore> stores = List.of();
    Optional<List<ObservedBsl>> bsls = Optional.of(List.of());
    List<MirroredSecret> mirrored = List.of();
    Map<String, ObjectMetadata> known = Map.of();

    @Override
    public List<BackupStore> stores() {
      return stores;
    }

    @Override
    public Optional<List<ObservedBsl>> bsls() {
      return bsls;
    }

    @Override
    public List<MirroredSecret> mirrored() {
      return mirrored;
    }

    @Override
    public Optional<ObjectMetadata> knownSecret(String name) {
      return Optional.ofNullable(known.get(name));
    }
  }

  /**
   * The in-memory cluster's ports; every call of a read ({@code read}, {@code list}, {@code
   * listMirrored}, {@code find}) is recorded in {@link #apiReads} as "method first-argument".
   */
  private ClusterPorts direct() {
    ClusterPorts p = cluster.ports();
    return new ClusterPorts(
        p.stores(),
        recorded(BslPort.class, p.bsls()),
        recorded(SecretPort.class, p.secrets()),
        p.veleroNamespace());
  }

  private <T> T recorded(Class<T> type, T target) {
    Set<String> reads = Set.of("read", "list", "listMirrored", "find");
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (reads.contains(method.getName())) {
            apiReads.add(
                (method.getName() + " " + (args == null ? "" : String.join("/", strings(args))))
                    .strip());
          }
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static List<String> strings(Object[] args) {
    List<String> out = new ArrayList<>();
    for (Object a : args) {
      out.add(String.valueOf(a));
    }
    return out;
  }

  private ClusterPorts ports(Duration ttl) {
    return CachedPorts.over(direct(), view, ttl, now::get);
  }

  private static SecretData data(String value) {
    return SecretData.of(Map.of("cloud", value.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Optional<SecretData> data) {
    return new String(data.orElseThrow().get("cloud").orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void aCredentialsReadIsReusedForItsTtlAndThenReadAgain() throws PortException {
    cluster.putSecret("team-a", "creds", data("v1"));
    ClusterPorts ports = ports(Duration.ofSeconds(60));

    assertThat(text(ports.secrets().read("team-a", "creds"))).isEqualTo("v1");
    cluster.putSecret("team-a", "creds", data("v2"));
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(text(ports.secrets().read("team-a", "creds")))
        .as("within the TTL the first read is reused")
        .isEqualTo("v1");
    assertThat(apiReads).containsExactly("read team-a/creds");

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(text(ports.secrets().read("team-a", "creds"))).isEqualTo("v2");
    assertThat(apiReads).containsExactly("read team-a/creds", "read team-a/creds");
  }

  @Test
  void aMissingSecretIsRememberedLikeAnyOtherRead() throws PortException {
    ClusterPorts ports = ports(Duration.ofSeconds(60));
    assertThat(ports.secrets().read("team-a", "absent")).isEmpty();
    assertThat(ports.secrets().read("team-a", "absent")).isEmpty();
    assertThat(apiReads).containsExactly("read team-a/absent");
  }

  @Test
  void aTtlOfZeroReadsEveryTime() throws PortException {
    cluster.putSecret("team-a", "creds", data("v1"));
    ClusterPorts ports = ports(Duration.ZERO);
    ports.secrets().read("team-a", "creds");
    cluster.putSecret("team-a", "creds", data("v2"));
    assertThat(text(ports.secrets().read("team-a", "creds"))).isEqualTo("v2");
    assertThat(apiReads).hasSize(2);
  }

  @Test
  void mirroredSecretsAndKnownNamesComeFromTheCacheAndUnknownNamesFromTheApiServer()
      throws PortException {
    ObjectMetadata ours = ObjectMetadata.named("ours").withNamespace("velero");
    view.mirrored = List.of(new MirroredSecret(ours, data("x")));
    view.known = Map.of("ours", ours);
    cluster.putSecret("velero", "foreign", data("y"));
    ClusterPorts ports = ports(Duration.ofSeconds(60));

    assertThat(ports.secrets().listMirrored())
        .extracting(MirroredSecret::metadata)
        .containsExactly(ours);
    assertThat(ports.secrets().find("ours")).contains(ours);
    assertThat(apiReads).isEmpty();
    assertThat(ports.secrets().find("foreign")).map(ObjectMetadata::name).contains("foreign");
    assertThat(apiReads).containsExactly("find foreign");
  }

  @Test
  void storesComeFromTheCacheFilteredByNamespace() throws PortException {
    BackupStore a = BackupStore.of(ObjectMetadata.named("a").withNamespace("team-a"), null);
    BackupStore b = BackupStore.of(ObjectMetadata.named("b").withNamespace("team-b"), null);
    BackupStore anonymous =
        new BackupStore(BackupStore.API_VERSION, BackupStore.KIND, null, null, null);
    view.stores = List.of(a, b, anonymous);
    ClusterPorts ports = ports(Duration.ZERO);

    assertThat(ports.stores().list(Set.of())).containsExactly(a, b, anonymous);
    assertThat(ports.stores().list(Set.of("team-b"))).containsExactly(b);
  }

  @Test
  void bslsComeFromTheApiServerOnlyWhileTheCacheCannotServeThem() throws PortException {
    ClusterPorts ports = ports(Duration.ZERO);

    List<ObservedBsl> cached = new ArrayList<>();
    view.bsls = Optional.of(cached);
    assertThat(ports.bsls().list()).isSameAs(cached);
    assertThat(apiReads).isEmpty();

    view.bsls = Optional.empty();
    assertThat(ports.bsls().list()).isEmpty();
    assertThat(apiReads).containsExactly("list");
  }
}
