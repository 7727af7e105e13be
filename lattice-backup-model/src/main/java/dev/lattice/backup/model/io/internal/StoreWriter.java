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
package dev.lattice.backup.model.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.backup.model.BackupStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes stores as a JSON tree, compact JSON or a YAML stream, with the databind side's writers.
 * See {@link CodecEngine#writeYaml(List)}.
 */
final class StoreWriter {
  private StoreWriter() {}

  /** The store as a new JSON tree the caller may change. */
  static JsonNode toTree(LazyDatabind databind, BackupStore store) {
    return databind.get().mapper().valueToTree(store);
  }

  /** The store as compact JSON. */
  static String writeJson(LazyDatabind databind, BackupStore store) {
    try {
      return databind.get().jsonWriter().writeValueAsString(store);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stores as a multi-document YAML stream, in the given order; empty for no store. */
  static String writeYaml(LazyDatabind databind, List<BackupStore> stores) {
    if (stores.isEmpty()) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (var seq = databind.get().yamlWriter().writeValues(out)) {
      for (BackupStore s : stores) {
        seq.write(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
