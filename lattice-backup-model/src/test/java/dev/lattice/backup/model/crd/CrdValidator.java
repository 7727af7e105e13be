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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API server does with the shipped CRD to an object, in the JVM: the openAPIV3Schema as a
 * JSON Schema (com.networknt json-schema-validator, draft 4, with Go RE2 regular expressions
 * through re2j) and every {@code x-kubernetes-validations} rule compiled and run by Google's
 * cel-java, with errors printed as the API server prints them ({@code spec.storage.s3: Required
 * value: ...}).
 *
 * <p>The conversion from the OpenAPI v3 structural schema to JSON Schema: {@code x-kubernetes-*}
 * keys are annotations (removed; the CEL rules are run here separately), {@code default} stays an
 * annotation, and every object schema that declares properties is closed ({@code
 * additionalProperties: false}), as strict field validation makes it (without it the API server
 * would prune unknown fields silently), so a model field the schema lacks shows up as an error.
 *
 * <p>As in the API server, CEL rules are not run when schema validation found a blocking error (a
 * missing required field, a wrong type, an unsupported enum value, a value too long).
 */
public final class CrdValidator {
  private CrdValidator() {}

  /** The YAML mapper used to read the manifest. */
  public static final YAMLMapper YAML = new YAMLMapper();

  /** Schema keywords whose failure stops the API server from running the CEL rules. */
  private static final Set<String> BLOCKING =
      Set.of("required", "type", "enum", "maxLength", "maxItems", "maxProperties");

  private static final JsonNode CRD = read();
  private static final JsonNode OPEN_API =
      CRD.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .regularExpressionFactory(
              regex -> {
                com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(regex);
                return value -> p.matcher(value).find();
              })
          .build();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .setResultType(SimpleType.BOOL)
          .build();
  private static final List<Rule> RULES = collectRules();

