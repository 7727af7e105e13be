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

import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.Velero;
import dev.lattice.backup.testing.cluster.Lookups;
import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the tests against one real Velero share: applying an example, a store's and its location's
 * status, waiting for a phase, running a Velero Backup, and a location's prefix.
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

  private final KubernetesClient admin;
  private final Supplier<Velero> velero;

  VeleroSteps(KubernetesClient admin, Supplier<Velero> velero) {
    this.admin = admin;
    this.velero = velero;
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

  /** Where Velero writes a store's backups in its bucket: the BSL's prefix and a slash. */
  @SuppressWarnings("unchecked")
  String prefixOf(String store) {
    GenericKubernetesResource bsl = Lookups.bslOf(admin, PLATFORM, store).orElseThrow();
    Object storage = TestCluster.section(bsl, "spec").get("objectStorage");
    Object prefix = storage instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("prefix") : null;
    return prefix == null ? "" : prefix + "/";
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
