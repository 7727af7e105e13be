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
package dev.lattice.backup.testing.cluster;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;

/**
 * Velero's BackupStorageLocation CRD taken away and put back, as a user who uninstalls Velero (or
 * has not installed it yet) would: {@link #remove} deletes the CRD, with every BSL, and waits until
 * the API server no longer serves the type; {@link Removal#close} creates it again as it was and
 * waits until it is established.
 */
public final class VeleroCrd {
  /** The CRD's name. */
  public static final String NAME = "backupstoragelocations.velero.io";

  private static final Duration WAIT = Duration.ofSeconds(60);

  private VeleroCrd() {}

  /** The CRD removed; closing puts it back. */
  public static final class Removal implements AutoCloseable {
    private final KubernetesClient admin;
    private final CustomResourceDefinition saved;
    private boolean restored;

    private Removal(KubernetesClient admin, CustomResourceDefinition saved) {
      this.admin = admin;
      this.saved = saved;
    }

    /** Creates the CRD again, as it was, and waits until it is established and served. */
    @Override
    public void close() {
      if (restored) {
        return;
      }
      restored = true;
      CustomResourceDefinition again =
          new CustomResourceDefinition(
              saved.getApiVersion(),
              saved.getKind(),
              new ObjectMetaBuilder()
                  .withName(NAME)
                  .withLabels(saved.getMetadata().getLabels())
                  .withAnnotations(saved.getMetadata().getAnnotations())
                  .build(),
              saved.getSpec(),
              null);
      admin.apiextensions().v1().customResourceDefinitions().resource(again).create();
      TestCluster.await(
          "the CRD " + NAME + " to be established and served",
          WAIT,
          () -> established(admin) && served(admin));
    }
  }

  /**
   * Deletes the CRD and waits until its type is no longer served.
   *
   * @param admin a cluster admin's client
   * @return the removal; close it to put the CRD back
   */
  public static Removal remove(KubernetesClient admin) {
    CustomResourceDefinition saved =
        admin.apiextensions().v1().customResourceDefinitions().withName(NAME).get();
    if (saved == null) {
      throw new IllegalStateException("the CRD " + NAME + " is not installed");
    }
    admin.apiextensions().v1().customResourceDefinitions().withName(NAME).delete();
    TestCluster.await(
        "the CRD " + NAME + " to be gone",
        WAIT,
        () ->
            admin.apiextensions().v1().customResourceDefinitions().withName(NAME).get() == null
                && !served(admin));
    return new Removal(admin, saved);
  }

  private static boolean established(KubernetesClient admin) {
    CustomResourceDefinition crd =
        admin.apiextensions().v1().customResourceDefinitions().withName(NAME).get();
    List<CustomResourceDefinitionCondition> conditions =
        crd == null || crd.getStatus() == null ? null : crd.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean served(KubernetesClient admin) {
    try {
      admin
          .genericKubernetesResources(TestCluster.BACKUP_STORAGE_LOCATIONS)
          .inNamespace(TestCluster.VELERO)
          .list();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
