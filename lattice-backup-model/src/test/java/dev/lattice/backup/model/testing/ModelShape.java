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
package dev.lattice.backup.model.testing;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.model.validation.internal.Satisfies;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model's JSON shape, derived from the records as Jackson maps them (names such as {@code
 * default} for {@code isDefault} included) and from their constraint annotations: nothing here is a
 * hand-copied list of fields.
 *
 * <p>Paths are dotted JSON names from the store's root, {@code []} marking the items of a list:
 * {@code spec.storage.s3.bucket}, {@code status.conditions[].type}. {@code metadata} is a leaf: it
 * is Kubernetes' ObjectMeta, which the API server validates itself and a CRD may not describe.
 */
public final class ModelShape {
  private ModelShape() {}

  /** A mapper with the modules the codec uses, for introspection only. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();

  /**
   * One JSON field of the model.
   *
   * @param path the path, as described above
   * @param type the Java type, Optional unwrapped
   * @param required whether the model requires it ({@code @NotNull})
   * @param rule the format rule the model applies to it ({@code @Satisfies}), if any
   */
  public record ModelField(String path, JavaType type, boolean required, Optional<FieldRule> rule) {
    /** The JSON Schema type this field has: string, boolean, integer, array or object. */
    public String jsonType() {
      Class<?> c = type.getRawClass();
      if (c == String.class || c.isEnum() || c == Instant.class) {
        return "string";
      }
      if (c == Boolean.class || c == boolean.class) {
        return "boolean";
      }
      if (c == Long.class || c == long.class || c == Integer.class || c == int.class) {
        return "integer";
      }
      if (type.isCollectionLikeType()) {
        return "array";
      }
      if (type.isMapLikeType() || c.isRecord()) {
        return "object";
      }
      throw new IllegalStateException("no JSON type for " + type + " at " + path);
    }

    /** The OpenAPI format this field has, if any. */
    public Optional<String> format() {
      Class<?> c = type.getRawClass();
      if (c == Instant.class) {
        return Optional.of("date-time");
      }
      if (c == Long.class || c == long.class) {
        return Optional.of("int64");
      }
      if (c == Integer.class || c == int.class) {
        return Optional.of("int32");
      }
      return Optional.empty();
    }

    /** The wire values of an enum field, in declaration order; empty for other fields. */
    public List<String> enumValues() {
      Class<?> c = type.getRawClass();
      if (!c.isEnum()) {
        return List.of();
      }
      return Arrays.stream(c.getEnumConstants())
          .map(v -> MAPPER.convertValue(v, String.class))
          .toList();
    }
  }

  /** Every JSON field of a BackupStore, by path, in declaration order. */
  public static Map<String, ModelField> fields() {
    Map<String, ModelField> out = new LinkedHashMap<>();
    walk(MAPPER.constructType(BackupStore.class), "", out);
    return out;
  }

  /** The JSON property names of a record type as Jackson reads them, with their types. */
  public static Map<String, JavaType> properties(JavaType type) {
    Map<String, JavaType> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p :
        MAPPER.getDeserializationConfig().introspect(type).findProperties()) {
      if (p.couldDeserialize()) {
        out.put(p.getName(), p.getPrimaryType());
      }
    }
    return out;
  }

  private static void walk(JavaType recordType, String path, Map<String, ModelField> out) {
    Class<?> raw = recordType.getRawClass();
    for (BeanPropertyDefinition p :
        MAPPER.getDeserializationConfig().introspect(recordType).findProperties()) {
      if (!p.couldDeserialize()) {
        continue;
      }
      Field field = field(raw, p.getInternalName());
      String child = path.isEmpty() ? p.getName() : path + "." + p.getName();
      JavaType type = unwrap(p.getPrimaryType());
      Satisfies satisfies = field.getAnnotation(Satisfies.class);
      out.put(
          child,
          new ModelField(
              child,
              type,
              field.isAnnotationPresent(NotNull.class),
              Optional.ofNullable(satisfies).map(Satisfies::value)));
      if (type.getRawClass() == ObjectMetadata.class) {
        continue;
      }
      if (type.getRawClass().isRecord()) {
        walk(type, child, out);
      } else if (type.isCollectionLikeType()) {
        JavaType element = unwrap(type.getContentType());
        String items = child + "[]";
        out.put(items, new ModelField(items, element, false, Optional.empty()));
        if (element.getRawClass().isRecord()) {
          walk(element, items, out);
        }
      }
    }
  }

  private static Field field(Class<?> raw, String name) {
    try {
      return raw.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(raw.getSimpleName() + " has no component " + name, e);
    }
  }

  static JavaType unwrap(JavaType type) {
    JavaType t = type;
    while (t.isReferenceType() || t.getRawClass() == Optional.class) {
      t = t.getContentType() != null ? t.getContentType() : t.containedTypeOrUnknown(0);
    }
    return t;
  }
}
