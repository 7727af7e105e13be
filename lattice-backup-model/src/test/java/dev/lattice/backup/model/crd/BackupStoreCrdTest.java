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
package dev.lattice.backup.model.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.fixtures.ModelShape;
import dev.lattice.backup.testing.fixtures.ModelShape.ModelField;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped CRD: its names, and its schema against the model's records both ways (every field,
 * type, enum, format, required field and default), its CEL rules against the model's cross-field
 * rules (each rule reachable, failing alone, with the model's exact error).
 */
class BackupStoreCrdTest {
  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();

  // ------------------------------------------------------------------------------ the manifest

  @Test
  void theManifestIsOneYamlDocumentThatStartsWithAnAttribution() {
    String yaml = BackupStoreCrd.yaml();

    assertThat(yaml).startsWith("# BackupStore (lattice.dev/v1alpha1) CustomResourceDefinition");
    assertThat(yaml.lines().takeWhile(l -> l.startsWith("#")).toList())
        .anySatisfy(l -> assertThat(l).contains("lattice-backup"))
        .anySatisfy(l -> assertThat(l).contains("kubectl apply -f -"));
    assertThat(yaml).endsWith("\n").doesNotContain("\n---").doesNotContain("\t");
  }

  @Test
  void itDefinesTheModelsResourceNamespacedWithAStatusSubresource() {
    JsonNode crd = CrdValidator.crd();

    assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.path("kind").asText()).isEqualTo("CustomResourceDefinition");
    assertThat(crd.path("metadata").path("name").asText()).isEqualTo(BackupStore.CRD_NAME);
    JsonNode spec = crd.path("spec");
    assertThat(spec.path("group").asText()).isEqualTo(BackupStore.GROUP);
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    JsonNode names = spec.path("names");
    assertThat(names.path("kind").asText()).isEqualTo(BackupStore.KIND);
    assertThat(names.path("listKind").asText()).isEqualTo(BackupStore.KIND + "List");
    assertThat(names.path("plural").asText()).isEqualTo(BackupStore.PLURAL);
    assertThat(names.path("singular").asText()).isEqualTo("backupstore");
    assertThat(names.path("shortNames")).extracting(JsonNode::asText).containsExactly("bstore");
    assertThat(names.path("categories"))
        .extracting(JsonNode::asText)
        .containsExactly("lattice", "backup");
    assertThat(spec.path("versions")).hasSize(1);
    JsonNode version = spec.path("versions").get(0);
    assertThat(version.path("name").asText()).isEqualTo(BackupStore.VERSION);
    assertThat(version.path("served").asBoolean()).isTrue();
    assertThat(version.path("storage").asBoolean()).isTrue();
    assertThat(version.path("subresources").path("status").isObject()).isTrue();
    assertThat(version.path("subresources").path("status")).isEmpty();
  }

  @Test
  void fabric8ReadsItAsACustomResourceDefinitionWithNoUnknownKey() throws IOException {
    // JSONSchemaProps has no catch-all, so a misspelt schema keyword fails the read; the other
    // types keep unknown keys aside, and those must be empty.
    CustomResourceDefinition crd =
        CrdValidator.YAML.readValue(BackupStoreCrd.yaml(), CustomResourceDefinition.class);

    assertThat(crd.getAdditionalProperties()).isEmpty();
    assertThat(crd.getSpec().getAdditionalProperties()).isEmpty();
    assertThat(crd.getSpec().getNames().getAdditionalProperties()).isEmpty();
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getAdditionalProperties()).isEmpty();
    assertThat(version.getSubresources().getAdditionalProperties()).isEmpty();
    version
        .getAdditionalPrinterColumns()
        .forEach(c -> assertThat(c.getAdditionalProperties()).as(c.getName()).isEmpty());
    List<ValidationRule> rules = new ArrayList<>();
    collectRules(version.getSchema().getOpenAPIV3Schema(), rules);
    assertThat(rules).hasSize(CrdValidator.rules().size());
    rules.forEach(r -> assertThat(r.getAdditionalProperties()).as(r.getRule()).isEmpty());
  }

  private static void collectRules(JSONSchemaProps schema, List<ValidationRule> out) {
    if (schema.getXKubernetesValidations() != null) {
      out.addAll(schema.getXKubernetesValidations());
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> collectRules(p, out));
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      collectRules(schema.getItems().getSchema(), out);
    }
  }

  @Test
  void thePrinterColumnsShowWhichBslAndWhyNotReadyFromFieldsOfTheSchema() throws IOException {
    CustomResourceDefinition crd =
        CrdValidator.YAML.readValue(BackupStoreCrd.yaml(), CustomResourceDefinition.class);
    List<CustomResourceColumnDefinition> columns =
        crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();

    String ready = ".status.conditions[?(@.type==\"Ready\")]";
    assertThat(columns)
        .extracting(
            c -> c.getName() + " " + c.getType() + " " + c.getJsonPath() + " " + c.getPriority())
        .containsExactly(
            "Default boolean .spec.default null",
            "Provider string .spec.storage.provider null",
            "BSL string .status.veleroBslName null",
            "Phase string .status.phase null",
            "Reason string " + ready + ".reason 1",
            "Message string " + ready + ".message 1",
            "Age date .metadata.creationTimestamp null");
    for (CustomResourceColumnDefinition c : columns) {
      String path = c.getJsonPath().substring(1).replace("[?(@.type==\"Ready\")]", "[]");
      if (path.startsWith("metadata.")) {
        continue;
      }
      assertThat(CrdValidator.schemaAt(path).path("type").asText())
          .as(c.getName())
          .isEqualTo(c.getType());
    }
  }

  // ------------------------------------------------------------------- schema <-> model fields

  /** Every node of the schema below the root, by path; metadata is a leaf. */
  private static Map<String, JsonNode> schemaNodes() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    walkSchema(CrdValidator.openApiSchema(), "", out);
    return out;
  }

  private static void walkSchema(JsonNode schema, String path, Map<String, JsonNode> out) {
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              out.put(child, e.getValue());
              walkSchema(e.getValue(), child, out);
              if (e.getValue().has("items")) {
                out.put(child + "[]", e.getValue().get("items"));
                walkSchema(e.getValue().get("items"), child + "[]", out);
              }
            });
  }

  @Test
  void everySchemaPropertyIsAModelFieldAndEveryModelFieldIsInTheSchema() {
    Map<String, JsonNode> schema = schemaNodes();
    Map<String, ModelField> model = ModelShape.fields();

    Set<String> onlyInSchema = new TreeSet<>(schema.keySet());
    onlyInSchema.removeAll(model.keySet());
    Set<String> onlyInModel = new TreeSet<>(model.keySet());
    onlyInModel.removeAll(schema.keySet());
    assertThat(onlyInSchema).as("in the schema but not in the model").isEmpty();
    assertThat(onlyInModel).as("in the model but not in the schema").isEmpty();
    // The walk did see the deep fields (a broken walk would find two empty sets).
    assertThat(model)
        .containsKeys(
            "spec.default",
            "spec.storage.s3.forcePathStyle",
            "spec.storage.azure.storageAccount",
            "status.conditions[].lastTransitionTime");
  }

  @Test
  void everyFieldHasTheModelsTypeFormatAndEnum() {
    Map<String, JsonNode> schema = schemaNodes();
    for (ModelField f : ModelShape.fields().values()) {
      JsonNode node = schema.get(f.path());
      assertThat(node).as(f.path()).isNotNull();
      assertThat(node.path("type").asText()).as(f.path() + " type").isEqualTo(f.jsonType());
      assertThat(Optional.ofNullable(node.get("format")).map(JsonNode::asText))
          .as(f.path() + " format")
          .isEqualTo(f.format());
      List<String> enumValues = new ArrayList<>();
      node.path("enum").forEach(v -> enumValues.add(v.asText()));
      // An enum's error prints the value, so the storage's enum (the provider) is a rule instead.
      List<String> expected = f.path().startsWith("spec.storage.") ? List.of() : f.enumValues();
      assertThat(enumValues).as(f.path() + " enum").isEqualTo(expected);
    }
    assertThat(ModelShape.fields().get("spec.storage.provider").enumValues())
        .isEqualTo(BackupStorageProvider.wireValues());
    String providers =
        BackupStorageProvider.wireValues().stream()
            .map(v -> "'" + v + "'")
            .collect(java.util.stream.Collectors.joining(", ", "self.provider in [", "]"));
    assertThat(CrdValidator.rules())
        .filteredOn(r -> r.schemaPath().equals("spec.storage"))
        .extracting(CrdValidator.Rule::rule)
        .contains(providers);
  }

  /**
   * The API server prints the value with the error of a pattern, an enum, a minLength, a format or
   * a rule on the string itself; of maxLength and type only the limit and the type. So no field of
   * {@code spec.storage} (any of which a credential may be pasted into by mistake) has the former:
   * its rules stand on the enclosing object, with a fieldPath.
   */
  @Test
  void noStorageFieldHasAKeywordWhoseErrorPrintsItsValue() {
    Set<String> allowed = Set.of("description", "type", "maxLength", "properties", "required");
    Map<String, JsonNode> schema = schemaNodes();
    List<String> strings = new ArrayList<>();
    schema.forEach(
        (path, node) -> {
          if (path.startsWith("spec.storage.") && node.path("type").asText().equals("string")) {
            strings.add(path);
            node.fieldNames()
                .forEachRemaining(k -> assertThat(allowed).as(path + " " + k).contains(k));
          }
        });
    assertThat(strings)
        .containsExactlyInAnyOrder(
            "spec.storage.provider",
            "spec.storage.s3.bucket",
            "spec.storage.s3.region",
            "spec.storage.s3.endpoint",
            "spec.storage.gcs.bucket",
            "spec.storage.azure.container",
            "spec.storage.azure.storageAccount",
            "spec.storage.cloudProviderRef",
            "spec.storage.credentialsSecretRef");
    for (CrdValidator.Rule r : CrdValidator.rules()) {
      assertThat(r.schemaType()).as(r.toString()).isEqualTo("object");
    }
  }

  @Test
  void metadataIsLeftToTheApiServerAndTheModelsMetadataIsPartOfObjectMeta() {
    // A CRD may only restrict metadata.name and generateName; the API server validates the rest.
    assertThat(CrdValidator.schemaAt("metadata"))
        .isEqualTo(CrdValidator.YAML.createObjectNode().put("type", "object"));
    Set<String> objectMeta =
        ModelShape.properties(ModelShape.MAPPER.constructType(ObjectMeta.class)).keySet();
    Set<String> ours =
        ModelShape.properties(ModelShape.MAPPER.constructType(ObjectMetadata.class)).keySet();
    assertThat(ours).contains("name", "namespace", "creationTimestamp").isSubsetOf(objectMeta);
  }

  @Test
  void theSchemaRequiresExactlyWhatTheModelRequires() {
    Set<String> schemaRequired = new TreeSet<>();
    requiredIn(CrdValidator.openApiSchema(), "", schemaRequired);
    Set<String> modelRequired = new TreeSet<>();
    ModelShape.fields().values().stream()
        .filter(ModelField::required)
        .forEach(f -> modelRequired.add(f.path()));

    assertThat(schemaRequired).isEqualTo(modelRequired);
    assertThat(modelRequired)
        .contains("spec", "spec.storage.provider", "status.conditions[].lastTransitionTime")
        .doesNotContain("spec.default", "status.phase", "status.conditions[].message");
  }

  private static void requiredIn(JsonNode schema, String path, Set<String> out) {
    schema
        .path("required")
        .forEach(r -> out.add(path.isEmpty() ? r.asText() : path + "." + r.asText()));
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
              requiredIn(e.getValue(), child, out);
              if (e.getValue().has("items")) {
                requiredIn(e.getValue().get("items"), child + "[]", out);
              }
            });
  }

  @Test
  void everyDefaultIsWhatTheModelReadsForAnAbsentFieldAndFitsItsSchema() {
    Map<String, JsonNode> defaults = new LinkedHashMap<>();
    schemaNodes()
        .forEach(
            (path, node) -> {
              if (node.has("default")) {
                defaults.put(path, node.get("default"));
              }
            });
    assertThat(defaults)
        .containsOnlyKeys("spec.default", "status.phase", "status.conditions[].message");

    JsonNode full = CODEC.toTree(fullStore());
    defaults.forEach(
        (path, value) -> {
          assertThat(at(full, path)).as(path + " is set in the full store").isNotNull();
          ObjectNode without = full.deepCopy();
          remove(without, path);
          JsonNode reread = CODEC.toTree(CODEC.fromTree(without));
          assertThat(at(reread, path)).as(path + " read back without it").isEqualTo(value);
          assertThat(CrdValidator.validateAt(value, path).accepted()).as(path).isTrue();
        });
  }

  /** A store with a status and a condition whose defaulted fields differ from the defaults. */
  private static BackupStore fullStore() {
    Instant t = Instant.parse("2026-01-31T12:00:00Z");
    Condition ready =
        new Condition("Ready", ConditionStatus.TRUE, "Available", "all good", t, Optional.of(3L));
    return BackupStore.of(
            ObjectMetadata.named("s").withNamespace("lattice-system"),
            new BackupStoreSpec(true, BackupStorageSpec.gcs(GcsStorageConfig.of("bucket-a"))))
        .withStatus(BackupStoreStatus.of(BackupStorePhase.READY).withConditions(List.of(ready)));
  }

  private static JsonNode at(JsonNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      boolean items = part.endsWith("[]");
      node = node.get(items ? part.substring(0, part.length() - 2) : part);
      if (node == null) {
        return null;
      }
      if (items) {
        node = node.get(0);
      }
    }
    return node;
  }

  private static void remove(ObjectNode tree, String path) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? tree : at(tree, path.substring(0, dot));
    ((ObjectNode) parent).remove(path.substring(dot + 1));
  }

  // ------------------------------------------------------------------------ format rules

  @Test
  void everyFormatRuleOfTheModelIsCheckedByTheSchemaExceptThoseTheApiServerOwns() {
    Map<String, JsonNode> schema = schemaNodes();
    Set<String> ruled = new TreeSet<>();
    Set<String> unchecked = new TreeSet<>();
    ModelShape.fields().values().stream()
        .filter(f -> f.rule().isPresent())
        .forEach(
            f -> {
              ruled.add(f.path());
              if (!checks(schema.get(f.path()))) {
                unchecked.add(f.path());
              }
            });
    Set<String> checked = new TreeSet<>();
    schema.forEach(
        (path, node) -> {
          if (checks(node) && node.path("type").asText().equals("string")) {
            checked.add(path);
          }
        });

    // apiVersion and kind are checked by the API server itself: it serves only
    // lattice.dev/v1alpha1 BackupStores at this resource.
    assertThat(unchecked).containsExactly("apiVersion", "kind");
    assertThat(checked).as("checked strings without a model rule").isSubsetOf(ruled);
  }

  private static boolean checks(JsonNode node) {
    return node.has("pattern")
        || node.has("minLength")
        || node.has("maxLength")
        || node.has("x-kubernetes-validations");
  }

  /** The rules that judge the value of one string field (the rest relate fields to each other). */
  private static List<CrdValidator.Rule> valueRules() {
    return CrdValidator.rules().stream()
        .filter(r -> r.fieldPath().isPresent())
        .filter(
            r ->
                CrdValidator.schemaAt(r.schemaPath() + r.fieldPath().get())
                    .path("type")
                    .asText()
                    .equals("string"))
        .filter(r -> !r.reason().isPresent())
        .toList();
  }

  @Test
  void fieldLevelRulesSayWhatTheModelSaysWithoutTheValue() {
    /** A value one rule refuses; {@code same} when the rule's message is the model's detail. */
    record Case(String path, FieldRule rule, String value, boolean same) {}
    List<Case> cases =
        List.of(
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "ab", true),
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "Bucket-A", false),
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "192.168.5.4", true),
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "xn--bucket", true),
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "bucket-s3alias", true),
            new Case("spec.storage.s3.bucket", FieldRule.S3_BUCKET, "bucket--ol-s3", true),
            new Case("spec.storage.s3.region", FieldRule.S3_REGION, "US_East", true),
            new Case("spec.storage.gcs.bucket", FieldRule.GCS_BUCKET, "ab", true),
            new Case("spec.storage.gcs.bucket", FieldRule.GCS_BUCKET, "Bucket", false),
            new Case("spec.storage.gcs.bucket", FieldRule.GCS_BUCKET, "googbucket", true),
            new Case("spec.storage.gcs.bucket", FieldRule.GCS_BUCKET, "my-google-bucket", true),
            new Case("spec.storage.azure.container", FieldRule.AZURE_CONTAINER, "ab", true),
            new Case("spec.storage.azure.container", FieldRule.AZURE_CONTAINER, "a--b", false),
            new Case(
                "spec.storage.azure.storageAccount", FieldRule.AZURE_STORAGE_ACCOUNT, "Acct", true),
            new Case("spec.storage.cloudProviderRef", FieldRule.REFERENCE, "AWS_key", true),
            new Case("spec.storage.credentialsSecretRef", FieldRule.REFERENCE, "-k", true));
    Set<CrdValidator.Rule> failed = new LinkedHashSet<>();
    for (Case c : cases) {
      CrdValidator.Verdict v = CrdValidator.validateField(c.path(), c.value());
      FieldError model = c.rule().check(c.value()).orElseThrow().under(c.path());

      assertThat(model.badValue()).as(c.value()).isEmpty();
      assertThat(v.schemaErrors()).as(c.value()).isEmpty();
      assertThat(v.failures()).as(c.value()).hasSize(1);
      String error = v.failures().get(0).error();
      assertThat(error)
          .as(c.value())
          .startsWith(c.path() + ": Invalid value: \"object\": ")
          .doesNotContain(c.value());
      if (c.same()) {
        assertThat(error).as(c.value()).endsWith(": " + model.detail());
      }
      failed.add(v.failures().get(0).rule());
    }
    CrdValidator.Verdict provider = CrdValidator.validateField("spec.storage.provider", "S3x");
    assertThat(provider.celErrors())
        .containsExactly(
            "spec.storage.provider: Invalid value: \"object\": must be one of \"s3\", \"gcs\","
                + " \"azure\", \"s3Compatible\"");
    failed.add(provider.failures().get(0).rule());
    // Near misses: the model accepts them, so no rule may refuse them.
    for (String near :
        List.of("xn-bucket", "x-n--bucket", "bucket-s3alia", "bucket-ol-s3", "s3alias", "1.2.3")) {
      assertThat(FieldRule.S3_BUCKET.accepts(near)).as(near).isTrue();
      assertThat(CrdValidator.validateValue("spec.storage.s3.bucket", near))
          .as(near)
          .matches(CrdValidator.Verdict::accepted);
    }
    for (String near : List.of("goo-bucket", "my-googl-bucket", "go-ogle", "a-goog")) {
      assertThat(FieldRule.GCS_BUCKET.accepts(near)).as(near).isTrue();
      assertThat(CrdValidator.validateValue("spec.storage.gcs.bucket", near))
          .as(near)
          .matches(CrdValidator.Verdict::accepted);
    }
    assertThat(failed)
        .as("every rule on a value but the endpoint's was hit")
        .containsExactlyInAnyOrderElementsOf(
            valueRules().stream()
                .filter(r -> !r.fieldPath().orElseThrow().equals(".endpoint"))
                .toList());
  }

  @Test
  void theEndpointRulesRefuseTheUrlSyntaxTheModelRefuses() {
    String path = "spec.storage.s3.endpoint";
    for (String bad :
        List.of(
            "ftp://host",
            "minio:9000",
            "http://",
            "http://user:pass@host",
            "http://host/?a=b",
            "http://host?",
            "http://host/#frag",
            "/relative/path",
            "http:opaque",
            "",
            "http://h_st:9000",
            "http://a b",
            "http://host:99999",
            "http://host:0",
            "http://host:09000",
            "http://-a.example.com",
            "http://a-.example.com",
            "http://a.1example",
            "http://" + "a".repeat(64) + ".example.com",
            "http://" + "a.".repeat(126) + "ab",
            "http://[2001:db8::1",
            "http://[2001:db8::1]x",
            "http://[1.2.3.4]",
            "http://[2001:db8::1::2]",
            "http://2001:db8::1",
            "http://host/a b",
            "http://host/a%2",
            "http://host/[x]")) {
      assertThat(FieldRule.S3_ENDPOINT.accepts(bad)).as(bad).isFalse();
      assertThat(CrdValidator.validateValue(path, bad).accepted()).as(bad).isFalse();
    }
    // Near misses: the model accepts them, so no rule may refuse them.
    for (String near :
        List.of(
            "http://a-b.example.com.",
            "http://" + "a".repeat(63) + ".example.com",
            "http://" + "a.".repeat(125) + "abc",
            "http://" + "a.".repeat(126) + "a.",
            "https://1.2.3.4:65535/",
            "http://[2001:db8::1]:9000/x",
            "http://[2001:db8:1:2:3:4:5.6.7.8]",
            "http://host/%41b~!$&'()*+,;=:/",
            "HTTP://Minio.Example.COM:1")) {
      assertThat(FieldRule.S3_ENDPOINT.accepts(near)).as(near).isTrue();
      assertThat(CrdValidator.validateValue(path, near).accepted()).as(near).isTrue();
    }
  }

  @Test
  void everyEndpointRuleRefusesItsHostileEndpointWithoutEchoingIt() {
    String path = "spec.storage.s3.endpoint";
    List<String> hostile =
        List.of(
            "http://admin:s3cr3t@minio:9000",
            "http://minio/?s3cr3t",
            "ftp://s3cr3t",
            "http://%73%33cr3t",
            "http://2130706433",
            "http://0.0.0.0",
            "http://127.0.0.1",
            "http://169.254.0.1",
            "http://239.1.2.3",
            "http://169.254.169.254",
            "http://[::ffff:7f00:1]",
            "http://[64:ff9b::a9fe:a9fe]",
            "http://[fe80::1]",
            "http://[ff02::1]",
            "http://[fd00:ec2::254]",
            "http://minio.localhost",
            "http://metadata.google.internal",
            "http://s3cr3t:99999",
            "http://-s3cr3t",
            "http://" + "s3cr3t".repeat(43),
            "http://[s3cr3t]");
    Set<CrdValidator.Rule> failed = new LinkedHashSet<>();
    for (String value : hostile) {
      CrdValidator.Verdict v = CrdValidator.validateValue(path, value);

      assertThat(FieldRule.S3_ENDPOINT.accepts(value)).as(value).isFalse();
      assertThat(v.schemaErrors()).as(value).isEmpty();
      assertThat(v.failures()).as(value).isNotEmpty();
      for (CrdValidator.Failure f : v.failures()) {
        assertThat(f.error())
            .as(value)
            .isEqualTo(path + ": Invalid value: \"object\": " + f.rule().message())
            .doesNotContain("s3cr3t", "admin");
        failed.add(f.rule());
      }
    }
    assertThat(failed)
        .as("every endpoint rule was hit")
        .containsExactlyInAnyOrderElementsOf(
            valueRules().stream()
                .filter(r -> r.fieldPath().orElseThrow().equals(".endpoint"))
                .toList());
  }

  // ---------------------------------------------------------------------- CEL rules

  @Test
  void everyRuleCompilesIsBooleanAndReportsOnAFieldOfTheSchema() {
    Set<String> reasons = Set.of("FieldValueRequired", "FieldValueForbidden", "FieldValueInvalid");
    // storage: 16 across fields, 3 on values; s3: 6 on the bucket and region, 20 on the endpoint;
    // gcs 4; azure 3
    assertThat(CrdValidator.rules()).hasSize(16 + 3 + 6 + 20 + 4 + 3);
    for (CrdValidator.Rule r : CrdValidator.rules()) {
      assertThat(r.message()).as(r.rule()).isNotBlank().doesNotContain("\n");
      assertThat(r.rule()).doesNotContain("oldSelf");
      r.reason().ifPresent(reason -> assertThat(reasons).contains(reason));
      r.fieldPath()
          .ifPresent(
              fp -> {
                assertThat(fp).startsWith(".");
                String target = r.schemaPath() + fp;
                assertThat(CrdValidator.schemaAt(target).isObject()).as(target).isTrue();
              });
    }
  }

  /** The valid store of each provider that the cross-field examples start from. */
  private static BackupStorageSpec base(BackupStorageProvider provider) {
    return switch (provider) {
      case S3 -> BackupStorageSpec.s3(S3StorageConfig.of("bucket-a").withRegion("us-east-1"));
      case S3_COMPATIBLE ->
          BackupStorageSpec.s3Compatible(
              S3StorageConfig.of("bucket-a")
                  .withEndpoint("http://minio.minio-system.svc:9000")
                  .withForcePathStyle(true));
      case GCS -> BackupStorageSpec.gcs(GcsStorageConfig.of("bucket-a"));
      case AZURE ->
          BackupStorageSpec.azure(AzureStorageConfig.of("box-a").withStorageAccount("acct1"));
    };
  }

  /** Every way to break one cross-field rule of a valid storage spec, by name. */
  private static Map<String, BackupStorageSpec> brokenOnce(BackupStorageSpec valid) {
    Map<String, UnaryOperator<BackupStorageSpec>> edits = new LinkedHashMap<>();
    edits.put(
        "toggle s3", s -> s.withS3(s.s3().isPresent() ? null : S3StorageConfig.of("bucket-b")));
    edits.put(
        "toggle gcs", s -> s.withGcs(s.gcs().isPresent() ? null : GcsStorageConfig.of("bucket-b")));
    edits.put(
        "toggle azure",
        s -> s.withAzure(s.azure().isPresent() ? null : AzureStorageConfig.of("box-b")));
    edits.put("both credentials", s -> s.withCloudProviderRef("aws").withCredentialsSecretRef("k"));
    valid
        .s3()
        .ifPresent(
            s3 -> {
              if (valid.provider() == BackupStorageProvider.S3) {
                edits.put("no region", s -> s.withS3(s3.withRegion(null)));
              } else {
                edits.put("no endpoint", s -> s.withS3(s3.withEndpoint(null)));
                edits.put("no forcePathStyle", s -> s.withS3(s3.withForcePathStyle(null)));
              }
            });
    Map<String, BackupStorageSpec> out = new LinkedHashMap<>();
    edits.forEach((name, edit) -> out.put(name, edit.apply(valid)));
    return out;
  }

  private static BackupStore store(BackupStorageSpec storage) {
    return BackupStore.of(
        ObjectMetadata.named("s").withNamespace("lattice-system"), BackupStoreSpec.of(storage));
  }

  @Test
  void everyCrossFieldRuleFailsAloneWithTheModelsExactError() {
    List<CrdValidator.Rule> storageRules =
        CrdValidator.rules().stream()
            .filter(r -> r.schemaPath().equals("spec.storage"))
            .filter(r -> !valueRules().contains(r))
            .toList();
    Set<CrdValidator.Rule> failed = new LinkedHashSet<>();
    for (BackupStorageProvider provider : BackupStorageProvider.values()) {
      BackupStorageSpec valid = base(provider);
      assertThat(CrdValidator.validate(CODEC.toTree(store(valid))).accepted())
          .as(provider + " base")
          .isTrue();
      brokenOnce(valid)
          .forEach(
              (edit, broken) -> {
                String what = provider + ": " + edit;
                List<String> model =
                    BackupStoreValidator.validate(store(broken)).stream()
                        .map(FieldError::toString)
                        .toList();
                CrdValidator.Verdict crd = CrdValidator.validate(CODEC.toTree(store(broken)));

                assertThat(model).as(what + " (model)").hasSize(1);
                assertThat(crd.schemaErrors()).as(what + " (schema)").isEmpty();
                assertThat(crd.failures()).as(what + " (CEL)").hasSize(1);
                assertThat(crd.celErrors()).as(what).isEqualTo(model);
                failed.add(crd.failures().get(0).rule());
              });
    }
    assertThat(failed).containsExactlyInAnyOrderElementsOf(storageRules);
    assertThat(storageRules).hasSize(16);
  }

  @Test
  void whatTheModelAllowsAcrossFieldsTheRulesAllowToo() {
    // Region is optional for s3Compatible, endpoint and path style are allowed for native S3.
    List<BackupStorageSpec> fine =
        List.of(
            base(BackupStorageProvider.S3_COMPATIBLE)
                .withS3(
                    base(BackupStorageProvider.S3_COMPATIBLE)
                        .s3()
                        .orElseThrow()
                        .withRegion("eu-west-3")),
            base(BackupStorageProvider.S3)
                .withS3(
                    base(BackupStorageProvider.S3)
                        .s3()
                        .orElseThrow()
                        .withEndpoint("https://s3.us-east-1.amazonaws.com")
                        .withForcePathStyle(false)),
            base(BackupStorageProvider.GCS).withCloudProviderRef("gcp"),
            base(BackupStorageProvider.AZURE).withCredentialsSecretRef("azure-key"));
    for (BackupStorageSpec s : fine) {
      assertThat(BackupStoreValidator.validate(store(s))).isEmpty();
      assertThat(CrdValidator.validate(CODEC.toTree(store(s))).accepted())
          .as(s.toString())
          .isTrue();
    }
  }

  // ------------------------------------------------------------------------ examples

  @Test
  void theSeedAndTheShippedExamplesAreAcceptedAsWritten() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String name : List.of("s3-store.yaml", "minio-store.yaml")) {
      try (InputStream in = BackupStoreCrdTest.class.getResourceAsStream("/seed/" + name)) {
        texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      for (Path p : files.sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    assertThat(texts).hasSizeGreaterThanOrEqualTo(6);
    for (String text : texts) {
      CrdValidator.Verdict v = CrdValidator.validate(CrdValidator.YAML.readTree(text));
      assertThat(v.accepted()).as(text + v).isTrue();
    }
  }
}
