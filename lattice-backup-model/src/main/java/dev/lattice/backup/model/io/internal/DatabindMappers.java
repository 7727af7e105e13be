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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lattice.backup.model.BackupStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The databind side of an engine: mappers, reader, writers and the schema check. Building it costs
 * more than reading a few stores straight from the parser (hundreds of classes at start-up), and
 * the direct binder does not need it, so {@link LazyDatabind} builds it on first use: a command
 * line that only reads plain stores never builds it.
 *
 * @param mapper the JSON mapper
 * @param reader the reader of BackupStores
 * @param storeType the BackupStore type, for the schema check
 * @param schemaCheck the schema check
 * @param jsonWriter the writer of compact JSON
 * @param yamlWriter the writer of YAML
 */
record DatabindMappers(
    JsonMapper mapper,
    ObjectReader reader,
    JavaType storeType,
    SchemaCheck schemaCheck,
    ObjectWriter jsonWriter,
    ObjectWriter yamlWriter) {
  /**
   * Builds it. (Here rather than in the engine's own classes, so that loading them does not load
   * the databind classes these lines name.)
   */
  static DatabindMappers of(JsonFactory jsonFactory, YAMLFactory yamlFactory) {
    JsonMapper mapper = configured(JsonMapper.builder(jsonFactory)).build();
    return new DatabindMappers(
        mapper,
        mapper.readerFor(BackupStore.class),
        mapper.constructType(BackupStore.class),
        new SchemaCheck(mapper),
        mapper.writerFor(BackupStore.class),
        configured(YAMLMapper.builder(yamlFactory)).build().writerFor(BackupStore.class));
  }

  /** The mapping both the JSON and the YAML mapper use. */
  private static <B extends MapperBuilder<?, B>> B configured(B builder) {
    JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null);
    JsonSetter.Value failOnNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
    builder
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS));
    for (Class<?> container : List.of(Map.class, List.class, Collection.class)) {
      builder.withConfigOverride(
          container, o -> o.setInclude(nonEmpty).setSetterInfo(failOnNullElements));
    }
    return builder;
  }
}