  private static JsonNode read() {
    try {
      return YAML.readTree(BackupStoreCrd.yaml());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole CRD manifest, parsed. */
  public static JsonNode crd() {
    return CRD.deepCopy();
  }

  /** The openAPIV3Schema of the (only) version. */
  public static JsonNode openApiSchema() {
    return OPEN_API.deepCopy();
  }

  /**
   * A schema node by path: {@code ""} is the root, {@code spec.storage.s3.bucket} a property,
   * {@code status.conditions[]} the items of an array.
   */
  public static JsonNode schemaAt(String path) {
    JsonNode node = OPEN_API;
    if (path.isEmpty()) {
      return node;
    }
    for (String part : path.split("\\.")) {
      boolean items = part.endsWith("[]");
      String name = items ? part.substring(0, part.length() - 2) : part;
      node = node.path("properties").path(name);
      if (items) {
        node = node.path("items");
      }
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("no schema at " + path);
    }
    return node;
  }

  // ------------------------------------------------------------------------------- JSON Schema

  /** The OpenAPI v3 structural schema converted to a JSON Schema (draft 4), as described above. */
  public static JsonNode toJsonSchema(JsonNode openApi) {
    JsonNode copy = openApi.deepCopy();
    convert(copy);
    return copy;
  }

  private static void convert(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith("x-kubernetes-")) {
        it.remove();
      }
    }
    if (object.has("properties")) {
      if (!object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.get("properties").forEach(CrdValidator::convert);
    }
    if (object.has("items")) {
      convert(object.get("items"));
    }
    if (object.get("additionalProperties") instanceof ObjectNode nested) {
      convert(nested);
    }
  }

  /** The schema at a path (see {@link #schemaAt}), converted and compiled. */
  public static JsonSchema jsonSchema(String path) {
    return SCHEMAS.computeIfAbsent(
        path,
        p ->
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(toJsonSchema(schemaAt(p)), CONFIG));
  }

  // ------------------------------------------------------------------------------------- CEL

  /**
   * One {@code x-kubernetes-validations} rule, compiled.
   *
   * @param schemaPath where the rule is declared (see {@link #schemaAt})
   * @param rule the CEL expression
   * @param message the message
   * @param reason the reason, such as {@code FieldValueRequired}; empty means FieldValueInvalid
   * @param fieldPath the field the error is reported on, relative to the rule's node
   * @param schemaType the {@code type} of the node, shown as the value of an Invalid error
   * @param program the compiled program
   */
  public record Rule(
      String schemaPath,
      String rule,
      String message,
      Optional<String> reason,
      Optional<String> fieldPath,
      String schemaType,
      CelRuntime.Program program) {
    /** The error the API server reports when the rule fails on the node at {@code at}. */
    public String error(String at) {
      String path = at + fieldPath.orElse("");
      if (path.startsWith(".")) {
        path = path.substring(1);
      }
      String body =
          switch (reason.orElse("FieldValueInvalid")) {
            case "FieldValueRequired" -> "Required value: " + message;
            case "FieldValueForbidden" -> "Forbidden: " + message;
            case "FieldValueDuplicate" -> "Duplicate value: \"" + schemaType + "\"";
            default -> "Invalid value: \"" + schemaType + "\": " + message;
          };
      return path.isEmpty() ? body : path + ": " + body;
    }

    @Override
    public String toString() {
      return schemaPath + ": " + rule;
    }
  }

  /** Every rule of the schema, in document order. */
  public static List<Rule> rules() {
    return RULES;
  }

  private static List<Rule> collectRules() {
    List<Rule> out = new ArrayList<>();
    collect(OPEN_API, "", out);
    return List.copyOf(out);
  }

  private static void collect(JsonNode schema, String path, List<Rule> out) {
    for (JsonNode r : schema.path("x-kubernetes-validations")) {
      String text = r.path("rule").asText();
      CelRuntime.Program program;
      try {
        program = CEL.createProgram(CEL.compile(text).getAst());
      } catch (CelValidationException | CelEvaluationException e) {
        throw new IllegalStateException("rule at " + path + " does not compile: " + text, e);
      }
      out.add(
          new Rule(
              path,
              text,
              r.path("message").asText(),
              Optional.ofNullable(r.get("reason")).map(JsonNode::asText),
              Optional.ofNullable(r.get("fieldPath")).map(JsonNode::asText),
              schema.path("type").asText(),
              program));
    }
    schema
        .path("properties")
        .properties()
        .forEach(e -> collect(e.getValue(), join(path, e.getKey()), out));
    if (schema.has("items")) {
      collect(schema.get("items"), path + "[]", out);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /**
   * A rule that failed (or could not be evaluated) on one node.
   *
   * @param rule the rule
   * @param at the instance path of the node, such as {@code status.conditions[0]}
   * @param error the API server's error line
   */
  public record Failure(Rule rule, String at, String error) {}

  /** Runs every rule that applies to the node at {@code path} of {@code instance} (and below). */
  public static List<Failure> runRules(JsonNode instance, String schemaPath) {
    List<Failure> out = new ArrayList<>();
    run(schemaAt(schemaPath), schemaPath, instance, schemaPath, out);
    return out;
  }

  private static void run(
      JsonNode schema, String schemaPath, JsonNode value, String at, List<Failure> out) {
    if (value.isNull() || value.isMissingNode()) {
      return;
    }
    for (Rule rule : RULES) {
      if (!rule.schemaPath().equals(schemaPath)) {
        continue;
      }
      Object result;
      try {
        result = rule.program().eval(Map.of("self", toCel(value)));
      } catch (CelEvaluationException e) {
        out.add(new Failure(rule, at, at + ": Invalid value: \"object\": " + e.getMessage()));
        continue;
      }
      if (!Boolean.TRUE.equals(result)) {
        out.add(new Failure(rule, at, rule.error(at)));
      }
    }
    if (value.isObject()) {
      schema
          .path("properties")
          .properties()
          .forEach(
              e -> {
                if (value.has(e.getKey())) {
                  run(
                      e.getValue(),
                      join(schemaPath, e.getKey()),
                      value.get(e.getKey()),
                      join(at, e.getKey()),
                      out);
                }
              });
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        run(schema.get("items"), schemaPath + "[]", value.get(i), at + "[" + i + "]", out);
      }
    }
  }

  /** A JSON value as CEL sees it: maps, lists, strings, int64, double, bool. */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    throw new IllegalArgumentException("no CEL value for " + node.getNodeType());
  }

  // --------------------------------------------------------------------------------- verdict

  /**
   * What the API server says about an object.
   *
   * @param schemaErrors the schema's errors, each as {@code path: keyword: message}
   * @param schemaPaths the field path of each schema error ({@code spec.storage.s3.bucket})
   * @param failures the failed CEL rules; empty when a blocking schema error stopped them
   * @param celSkipped whether a blocking schema error stopped the CEL rules
   */
  public record Verdict(
      List<String> schemaErrors,
      List<String> schemaPaths,
      List<Failure> failures,
      boolean celSkipped) {
    /** Whether the API server accepts the object. */
    public boolean accepted() {
      return schemaErrors.isEmpty() && failures.isEmpty();
    }

    /** Every error's field path, schema and CEL. */
    public List<String> paths() {
      List<String> out = new ArrayList<>(schemaPaths);
      failures.forEach(f -> out.add(f.error().substring(0, Math.max(0, f.error().indexOf(": ")))));
      return out;
    }

    /** The CEL errors as the API server prints them. */
    public List<String> celErrors() {
      return failures.stream().map(Failure::error).toList();
    }
  }

  /** Validates a whole object (a BackupStore as JSON) against the schema, then the CEL rules. */
  public static Verdict validate(JsonNode object) {
    return validateAt(object, "");
  }

  /** Validates the value of the node at a schema path (a property's value, say) by itself. */
  public static Verdict validateAt(JsonNode value, String schemaPath) {
    Set<ValidationMessage> messages = jsonSchema(schemaPath).validate(value);
    List<String> errors = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean blocking = false;
    for (ValidationMessage m : messages) {
      String at = fieldPath(schemaPath, m);
      errors.add(at + ": " + m.getType() + ": " + m.getMessage());
      paths.add(at);
      blocking |= BLOCKING.contains(m.getType()) || "additionalProperties".equals(m.getType());
    }
    List<Failure> failures = blocking ? List.of() : runRules(value, schemaPath);
    return new Verdict(errors, paths, failures, blocking);
  }

  /** The field path of a schema error: its instance location, plus the property it names. */
  private static String fieldPath(String schemaPath, ValidationMessage m) {
    StringBuilder at = new StringBuilder(schemaPath.replace("[]", ""));
    JsonNodePath location = m.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        at.append('[').append(index).append(']');
      } else {
        at.append(at.length() == 0 ? "" : ".").append(element);
      }
    }
    if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
        && m.getProperty() != null) {
      at.append(at.length() == 0 ? "" : ".").append(m.getProperty());
    }
    return at.toString();
  }

  /**
   * Validates a value of a string field of {@code spec.storage} where the API server meets it: in a
   * whole store that is valid but for that field (rules on these fields stand on the enclosing
   * object, so a value alone cannot be judged).
   *
   * @param fieldPath such as {@code spec.storage.s3.bucket}
   * @param value the value
   * @return the verdict on the whole store
   */
  public static Verdict validateField(String fieldPath, String value) {
    ObjectNode storage = JsonNodeFactory.instance.objectNode();
    String field = fieldPath.substring("spec.storage.".length());
    if (field.startsWith("gcs.")) {
      storage.put("provider", "gcs");
      storage.putObject("gcs").put("bucket", "bucket-a");
    } else if (field.startsWith("azure.")) {
      storage.put("provider", "azure");
      storage.putObject("azure").put("container", "box-a").put("storageAccount", "acct1");
    } else {
      storage.put("provider", "s3Compatible");
      storage
          .putObject("s3")
          .put("bucket", "bucket-a")
          .put("endpoint", "http://minio.minio-system.svc:9000")
          .put("forcePathStyle", true);
    }
    int dot = field.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? storage : (ObjectNode) storage.get(field.substring(0, dot));
    parent.put(field.substring(dot + 1), value);
    ObjectNode store = JsonNodeFactory.instance.objectNode();
    store.put("apiVersion", "lattice.dev/v1alpha1").put("kind", "BackupStore");
    store.putObject("metadata").put("name", "s").put("namespace", "lattice-system");
    store.putObject("spec").set("storage", storage);
    return validate(store);
  }

  /**
   * Validates a string value of a field where the API server meets it: {@link #validateField} for
   * the fields of {@code spec.storage}, {@link #validateAt} for the rest.
   *
   * @param fieldPath the field
   * @param value the value
   * @return the verdict
   */
  public static Verdict validateValue(String fieldPath, String value) {
    return fieldPath.startsWith("spec.storage.")
        ? validateField(fieldPath, value)
        : validateAt(text(value), fieldPath);
  }

  /** A JSON string node, for {@link #validateAt}. */
  public static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
