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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The managed-fields patch that turns a create's Update entry into our Apply entry. */
class ApplyOwnershipTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ManagedFieldsEntry entry(
      String manager, String operation, String subresource, Map<String, Object> fields) {
    FieldsV1 f = new FieldsV1();
    fields.forEach(f::setAdditionalProperty);
    return new ManagedFieldsEntryBuilder()
        .withManager(manager)
        .withOperation(operation)
        .withSubresource(subresource)
        .withApiVersion("velero.io/v1")
        .withFieldsType("FieldsV1")
        .withFieldsV1(f)
        .withTime("2026-12-03T07:00:00Z")
        .build();
  }

  private static ObjectMeta meta(ManagedFieldsEntry... entries) {
    return new ObjectMetaBuilder()
        .withName("b")
        .withResourceVersion("42")
        .withManagedFields(List.of(entries))
        .build();
  }

  private static JsonNode patch(ObjectMeta meta) throws Exception {
    return JSON.readTree(ApplyOwnership.adoptionPatch(meta).orElseThrow());
  }

  @Test
  void nothingToDoWithoutAnUpdateEntryOfOurs() {
    assertThat(ApplyOwnership.adoptionPatch(null)).isEmpty();
    assertThat(ApplyOwnership.adoptionPatch(new ObjectMeta())).isEmpty();
    assertThat(
            ApplyOwnership.adoptionPatch(
                meta(
                    entry("lattice-backup", "Apply", null, Map.of("f:spec", Map.of())),
                    entry("someone-else", "Update", null, Map.of("f:spec", Map.of())),
                    entry("lattice-backup", "Update", "status", Map.of("f:status", Map.of())))))
        .isEmpty();
  }

  @Test
  void theCreatesUpdateEntryBecomesAnApplyEntryAtTheVersionRead() throws Exception {
    JsonNode patch =
        patch(
            meta(
                entry("lattice-backup", "Update", null, Map.of("f:spec", Map.of("f:a", Map.of()))),
                entry("lattice-backup-default", "Update", null, Map.of("f:x", Map.of()))));

    assertThat(patch).hasSize(2);
    assertThat(patch.get(0).get("op").asText()).isEqualTo("test");
    assertThat(patch.get(0).get("path").asText()).isEqualTo("/metadata/resourceVersion");
    assertThat(patch.get(0).get("value").asText()).isEqualTo("42");
    assertThat(patch.get(1).get("op").asText()).isEqualTo("replace");
    assertThat(patch.get(1).get("path").asText()).isEqualTo("/metadata/managedFields");
    JsonNode entries = patch.get(1).get("value");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("manager").asText()).isEqualTo("lattice-backup");
    assertThat(entries.get(0).get("operation").asText()).isEqualTo("Apply");
    assertThat(entries.get(0).get("fieldsV1").toString()).isEqualTo("{\"f:spec\":{\"f:a\":{}}}");
    assertThat(entries.get(0).get("time").asText()).isEqualTo("2026-12-03T07:00:00Z");
    assertThat(entries.get(1).get("manager").asText()).isEqualTo("lattice-backup-default");
    assertThat(entries.get(1).get("operation").asText()).isEqualTo("Update");
  }

  @Test
  void anUpdateEntryBesideOurApplyEntryIsMergedIntoIt() throws Exception {
    JsonNode entries =
        patch(
                meta(
                    entry("someone-else", "Apply", null, Map.of("f:metadata", Map.of())),
                    entry(
                        "lattice-backup",
                        "Apply",
                        null,
                        Map.of("f:spec", Map.of("f:a", Map.of(), "f:c", Map.of("f:d", Map.of())))),
                    entry(
                        "lattice-backup",
                        "Update",
                        null,
                        Map.of(
                            "f:spec",
                            Map.of("f:b", Map.of(), "f:c", Map.of("f:e", Map.of())),
                            "f:metadata",
                            Map.of("f:labels", Map.of())))))
            .get(1)
            .get("value");

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("manager").asText()).isEqualTo("someone-else");
    JsonNode ours = entries.get(1);
    assertThat(ours.get("operation").asText()).isEqualTo("Apply");
    assertThat(ours.get("fieldsV1"))
        .isEqualTo(
            JSON.readTree(
                "{\"f:spec\":{\"f:a\":{},\"f:b\":{},\"f:c\":{\"f:d\":{},\"f:e\":{}}},"
                    + "\"f:metadata\":{\"f:labels\":{}}}"));
  }
}
