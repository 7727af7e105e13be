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
import static dev.lattice.backup.reconcile.Fixtures.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.reconcile.testing.MutableClock;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Laws of the Velero emulation, the test double that consumers of the library validate against: a
 * BSL is Available exactly when its plugin exists and accepts every config key, its required
 * settings and credentials are there and its bucket is reachable; validation writes a BSL only when
 * its status changes; and {@code ensureSingleDefault} keeps exactly the newest default.
 */
class VeleroEmulationProperties {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final List<String> PLUGINS = List.of("aws", "gcp", "azure");

  /** A BSL's config for one plugin, and the keys of it that the plugin does not accept. */
  record Config(String plugin, boolean prefixed, Map<String, String> config, Set<String> unknown) {}

  @Property(tries = 150)
  void aBslIsAvailableExactlyWhenItsPluginAcceptsEveryConfigKey(@ForAll("configs") Config c) {
    InMemoryCluster cluster = cluster();
    String provider = (c.prefixed() ? "velero.io/" : "") + c.plugin();
    cluster.putForeignBsl(bsl("loc", provider, c.config(), Optional.empty(), false));

    cluster.velero().validateAll();

    ObservedBsl bsl = cluster.bsl("loc").orElseThrow();
    if (c.unknown().isEmpty()) {
      assertThat(bsl.phase()).contains(VeleroPhase.AVAILABLE);
      assertThat(bsl.message()).isEmpty();
    } else {
      assertThat(bsl.phase()).contains(VeleroPhase.UNAVAILABLE);
      String message = bsl.message().orElseThrow();
      c.unknown().forEach(key -> assertThat(message).contains(key));
    }
  }

  @Provide
  Arbitrary<Config> configs() {
    return Arbitraries.of(PLUGINS)
        .flatMap(
            plugin -> {
              List<String> accepted = new ArrayList<>(Translator.PLUGIN_CONFIG_KEYS.get(plugin));
              accepted.remove("s3ForcePathStyle"); // its value has its own rule, below
              Set<String> foreignKeys = new TreeSet<>();
              PLUGINS.forEach(p -> foreignKeys.addAll(Translator.PLUGIN_CONFIG_KEYS.get(p)));
              foreignKeys.removeAll(Translator.PLUGIN_CONFIG_KEYS.get(plugin));
              Arbitrary<String> unknownKey =
                  Arbitraries.oneOf(
                      Arbitraries.of(List.copyOf(foreignKeys)),
                      Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(s -> "x" + s),
                      Arbitraries.of("Region", "bucketName", "storageaccount"));
              return Combinators.combine(
                      Arbitraries.of(true, false),
                      Arbitraries.subsetOf(accepted).ofMaxSize(5),
                      unknownKey.set().ofMaxSize(2))
                  .as(
                      (prefixed, known, unknown) -> {
                        TreeMap<String, String> config = new TreeMap<>();
                        known.forEach(k -> config.put(k, "v-" + k));
                        if (plugin.equals("azure")) {
                          config.put("storageAccount", "account");
                        }
                        unknown.forEach(k -> config.put(k, "v-" + k));
                        return new Config(plugin, prefixed, config, unknown);
                      });
            });
  }

