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
package dev.lattice.backup.fabric8.real;

import static dev.lattice.backup.testing.cluster.TestCluster.PLATFORM;
import static dev.lattice.backup.testing.cluster.TestCluster.VELERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the tests against one real Velero share: namespaces to back up, a clean slate, applying an
 * example, a store's and its location's status, waiting for a phase, running a Velero Backup, a
 * location's prefix, and closing the servers.
 */
final class VeleroSteps {
  static final ResourceDefinitionContext BACKUPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withKind("Backup")
          .withPlural("backups")
          .withNamespaced(true)
          .build();
  static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Set<Object> FAILED = Set.of("PartiallyFailed", "Failed", "FailedValidation");

  private final ControlPlane cluster;
  private final KubernetesClient admin;
  private final Supplier<Velero> velero;

  /**
   * Steps on a control plane, with the Velero that runs now (a test may restart it).
   *
   * @param cluster the control plane
   * @param velero the running Velero
   */
  VeleroSteps(ControlPlane cluster, Supplier<Velero> velero) {
    this.cluster = cluster;
    this.admin = cluster.admin();
    this.velero = velero;
  }

  /**
   * Closes what a test class started, in order, each one even when another fails; the first failure
   * is thrown at the end, with the others suppressed.
   *
   * @param servers Velero and the servers it used; null for one that never started
   */
  static void closeAll(AutoCloseable... servers) {
    RuntimeException failure = null;
    for (AutoCloseable s : servers) {
      try {
        if (s != null) {
          s.close();
        }
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing " + s + " failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Creates a namespace (when missing) holding one small ConfigMap, something to back up. */
  void appNamespace(String ns) {
    cluster.ensureNamespace(ns);
    admin
        .configMaps()
        .inNamespace(ns)
        .resource(configMap("settings", "k", "v"))
        .createOr(e -> e.update());
  }

  /**
   * Creates a namespace (when missing) holding ConfigMaps {@code data-0} to {@code data-<count-1>},
   * each with key {@code blob}: random bytes, base64, which gzip cannot shrink below ~75%.
   *
   * @param ns the namespace
   * @param count how many ConfigMaps
   * @param randomBytes how many random bytes each holds (before base64)
   * @return the first 64 characters of each blob, in order, to find them in a backup
   */
  List<String> randomConfigMaps(String ns, int count, int randomBytes) {
    cluster.ensureNamespace(ns);
    SecureRandom random = new SecureRandom();
    List<String> markers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] raw = new byte[randomBytes];
      random.nextBytes(raw);
      String value = Base64.getEncoder().encodeToString(raw);
      markers.add(value.substring(0, 64));
      admin
          .configMaps()
          .inNamespace(ns)
          .resource(configMap("data-" + i, "blob", value))
          .createOr(e -> e.update());
    }
    return markers;
  }

  private static ConfigMap configMap(String name, String key, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToData(key, value)
        .build();
  }

  /** A clean slate between tests: {@link TestCluster#cleanSlate} and no Velero Backup. */
  void cleanSlate() {
    TestCluster.cleanSlate(admin);
    admin.genericKubernetesResources(BACKUPS).inNamespace(VELERO).delete();
  }

  GenericKubernetesResource applyExample(String file) {
    try {
      String yaml = Files.readString(Path.of("..", "examples", file));
      GenericKubernetesResource r = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
      return admin
          .genericKubernetesResources(Resources.BACKUP_STORES)
          .inNamespace(r.getMetadata().getNamespace())
          .resource(r)
          .create();
    } catch (IOException e) {
      throw new AssertionError("cannot read examples/" + file, e);
    }
  }

  Map<String, Object> status(String store) {
    return Lookups.getStore(admin, PLATFORM, store)
        .map(s -> TestCluster.section(s, "status"))
        .orElse(Map.of());
  }

  String message(String store) {
    return String.valueOf(status(store).get("message"));
  }

  Map<String, Object> veleroStatus(String store) {
    return Lookups.bslOf(admin, PLATFORM, store)
        .map(b -> TestCluster.section(b, "status"))
        .orElse(Map.of());
  }

  String bslName(String store) {
    return Lookups.bslOf(admin, PLATFORM, store).orElseThrow().getMetadata().getName();
  }

  void awaitPhase(String store, String phase) {
    TestCluster.await(
        store + " " + phase + " (status " + status(store) + "; Velero log:\n" + tail() + ")",
        TIMEOUT,
        () -> phase.equals(String.valueOf(status(store).get("phase"))));
  }

  String tail() {
    String log = velero.get().log();
    return log.substring(Math.max(0, log.length() - 3000));
  }

  void setDefault(String store, boolean value) {
    admin
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(PLATFORM)
        .withName(store)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"default\":" + value + "}}");
  }

