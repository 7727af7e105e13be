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
package dev.lattice.backup.translate.bsl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link BackupStorageLocation}s as JSON, YAML and fabric8 {@link
 * GenericKubernetesResource}s, in exactly the shape of Velero's CRD: config values are strings,
 * empty config and absent credentials are omitted, keys are sorted. Pure and thread-safe.
 */
public final class BslJson {
  /**
   * The mapper, built on first use: writing YAML from the records ({@link #toYaml}) needs none, and
   * building one loads hundreds of classes, which a short command line run would pay for nothing.
   * (Its configuration is here too: the verifier loads the classes a method names when it loads the
   * method's class.)
   */
  private static final class Mapper {
    static final JsonMapper JSON = configure(JsonMapper.builder()).build();

    private Mapper() {}

    private static <B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<?, B>> B configure(
        B builder) {
      JsonInclude.Value nonEmpty =
          JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY);
      return builder
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
          .withConfigOverride(Map.class, o -> o.setInclude(nonEmpty))
          .withConfigOverride(List.class, o -> o.setInclude(nonEmpty));
    }
  }

  private BslJson() {}

  /**
   * The location as a JSON tree.
   *
   * @param bsl the location
   * @return a new tree
   */
  public static JsonNode toTree(BackupStorageLocation bsl) {
    return Mapper.JSON.valueToTree(bsl);
  }

  /**
   * The location read back from a tree written by {@link #toTree(BackupStorageLocation)}.
   *
   * @param tree the tree
   * @return the location
   * @throws IllegalArgumentException when the tree is not such a location
   */
  public static BackupStorageLocation fromTree(JsonNode tree) {
    try {
      return Mapper.JSON.treeToValue(tree, BackupStorageLocation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a BackupStorageLocation: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The location as compact JSON.
   *
   * @param bsl the location
   * @return the JSON text
   */
  public static String toJson(BackupStorageLocation bsl) {
    return Mapper.JSON.valueToTree(bsl).toString();
  }

  /**
   * The locations as a multi-document YAML stream, in the given order.
   *
   * @param bsls the locations
   * @return the YAML text, empty for no locations
   */
  public static String toYaml(List<BackupStorageLocation> bsls) {
    StringBuilder out = new StringBuilder(bsls.size() * 640);
    for (BackupStorageLocation bsl : bsls) {
      out.append("---\n");
      if (!YamlText.location(out, bsl)) {
        YamlText.mapping(out, toTree(bsl), 0);
      }
    }
    return out.toString();
  }

  /**
   * The location as a fabric8 resource, ready for a client's server-side apply.
   *
   * @param bsl the location
   * @return a new resource the caller may change
   */
  public static GenericKubernetesResource toGeneric(BackupStorageLocation bsl) {
    return Mapper.JSON.convertValue(toTree(bsl), GenericKubernetesResource.class);
  }
}
