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
package dev.lattice.backup.junit;

import dev.lattice.backup.model.crd.BackupStoreCrd;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@link ControlPlane#shared()} installs: Velero's CRDs (from Velero's Go module),
 * lattice-backup's BackupStore CRD, the namespaces of {@code deploy/rbac.yaml}, and that manifest
 * itself, unchanged.
 */
final class Installation {
  static final String RBAC_RESOURCE = "/dev/lattice/backup/junit/deploy/rbac.yaml";
  private static final String MANAGER = "lattice-control-plane";

  private Installation() {}

  static void install(ControlPlane plane, PrintStream log) {
    KubernetesClient admin = plane.admin();
    List<CustomResourceDefinition> crds = new ArrayList<>();
    crds.add(load(admin, BackupStoreCrd.yaml()));
    Path velero = VeleroCrds.directory(log);
    try (Stream<Path> files = Files.list(velero)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        crds.add(load(admin, Files.readString(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (CustomResourceDefinition crd : crds) {
      admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
    for (CustomResourceDefinition crd : crds) {
      awaitEstablished(admin, crd.getMetadata().getName());
    }
    plane.ensureNamespace(ControlPlane.CONTROLLER_NAMESPACE);
    plane.ensureNamespace(ControlPlane.VELERO_NAMESPACE);
    List<HasMetadata> rbac = rbac(admin);
    for (HasMetadata item : rbac) {
      admin.resource(item).fieldManager(MANAGER).serverSideApply();
    }
  }

  /** The objects of {@code deploy/rbac.yaml}, as packaged in this jar. */
  static List<HasMetadata> rbac(KubernetesClient client) {
    try (InputStream in = Installation.class.getResourceAsStream(RBAC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RBAC_RESOURCE);
      }
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CustomResourceDefinition load(KubernetesClient admin, String yaml) {
    return admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .item();
  }

  /**
   * Waits until the CRD is served; fails with the server's own words when it is refused (for
   * example, a CEL rule over the cost budget).
   */
  static CustomResourceDefinition awaitEstablished(KubernetesClient admin, String name) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    CustomResourceDefinition crd = null;
    while (System.nanoTime() < deadline) {
      crd = admin.apiextensions().v1().customResourceDefinitions().withName(name).get();
      if (crd != null
          && crd.getStatus() != null
          && isTrue(crd.getStatus().getConditions(), "Established")) {
        return crd;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new ControlPlaneException(
        "CRD " + name + " is not established: " + (crd == null ? "absent" : crd.getStatus()));
  }

  static boolean isTrue(List<CustomResourceDefinitionCondition> conditions, String type) {
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
