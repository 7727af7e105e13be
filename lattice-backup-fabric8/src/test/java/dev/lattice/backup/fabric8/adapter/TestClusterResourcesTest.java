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
package dev.lattice.backup.fabric8.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.testing.cluster.TestCluster;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test helpers' module names the two resource types itself (it cannot depend on this module,
 * whose tests use it): they must stay the ones the adapter talks to.
 */
class TestClusterResourcesTest {
  private static List<Object> fields(ResourceDefinitionContext c) {
    return List.of(c.getGroup(), c.getVersion(), c.getKind(), c.getPlural(), c.isNamespaceScoped());
  }

  @Test
  void theTestHelpersResourceTypesAreTheAdapters() {
    assertThat(fields(TestCluster.BACKUP_STORES)).isEqualTo(fields(Resources.BACKUP_STORES));
    assertThat(fields(TestCluster.BACKUP_STORAGE_LOCATIONS))
        .isEqualTo(fields(Resources.BACKUP_STORAGE_LOCATIONS));
  }
}
