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
package dev.lattice.backup.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Velero's BSL CRD schema as a JSON-schema validator. Objects with declared properties get {@code
 * additionalProperties: false}, so a field the API server would prune is an error here.
 */
final class VeleroSchema {
  private static final JsonSchema SCHEMA = load();

  private VeleroSchema() {}

  private static JsonSchema load() {
    try (InputStream in =
        VeleroSchema.class.getResourceAsStream("/velero/velero.io_backupstoragelocations.yaml")) {
      JsonNode crd = new YAMLMapper().readTree(in);
      JsonNode schema =
          crd.path("spec")
              .path("versions")
              .get(0)
              .path("schema")
              .path("openAPIV3Schema")
              .deepCopy();
      closeObjects(schema);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Marks every object schema with properties as closed, as the API server's pruning makes it. */
  private static void closeObjects(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.remove("nullable");
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        closeObjects(it.next().getValue());
      }
    } else if (node.isArray()) {
      node.forEach(VeleroSchema::closeObjects);
    }
  }

  /** Every way the document breaks Velero's schema, one line each; empty when accepted. */
  static Set<String> problems(JsonNode bsl) {
    Set<ValidationMessage> messages = SCHEMA.validate(bsl);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }
}