  @Example
  void anUnknownPluginIsUnavailableAndAVeleroPrefixIsOptional() {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(bsl("ceph", "ceph", Map.of(), Optional.empty(), false));
    cluster.putForeignBsl(bsl("vendored", "velero.io/ceph", Map.of(), Optional.empty(), false));
    cluster.putForeignBsl(
        bsl("prefixed", "velero.io/aws", Map.of("region", "x"), Optional.empty(), false));
    cluster.putForeignBsl(bsl("plain", "gcp", Map.of(), Optional.empty(), false));

    cluster.velero().validateAll();

    assertThat(cluster.bsl("ceph").orElseThrow().message())
        .hasValueSatisfying(m -> assertThat(m).contains("plugin").contains("ceph"));
    assertThat(cluster.bsl("vendored").orElseThrow().phase()).contains(VeleroPhase.UNAVAILABLE);
    assertThat(cluster.bsl("prefixed").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
    assertThat(cluster.bsl("plain").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
  }

  @Example
  void azureNeedsAStorageAccountAndPathStyleS3NeedsARegion() {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(
        bsl("azure-none", "azure", Map.of("resourceGroup", "rg"), Optional.empty(), false));
    cluster.putForeignBsl(
        bsl("azure-ok", "azure", Map.of("storageAccount", "sa"), Optional.empty(), false));
    cluster.putForeignBsl(
        bsl("path-none", "aws", Map.of("s3ForcePathStyle", "true"), Optional.empty(), false));
    cluster.putForeignBsl(
        bsl(
            "path-region",
            "aws",
            Map.of("s3ForcePathStyle", "true", "region", "minio"),
            Optional.empty(),
            false));
    cluster.putForeignBsl(
        bsl("virtual-host", "aws", Map.of("s3ForcePathStyle", "false"), Optional.empty(), false));
    cluster.putForeignBsl(bsl("gcp-plain", "gcp", Map.of(), Optional.empty(), false));

    cluster.velero().validateAll();

    assertThat(unavailable(cluster, "azure-none")).contains("storageAccount");
    assertThat(cluster.bsl("azure-ok").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
    assertThat(unavailable(cluster, "path-none")).contains("region");
    assertThat(cluster.bsl("path-region").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
    assertThat(cluster.bsl("virtual-host").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
    assertThat(cluster.bsl("gcp-plain").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
  }

  @Example
  void credentialsMustBeASecretInVelerosNamespaceWithTheKey() {
    InMemoryCluster cluster = cluster();
    Map<String, String> region = Map.of("region", "eu-west-1");
    cluster.putSecret(PLATFORM, "elsewhere", Fixtures.cloud("k"));
    cluster.putSecret(VELERO, "wrong-key", Fixtures.cloud("k"));
    cluster.putSecret(VELERO, "good", Fixtures.cloud("k"));
    cluster.putForeignBsl(
        bsl(
            "elsewhere",
            "aws",
            region,
            Optional.of(new SecretKeyRef("elsewhere", "cloud")),
            false));
    cluster.putForeignBsl(
        bsl("wrong-key", "aws", region, Optional.of(new SecretKeyRef("wrong-key", "aws")), false));
    cluster.putForeignBsl(
        bsl("good", "aws", region, Optional.of(new SecretKeyRef("good", "cloud")), false));

    cluster.velero().validateAll();

    assertThat(unavailable(cluster, "elsewhere")).contains(VELERO + "/elsewhere");
    assertThat(unavailable(cluster, "wrong-key")).contains("wrong-key").contains("aws");
    assertThat(cluster.bsl("good").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);

    cluster.deleteSecret(VELERO, "good");
    cluster.velero().validateAll();
    assertThat(unavailable(cluster, "good")).contains(VELERO + "/good");
  }

  @Example
  void aCaCertRefMustNameASecretKeyInVelerosNamespace() {
    InMemoryCluster cluster = cluster();
    Map<String, String> region = Map.of("region", "eu-west-1");
    SecretKeyRef credential = new SecretKeyRef("creds", "cloud");
    cluster.putSecret(VELERO, "creds", Fixtures.cloud("k"));
    for (String name : List.of("no-secret", "no-key")) {
      BackupStorageLocation plain = bsl(name, "aws", region, Optional.of(credential), false);
      cluster.putForeignBsl(
          new BackupStorageLocation(
              plain.metadata(),
              new BslSpec(
                  "aws",
                  plain
                      .spec()
                      .objectStorage()
                      .withCaCertRef(
                          Optional.of(
                              new SecretKeyRef(name.equals("no-key") ? "creds" : "ca", "ca.crt"))),
                  region,
                  Optional.of(credential),
                  false)));
    }

    cluster.velero().validateAll();

    assertThat(unavailable(cluster, "no-secret"))
        .isEqualTo("error getting CA certificate from secret: Secret ca not found");
    assertThat(unavailable(cluster, "no-key"))
        .isEqualTo("error getting CA certificate from secret: Secret creds has no key ca.crt");

    cluster.putSecret(
        VELERO,
        "creds",
        dev.lattice.backup.reconcile.port.SecretData.of(
            Map.of("cloud", new byte[] {1}, "ca.crt", new byte[] {2})));
    cluster.velero().validateAll();
    assertThat(cluster.bsl("no-key").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
  }

  @Example
  void anUnreachableBucketIsUnavailableWithVelerosMessageUntilRepaired() {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(bsl("a", "gcp", Map.of(), Optional.empty(), false));
    cluster.putForeignBsl(bsl("b", "gcp", Map.of(), Optional.empty(), false));
    cluster.velero().breakLocation("a", "bucket a is gone");

    cluster.velero().validateAll();

    assertThat(cluster.bsl("a").orElseThrow().message()).contains("bucket a is gone");
    assertThat(cluster.bsl("a").orElseThrow().phase()).contains(VeleroPhase.UNAVAILABLE);
    assertThat(cluster.bsl("b").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);

    cluster.velero().repairLocation("a");
    cluster.velero().validateAll();
    assertThat(cluster.bsl("a").orElseThrow().phase()).contains(VeleroPhase.AVAILABLE);
    assertThat(cluster.bsl("a").orElseThrow().message()).isEmpty();
  }

  @Example
  void markSetsThePhaseAndMessage() {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(bsl("a", "gcp", Map.of(), Optional.empty(), false));

    cluster.velero().mark("a", VeleroPhase.UNAVAILABLE, Optional.of("by hand"));

    assertThat(cluster.bsl("a").orElseThrow().phase()).contains(VeleroPhase.UNAVAILABLE);
    assertThat(cluster.bsl("a").orElseThrow().message()).contains("by hand");
  }

  @Example
  void uninstallingVeleroRemovesEveryBslAndReinstallingStartsEmpty() {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(bsl("a", "gcp", Map.of(), Optional.empty(), true));
    assertThat(cluster.velero().isInstalled()).isTrue();

    cluster.velero().installed(false);

    assertThat(cluster.velero().isInstalled()).isFalse();
    assertThat(cluster.bsls()).isEmpty();
    cluster.velero().installed(true);
    assertThat(cluster.velero().isInstalled()).isTrue();
    assertThat(cluster.bsls()).isEmpty();
  }

  /** Validation is Velero's write: a BSL's resourceVersion moves exactly when its status does. */
  @Property(tries = 60)
  void validationWritesABslExactlyWhenItsStatusChanges(
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 2) Integer> rounds) {
    InMemoryCluster cluster = cluster();
    cluster.putForeignBsl(bsl("a", "gcp", Map.of(), Optional.empty(), false));
    cluster.putForeignBsl(bsl("b", "aws", Map.of("bad", "key"), Optional.empty(), false));
    Map<String, ObservedBsl> before = byName(cluster);
    for (int round : rounds) {
      switch (round) {
        case 0 -> cluster.velero().breakLocation("a", "gone");
        case 1 -> cluster.velero().repairLocation("a");
        default -> {}
      }
      cluster.velero().validateAll();
      Map<String, ObservedBsl> after = byName(cluster);
      for (String name : after.keySet()) {
        ObservedBsl was = before.get(name);
        ObservedBsl is = after.get(name);
        boolean statusChanged =
            !was.phase().equals(is.phase()) || !was.message().equals(is.message());
        assertThat(!was.metadata().resourceVersion().equals(is.metadata().resourceVersion()))
            .as("resourceVersion of %s moved", name)
            .isEqualTo(statusChanged);
        assertThat(is.spec()).isEqualTo(was.spec());
      }
      before = after;
    }
  }

  /** A BSL to put: its creation offset in minutes, and whether it is the default. */
  record Placed(int minute, boolean isDefault) {}

  @Property(tries = 150)
  void ensureSingleDefaultKeepsExactlyTheNewestDefault(
      @ForAll @Size(min = 0, max = 6) List<@From("placed") Placed> placed) {
    MutableClock clock = new MutableClock(START);
    InMemoryCluster cluster = new InMemoryCluster(VELERO, clock);
    Map<String, Instant> created = new HashMap<>();
    List<String> defaults = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      // names in reverse creation order, so that the name never sorts like the age
      String name = "bsl-" + (char) ('z' - i);
      Instant at = START.plus(Duration.ofMinutes(placed.get(i).minute()));
      clock.tick(Duration.between(clock.instant(), at));
      cluster.putForeignBsl(
          bsl(name, "gcp", Map.of(), Optional.empty(), placed.get(i).isDefault()));
      created.put(name, at);
      if (placed.get(i).isDefault()) {
        defaults.add(name);
      }
    }
    Map<String, ObservedBsl> before = byName(cluster);

    List<String> unset = cluster.velero().ensureSingleDefault();

    Map<String, ObservedBsl> after = byName(cluster);
    List<String> stillDefault =
        after.values().stream().filter(ObservedBsl::isDefault).map(ObservedBsl::name).toList();
    if (defaults.size() <= 1) {
      assertThat(unset).isEmpty();
      assertThat(after).isEqualTo(before);
      return;
    }
    String newest = defaults.get(0);
    for (String d : defaults) {
      int byTime = created.get(d).compareTo(created.get(newest));
      if (byTime > 0 || (byTime == 0 && d.compareTo(newest) > 0)) {
        newest = d;
      }
    }
    assertThat(stillDefault).containsExactly(newest);
    List<String> expectedUnset = new ArrayList<>(new TreeSet<>(defaults));
    expectedUnset.remove(newest);
    assertThat(unset).isEqualTo(expectedUnset);
    for (String name : after.keySet()) {
      if (!unset.contains(name)) {
        assertThat(after.get(name)).as("%s untouched", name).isEqualTo(before.get(name));
      }
    }
    assertThat(cluster.velero().ensureSingleDefault()).as("a second pass does nothing").isEmpty();
    assertThat(byName(cluster)).isEqualTo(after);
  }

  @Provide
  Arbitrary<Placed> placed() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
        .as(Placed::new);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static InMemoryCluster cluster() {
    return new InMemoryCluster(VELERO, new MutableClock(START));
  }

  private static Map<String, ObservedBsl> byName(InMemoryCluster cluster) {
    Map<String, ObservedBsl> out = new TreeMap<>();
    cluster.bsls().forEach(b -> out.put(b.name(), b));
    return out;
  }

  private static String unavailable(InMemoryCluster cluster, String name) {
    ObservedBsl bsl = cluster.bsl(name).orElseThrow();
    assertThat(bsl.phase()).as("phase of %s", name).contains(VeleroPhase.UNAVAILABLE);
    return bsl.message().orElseThrow();
  }

  private static BackupStorageLocation bsl(
      String name,
      String provider,
      Map<String, String> config,
      Optional<SecretKeyRef> credential,
      boolean isDefault) {
    return new BackupStorageLocation(
        ObjectMetadata.named(name).withNamespace(VELERO),
        new BslSpec(
            provider,
            new ObjectStorage("bucket-" + name, Optional.empty()),
            config,
            credential,
            isDefault));
  }
}
