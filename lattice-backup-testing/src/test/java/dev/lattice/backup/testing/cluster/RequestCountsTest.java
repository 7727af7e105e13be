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

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.junit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestCountsTest {
  private static AuditEvent event(String verb, String resource, String subresource) {
    return new AuditEvent(
        RequestCounts.CONTROLLER,
        "test",
        verb,
        "lattice.dev",
        resource,
        subresource,
        "lattice-system",
        "s",
        200,
        Optional.empty(),
        "/");
  }

  @Test
  void theControllerIsItsServiceAccount() {
    assertThat(RequestCounts.CONTROLLER)
        .isEqualTo("system:serviceaccount:lattice-system:lattice-backup");
  }

  @Test
  void countsByVerbAndResourceWithTheSubresourceAndLeavesOutWatches() {
    Map<String, Long> counts =
        RequestCounts.count(
            List.of(
                event("get", "backupstores", ""),
                event("watch", "backupstores", ""),
                event("patch", "backupstores", "status"),
                event("get", "backupstores", ""),
                event("create", "secrets", ""),
                event("watch", "secrets", "")));

    assertThat(counts)
        .containsExactly(
            Map.entry("create secrets", 1L),
            Map.entry("get backupstores", 2L),
            Map.entry("patch backupstores/status", 1L));
  }

  @Test
  void countsNothingInNoEvents() {
    assertThat(RequestCounts.count(List.of())).isEmpty();
  }

  @Test
  void rendersARowPerEventInTheTablesOrderWithTheTotal() {
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    table.put("one store created", new TreeMap<>(Map.of("get x", 2L, "list y", 1L)));
    table.put("a resync", new TreeMap<>());

    assertThat(RequestCounts.render(table))
        .isEqualTo(
            "| event | requests | by verb and resource |\n"
                + "|---|---:|---|\n"
                + "| one store created | 3 | get x=2, list y=1 |\n"
                + "| a resync | 0 |  |\n");
  }
}