  /** Where Velero writes a platform store's backups in its bucket: the BSL's prefix and a slash. */
  String prefixOf(String store) {
    return prefixOf(PLATFORM, store);
  }

  /** Where Velero writes a store's backups in its bucket: the BSL's prefix and a slash. */
  @SuppressWarnings("unchecked")
  String prefixOf(String ns, String store) {
    GenericKubernetesResource bsl = Lookups.bslOf(admin, ns, store).orElseThrow();
    Object storage = TestCluster.section(bsl, "spec").get("objectStorage");
    Object prefix = storage instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("prefix") : null;
    return prefix == null ? "" : prefix + "/";
  }

  /**
   * Moves the default from one platform store to another (two merge patches, the new default's
   * first) while a watch on every BSL follows the defaults; waits until the new store's BSL is the
   * only default, then runs a Backup naming no location. The watch must have seen events, and never
   * two defaults at once.
   *
   * @param from the store that gives up the default
   * @param to the store that takes it
   * @param backup the name of the Backup run after the move
   * @param namespace the namespace the Backup saves
   */
  void moveDefault(String from, String to, String backup, String namespace) {
    ControllerIT.DefaultRecorder recorder = new ControllerIT.DefaultRecorder();
    try (Watch watch =
        admin
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace(VELERO)
            .watch(recorder)) {
      setDefault(to, true);
      setDefault(from, false);
      TestCluster.await(
          to + "'s BSL to be the only default",
          () ->
              Lookups.bsls(admin).stream()
                  .filter(Lookups::isDefault)
                  .map(b -> b.getMetadata().getName())
                  .toList()
                  .equals(List.of(bslName(to))));
      backup(backup, namespace, Optional.empty());
    }
    synchronized (recorder) {
      assertThat(recorder.events).isGreaterThan(0);
      assertThat(recorder.violations).as("moments with two default BSLs").isEmpty();
    }
  }

  /** Runs a real Velero Backup of some namespaces and waits until Velero completes it. */
  void backup(String name, String namespace, Optional<String> location) {
    String spec =
        "{\"includedNamespaces\":[\""
            + namespace
            + "\"],\"snapshotVolumes\":false"
            + location.map(l -> ",\"storageLocation\":\"" + l + "\"").orElse("")
            + "}";
    GenericKubernetesResource backup =
        Serialization.unmarshal(
            "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\",\"metadata\":{\"name\":\""
                + name
                + "\",\"namespace\":\"velero\"},\"spec\":"
                + spec
                + "}",
            GenericKubernetesResource.class);
    admin.genericKubernetesResources(BACKUPS).inNamespace(VELERO).resource(backup).create();
    TestCluster.await(
        "Velero to complete backup " + name + "; Velero log:\n" + tail(),
        Duration.ofSeconds(180),
        () -> {
          GenericKubernetesResource b =
              admin.genericKubernetesResources(BACKUPS).inNamespace(VELERO).withName(name).get();
          Object phase = b == null ? null : TestCluster.section(b, "status").get("phase");
          if (phase != null && FAILED.contains(phase)) {
            throw new AssertionError(
                "backup " + name + " ended " + phase + ": " + b + "\n" + tail());
          }
          return "Completed".equals(phase);
        });
  }
}
