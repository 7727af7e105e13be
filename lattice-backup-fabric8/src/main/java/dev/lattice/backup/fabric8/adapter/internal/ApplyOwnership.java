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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes the fields a create wrote owned by this library's server-side apply.
 *
 * <p>A create has to be a plain POST: only a create is refused when the name is already taken, so
 * nothing that appeared since the read is ever overwritten (server-side apply would merge into it).
 * But the API server records a POST's fields under an {@code Update} entry of its field manager,
 * and a later apply, which owns fields under an {@code Apply} entry, then no longer removes a field
 * it stops sending: the {@code Update} entry still holds it. So right after the create, the {@code
 * Update} entry of {@value Requests#FIELD_MANAGER} becomes (or joins) its {@code Apply} entry,
 * through a JSON patch of {@code metadata.managedFields} that first tests the resourceVersion, the
 * way kubectl upgrades client-side-applied objects. The same patch repairs an object whose create
 * was not followed by it (the process stopped in between, or the test failed): every apply checks
 * what it gets back.
 */
final class ApplyOwnership {
  private static final String UPDATE = "Update";
  private static final String APPLY = "Apply";

  private ApplyOwnership() {}

  /**
   * The JSON patch that moves {@value Requests#FIELD_MANAGER}'s {@code Update} ownership into its
   * {@code Apply} entry, or empty when the object has no such {@code Update} entry.
   *
   * @param meta the object's metadata as the server returned it
   * @return a JSON patch (RFC 6902) testing {@code metadata.resourceVersion} and replacing {@code
   *     metadata.managedFields}
   */
  static Optional<String> adoptionPatch(@Nullable ObjectMeta meta) {
    if (meta == null || meta.getManagedFields() == null || meta.getResourceVersion() == null) {
      return Optional.empty();
    }
    List<ManagedFieldsEntry> entries = meta.getManagedFields();
    int update = -1;
    int apply = -1;
    for (int i = 0; i < entries.size(); i++) {
      ManagedFieldsEntry e = entries.get(i);
      if (!Requests.FIELD_MANAGER.equals(e.getManager()) || isSubresource(e)) {
        continue;
      }
      if (UPDATE.equals(e.getOperation())) {
        update = i;
      } else if (APPLY.equals(e.getOperation())) {
        apply = i;
      }
    }
    if (update < 0) {
      return Optional.empty();
    }
    List<JsonNode> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (i == update && apply >= 0) {
        continue; // merged into the Apply entry below
      }
      ObjectNode node = Requests.JSON.valueToTree(entries.get(i));
      if (i == update) {
        node.put("operation", APPLY);
      } else if (i == apply) {
        JsonNode merged =
            union(fields(entries.get(apply)), Requests.JSON.valueToTree(fieldsOf(entries, update)));
        node.set("fieldsV1", merged);
      }
      out.add(node);
    }
    ArrayNode patch = Requests.JSON.createArrayNode();
    patch
        .addObject()
        .put("op", "test")
        .put("path", "/metadata/resourceVersion")
        .put("value", meta.getResourceVersion());
    ObjectNode replace =
        patch.addObject().put("op", "replace").put("path", "/metadata/managedFields");
    replace.set("value", Requests.JSON.createArrayNode().addAll(out));
    return Optional.of(patch.toString());
  }

  private static boolean isSubresource(ManagedFieldsEntry e) {
    return e.getSubresource() != null && !e.getSubresource().isEmpty();
  }

  private static Object fieldsOf(List<ManagedFieldsEntry> entries, int index) {
    ManagedFieldsEntry e = entries.get(index);
    return e.getFieldsV1() == null ? Map.of() : e.getFieldsV1();
  }

  private static JsonNode fields(ManagedFieldsEntry e) {
    return Requests.JSON.valueToTree(e.getFieldsV1() == null ? Map.of() : e.getFieldsV1());
  }

  /** The union of two field sets in the {@code FieldsV1} encoding (nested objects, leaves {}). */
  static JsonNode union(JsonNode a, JsonNode b) {
    if (!a.isObject() || !b.isObject()) {
      return a.isObject() ? a : b;
    }
    ObjectNode out = ((ObjectNode) a).deepCopy();
    b.fields()
        .forEachRemaining(
            f -> {
              JsonNode mine = out.get(f.getKey());
              out.set(f.getKey(), mine == null ? f.getValue() : union(mine, f.getValue()));
            });
    return out;
  }
}
