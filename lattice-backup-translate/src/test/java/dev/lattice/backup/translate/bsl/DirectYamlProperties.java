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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.ProviderNaming;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link BslJson#toYaml} writes the usual locations straight from the records; the bytes are
 * exactly those of writing each location's JSON tree ({@link YamlText#mapping}), the way every
 * location was written before, and the way unusual ones still are.
 */
class DirectYamlProperties {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonMapper JSON = new JsonMapper();

  /** The YAML as written through the JSON tree. */
  private static String throughTrees(List<BackupStorageLocation> bsls) {
    StringBuilder out = new StringBuilder();
    for (BackupStorageLocation bsl : bsls) {
      out.append("---\n");
      YamlText.mapping(out, BslJson.toTree(bsl), 0);
    }
    return out.toString();
  }

  @Provide
  Arbitrary<TranslationOptions> options() {
    return Combinators.combine(
            Arbitraries.of(ProviderNaming.class),
            Arbitraries.of("velero", "backup", "lattice-system"),
            Arbitraries.of("cloud", "credentials", "key.json"))
        .as(
            (naming, velero, key) ->
                TranslationOptions.defaults().toBuilder()
                    .providerNaming(naming)
                    .veleroNamespace(velero)
                    .credentialKey(key)
                    .tenantCloudProviders(true)
                    .build());
  }

  @Provide
  Arbitrary<List<BackupStore>> stores() {
    return ModelArbitraries.validStores().list().ofMaxSize(5);
  }

  @Property(tries = 300)
  void translatedLocationsAreWrittenAsTheirTreesAre(
      @ForAll("stores") List<BackupStore> stores, @ForAll("options") TranslationOptions options) {
    List<BackupStorageLocation> bsls = new ArrayList<>();
    for (BackupStore s : stores) {
      if (Translator.translate(s, options) instanceof TranslationResult.Translated t) {
        bsls.add(s.spec().isDefault() ? t.bsl().withDefault(true) : t.bsl());
      }
    }
    for (BackupStorageLocation bsl : bsls) {
      Statistics.label("direct").collect(YamlText.location(new StringBuilder(), bsl));
    }

    assertThat(BslJson.toYaml(bsls)).isEqualTo(throughTrees(bsls));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)),
        Tuple.of(
            4,
            Arbitraries.strings()
                .withChars("aZ09 :#-?&*!|>'\"%@`{}[],.\\/~\n\t\u0085\u2028")
                .ofMinLength(1)
                .ofMaxLength(8)),
        Tuple.of(
            2,
            Arbitraries.of(
                "", "true", "no", "null", "~", "1", "0x1f", "velero.io/aws", "lattice-a")));
  }

  @Provide
  Arbitrary<BackupStorageLocation> oddLocations() {
    Arbitrary<Map<String, String>> maps = Arbitraries.maps(strings(), strings()).ofMaxSize(3);
    // Each field the server sets comes alone now and then, so that each reason to write through
    // the tree is the only one.
    Arbitrary<ObjectMetadata.Builder> serverSet =
        Combinators.combine(
                Arbitraries.strings()
                    .withChars("abc-0")
                    .ofMinLength(1)
                    .ofMaxLength(8)
                    .optional(0.15),
                Arbitraries.longs().between(1, 9).optional(0.15),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).optional(0.15),
                ModelArbitraries.timestamp().optional(0.15),
                ModelArbitraries.timestamp().optional(0.15),
                Arbitraries.of(List.<String>of(), List.of("lattice.dev/backup-store"))
                    .optional(0.15))
            .as(
                (uid, generation, version, created, deleted, finalizers) ->
                    ObjectMetadata.builder()
                        .uid(uid.orElse(null))
                        .generation(generation.orElse(null))
                        .resourceVersion(version.orElse(null))
                        .creationTimestamp(created.orElse(null))
                        .deletionTimestamp(deleted.orElse(null))
                        .finalizers(finalizers.orElse(List.of())));
    Arbitrary<ObjectMetadata> metadata =
        Combinators.combine(
                ModelArbitraries.objectName(),
                Arbitraries.integers().between(0, 19),
                serverSet,
                strings().optional(0.3),
                strings(),
                maps,
                maps)
            .as(
                (objectName, nameless, builder, name, namespace, labels, annotations) ->
                    builder
                        .name(nameless == 0 ? null : name.orElse(objectName))
                        .namespace(namespace)
                        .labels(labels)
                        .annotations(annotations)
                        .build());
    Arbitrary<BslSpec> spec =
        Combinators.combine(
                strings(),
                strings(),
                strings().optional(0.8),
                maps,
                Combinators.combine(strings(), strings()).as(SecretKeyRef::new).optional(0.6),
                Arbitraries.of(true, false),
                Combinators.combine(strings(), strings()).as(SecretKeyRef::new).optional(0.3))
            .as(
                (provider, bucket, prefix, config, credential, dflt, ca) ->
                    new BslSpec(
                        provider, new ObjectStorage(bucket, prefix, ca), config, credential, dflt));
    return Combinators.combine(metadata, spec).as(BackupStorageLocation::new);
  }

  /** Any location at all: odd strings, empty values, server-set metadata, all written the same. */
  @Property(tries = 1000)
  void anyLocationIsWrittenAsItsTreeIs(@ForAll("oddLocations") BackupStorageLocation bsl) {
    Statistics.label("direct").collect(YamlText.location(new StringBuilder(), bsl));

    assertThat(BslJson.toYaml(List.of(bsl, bsl))).isEqualTo(throughTrees(List.of(bsl, bsl)));
  }

  @Property(tries = 300)
  void anyLocationWrittenAsYamlReadsBackAsItsJson(@ForAll("oddLocations") BackupStorageLocation bsl)
      throws Exception {
    JsonNode fromYaml = YAML.readTree(BslJson.toYaml(List.of(bsl)).substring("---\n".length()));

    assertThat(fromYaml).isEqualTo(JSON.readTree(BslJson.toJson(bsl)));
  }

  @Property(tries = 200)
  void aLocationTheTreeMustWriteLeavesNothingBehind(
      @ForAll("oddLocations") BackupStorageLocation bsl) {
    StringBuilder out = new StringBuilder("kept");
    boolean written = YamlText.location(out, bsl);

    assertThat(out.toString())
        .isEqualTo(written ? "kept" + throughTrees(List.of(bsl)).substring(4) : "kept");
  }
}
