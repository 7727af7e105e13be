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
package dev.lattice.backup.junit.memory;

import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import dev.lattice.backup.translate.Translator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Velero's BSL controller does to BackupStorageLocations, on demand: validate them (mark them
 * Available or Unavailable: a plugin or config key it does not know, a credentials or CA Secret key
 * that is missing, or a location {@link #breakLocation broken} by the test) and keep a single
 * default the way Velero's {@code ensureSingleDefaultBSL} does. Writes made here are Velero's, not
 * counted as the library's.
 */
public final class VeleroEmulation {
  private static final Set<String> ALWAYS_ALLOWED = Set.of("bucket", "prefix", "caCert");

  private final InMemoryCluster cluster;
  private final Map<String, String> unreachable = new HashMap<>();

  VeleroEmulation(InMemoryCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Installs or uninstalls Velero. Uninstalling removes the BSL resource type and, with it, every
   * BSL.
   *
   * @param value whether Velero is installed
   */
  public void installed(boolean value) {
    cluster.setVeleroInstalled(value);
  }

  /**
   * Whether Velero is installed.
   *
   * @return true when the BSL resource type exists
   */
  public boolean isInstalled() {
    return cluster.veleroInstalled();
  }

  /**
   * Makes a BSL's bucket unreachable: validation marks it Unavailable with the message.
   *
   * @param bslName the BSL
   * @param message what Velero reports
   */
  public void breakLocation(String bslName, String message) {
    synchronized (cluster) {
      unreachable.put(bslName, message);
    }
  }

  /**
   * Makes a BSL's bucket reachable again.
   *
   * @param bslName the BSL
   */
  public void repairLocation(String bslName) {
    synchronized (cluster) {
      unreachable.remove(bslName);
    }
  }

  /**
   * Validates every BSL as Velero's plugins would: unknown config keys, a missing Azure storage
   * account, a path-style S3 location without region, a missing credentials Secret or key, and an
   * unreachable bucket make it Unavailable; otherwise it is Available.
   */
  public void validateAll() {
    synchronized (cluster) {
      if (!cluster.veleroInstalled()) {
        return;
      }
      for (ObservedBsl bsl : cluster.bsls()) {
        Optional<String> problem = problem(bsl);
        cluster.putBslStatus(
            bsl.name(),
            Optional.of(problem.isPresent() ? VeleroPhase.UNAVAILABLE : VeleroPhase.AVAILABLE),
            problem);
      }
    }
  }

  /**
   * Sets a BSL's phase directly.
   *
   * @param bslName the BSL
   * @param phase the phase
   * @param message the message, if any
   */
  public void mark(String bslName, VeleroPhase phase, Optional<String> message) {
    cluster.putBslStatus(bslName, Optional.of(phase), message);
  }

  /**
   * Velero's {@code ensureSingleDefaultBSL}: when several BSLs are default, keeps the one with the
   * newest creationTimestamp and writes {@code default: false} into the others.
   *
   * @return the BSLs whose default Velero unset, sorted
   */
  public List<String> ensureSingleDefault() {
    synchronized (cluster) {
      if (!cluster.veleroInstalled()) {
        return List.of();
      }
      List<ObservedBsl> defaults = new ArrayList<>();
      for (ObservedBsl bsl : cluster.bsls()) {
        if (bsl.isDefault()) {
          defaults.add(bsl);
        }
      }
      if (defaults.size() <= 1) {
        return List.of();
      }
      ObservedBsl newest =
          defaults.stream()
              .max(
                  Comparator.comparing(
                          (ObservedBsl b) -> b.metadata().creationTimestamp().orElse(Instant.MIN))
                      .thenComparing(ObservedBsl::name))
              .orElseThrow();
      TreeSet<String> unset = new TreeSet<>();
      for (ObservedBsl bsl : defaults) {
        if (!bsl.name().equals(newest.name())) {
          cluster.putBslDefault(bsl.name(), false);
          unset.add(bsl.name());
        }
      }
      return List.copyOf(unset);
    }
  }

  private Optional<String> problem(ObservedBsl bsl) {
    String provider = bsl.spec().provider();
    String plugin = provider.startsWith("velero.io/") ? provider.substring(10) : provider;
    Set<String> accepted = Translator.PLUGIN_CONFIG_KEYS.get(plugin);
    if (accepted == null) {
      return Optional.of("unable to locate ObjectStore plugin named " + provider);
    }
    TreeSet<String> invalid = new TreeSet<>();
    for (String key : bsl.spec().config().keySet()) {
      if (!accepted.contains(key) && !ALWAYS_ALLOWED.contains(key)) {
        invalid.add(key);
      }
    }
    if (!invalid.isEmpty()) {
      return Optional.of("config has invalid keys " + invalid);
    }
    Map<String, String> config = bsl.spec().config();
    if (plugin.equals("azure") && !config.containsKey("storageAccount")) {
      return Optional.of("storageAccount is required in BSL");
    }
    if (plugin.equals("aws")
        && "true".equals(config.get("s3ForcePathStyle"))
        && !config.containsKey("region")) {
      return Optional.of("region is required when s3ForcePathStyle is true");
    }
    if (bsl.spec().credential().isPresent()) {
      var ref = bsl.spec().credential().get();
      Optional<SecretData> secret = cluster.secret(cluster.veleroNamespace(), ref.name());
      if (secret.isEmpty()) {
        return Optional.of(
            "unable to get credentials: Secret "
                + cluster.veleroNamespace()
                + "/"
                + ref.name()
                + " not found");
      }
      if (!secret.get().keys().contains(ref.key())) {
        return Optional.of(
            "unable to get credentials: Secret " + ref.name() + " has no key " + ref.key());
      }
    }
    if (bsl.spec().objectStorage().caCertRef().isPresent()) {
      // Velero 1.18 reads the CA bundle from its namespace on every validation.
      var ref = bsl.spec().objectStorage().caCertRef().get();
      Optional<SecretData> secret = cluster.secret(cluster.veleroNamespace(), ref.name());
      if (secret.isEmpty() || !secret.get().keys().contains(ref.key())) {
        return Optional.of(
            "error getting CA certificate from secret: Secret "
                + ref.name()
                + (secret.isEmpty() ? " not found" : " has no key " + ref.key()));
      }
    }
    String message = unreachable.get(bsl.name());
    return Optional.ofNullable(message);
  }
}
