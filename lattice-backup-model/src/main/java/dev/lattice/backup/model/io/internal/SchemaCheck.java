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

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.lattice.backup.model.validation.FieldError;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a tree against the record types as the mapper sees them, before binding: every value has
 * its field's JSON type (a number where a string belongs is an error, as in the API server, not a
 * silent conversion), and in strict mode every field is declared. Maps (labels, annotations) have
 * open keys; everything else is closed.
 */
final class SchemaCheck {
  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, JavaType>> properties = new ConcurrentHashMap<>();

  SchemaCheck(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Adds every problem of {@code node}, read as {@code type}, to {@code out}. */
  void check(JsonNode node, JavaType type, String path, boolean strict, List<FieldError> out) {
    if (node.isNull()) {
      return;
    }
    JavaType t = unwrap(type);
    String expected = mismatch(node, t);
    if (expected != null) {
      out.add(FieldError.of(path, FieldError.Type.TYPE_INVALID, "expected " + expected));
      return;
    }
    if (node.isObject() && isRecord(t)) {
      Map<String, JavaType> known = propertiesOf(t);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = Paths.child(path, field.getKey());
        JavaType childType = known.get(field.getKey());
        if (childType == null) {
          if (!strict) {
            continue;
          }
          out.add(
              FieldError.of(
                  child, FieldError.Type.UNKNOWN, "not declared in the BackupStore schema"));
        } else {
          check(field.getValue(), childType, child, strict, out);
        }
      }
    } else if (node.isObject() && t.isMapLikeType()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        check(field.getValue(), t.getContentType(), Paths.child(path, field.getKey()), strict, out);
      }
    } else if (node.isArray() && t.isCollectionLikeType()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), t.getContentType(), Paths.index(path, i), strict, out);
      }
    }
  }

  /** The JSON type the value should have had, or null when it has it. */
  private static @Nullable String mismatch(JsonNode node, JavaType t) {
    Class<?> c = t.getRawClass();
    if (c == String.class || c.isEnum() || c == Instant.class) {
      return node.isTextual() ? null : c == Instant.class ? "RFC 3339 date-time string" : "string";
    }
    if (c == Boolean.class || c == boolean.class) {
      return node.isBoolean() ? null : "boolean";
    }
    if (c == Long.class || c == long.class || c == Integer.class || c == int.class) {
      return node.isIntegralNumber() && node.canConvertToLong() ? null : "integer";
    }
    if (t.isCollectionLikeType()) {
      return node.isArray() ? null : "list";
    }
    if (t.isMapLikeType() || isRecord(t)) {
      return node.isObject() ? null : "mapping";
    }
    return null;
  }

  private static JavaType unwrap(JavaType type) {
    JavaType t = type;
    while (t.isReferenceType() || t.getRawClass() == Optional.class) {
      t = t.getContentType() != null ? t.getContentType() : t.containedTypeOrUnknown(0);
    }
    return t;
  }

  private static boolean isRecord(JavaType type) {
    return type.getRawClass().isRecord();
  }

  private Map<String, JavaType> propertiesOf(JavaType type) {
    return properties.computeIfAbsent(
        type.getRawClass(),
        c -> {
          Map<String, JavaType> out = new HashMap<>();
          for (BeanPropertyDefinition p :
              mapper.getDeserializationConfig().introspect(type).findProperties()) {
            if (p.couldDeserialize()) {
              out.put(p.getName(), p.getPrimaryType());
            }
          }
          return Map.copyOf(out);
        });
  }
}
