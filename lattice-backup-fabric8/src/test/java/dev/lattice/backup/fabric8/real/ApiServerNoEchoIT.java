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
package dev.lattice.backup.fabric8.real;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.fabric8.adapter.Resources;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.arbitraries.EndpointArbitraries;
import dev.lattice.backup.testing.arbitraries.Secrets;
import dev.lattice.backup.testing.fixtures.RuleCandidates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Nothing a store's author wrote under {@code spec.storage} comes back from the real API server
 * when it refuses the store: not in the response (the Status, its message and every cause) and not
 * in the audit log (level Metadata records the response status of every request). Every refused
 * endpoint form (user information hiding a password, a query or fragment hiding one, forbidden
 * hosts in every notation, malformed URLs, too long) and a secret pasted into any string field of
 * the storage; sent as a create and as a server-side apply. The refusal still names the field.
 *
 * <p>The check can fail: {@link #theCheckFindsTheValueThatAPatternEchoes()} shows it finding the
 * value in both places on this very server, for a throw-away CRD whose field has a pattern.
 */
@AddLifecycleHook(ScaledTries.class)
class ApiServerNoEchoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext STORES = Resources.BACKUP_STORES;
  private static final String NAMESPACE = "team-echo";
  private static final String ENDPOINT = "spec.storage.s3.endpoint";

  private static ControlPlane cluster;
  private static KubernetesClient admin;

  @BeforeContainer
  static void startServer() {
    cluster = ControlPlane.shared();
    admin = cluster.admin();
    cluster.ensureNamespace(NAMESPACE);
  }

  /** What the server answered and logged for one refused request. */
  record Refusal(Status status, Set<String> fields, List<String> texts) {}

  /** A refused value and, when it hides one, the password inside it. */
  record Value(String kind, String value, Optional<String> password) {
    @Override
    public String toString() {
      return kind + ": " + value;
    }
  }

  @Provide
  Arbitrary<Value> refusedEndpoints() {
    Arbitrary<Value> hiding =
        Secrets.passwords()
            .flatMap(
                p ->
                    Arbitraries.of(Secrets.endpointsHiding(p))
                        .map(e -> new Value("hides a password", e, Optional.of(p))));
    Arbitrary<Value> forbidden =
        EndpointArbitraries.url(EndpointArbitraries.forbiddenHost())
            .map(e -> new Value("forbidden host", e, Optional.empty()));
    Arbitrary<Value> malformed =
        RuleCandidates.candidates(FieldRule.S3_ENDPOINT)
            .filter(e -> !FieldRule.S3_ENDPOINT.accepts(e))
            .map(e -> new Value("refused by the grammar", e, Optional.empty()));
    Arbitrary<Value> tooLong =
        Secrets.passwords()
            .map(
                p ->
                    new Value(
                        "too long",
                        "https://u:" + p + "@minio.example/" + "a".repeat(2048),
                        Optional.of(p)));
    return Arbitraries.frequencyOf(
        Tuple.of(3, hiding), Tuple.of(3, forbidden), Tuple.of(3, malformed), Tuple.of(1, tooLong));
  }

  @Property(tries = 250)
  void noRefusedEndpointComesBackInTheResponseOrTheAuditLog(
      @ForAll("refusedEndpoints") Value endpoint, @ForAll boolean apply) {
    ObjectNode store = store("s3Compatible");
    ((ObjectNode) store.at("/spec/storage/s3")).put("endpoint", endpoint.value());

    Refusal refusal = refuse(store, apply);

    assertThat(refusal.fields()).as(endpoint + "\n" + refusal.status()).containsExactly(ENDPOINT);
    assertThat(echo(refusal.texts(), endpoint)).as(endpoint + "\n" + refusal.texts()).isEmpty();
    Statistics.label("kind").collect(endpoint.kind());
    Statistics.label("request").collect(apply ? "server-side apply" : "create");
  }

  /** Every string field of the storage, its provider, and the longest value it takes. */
  private static final Map<String, Tuple.Tuple2<String, Integer>> STORAGE_STRINGS =
      Map.of(
          "spec.storage.provider",
          Tuple.of("s3Compatible", 64),
          "spec.storage.s3.bucket",
          Tuple.of("s3Compatible", 63),
          "spec.storage.s3.region",
          Tuple.of("s3", 63),
          ENDPOINT,
          Tuple.of("s3Compatible", 2048),
          "spec.storage.gcs.bucket",
          Tuple.of("gcs", 222),
          "spec.storage.azure.container",
          Tuple.of("azure", 63),
          "spec.storage.azure.storageAccount",
          Tuple.of("azure", 24),
          "spec.storage.cloudProviderRef",
          Tuple.of("s3", 253),
          "spec.storage.credentialsSecretRef",
          Tuple.of("s3", 253));

  @Provide
  Arbitrary<String> storageFields() {
    return Arbitraries.of(new TreeSet<>(STORAGE_STRINGS.keySet()));
  }

  @Provide
  Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  @Property(tries = 150)
  void aSecretPastedIntoAnyStorageFieldComesBackNowhere(
      @ForAll("storageFields") String field,
      @ForAll("passwords") String password,
      @ForAll boolean longerThanTheField,
      @ForAll boolean apply) {
    Tuple.Tuple2<String, Integer> shape = STORAGE_STRINGS.get(field);
    int max = shape.get2();
    // Within the limit the field's rules refuse it; past it, maxLength does.
    String secret =
        longerThanTheField
            ? (password + password.repeat(max / password.length() + 1))
            : password.substring(0, Math.min(password.length(), max));
    ObjectNode store = store(shape.get1());
    String[] parts = field.substring("spec.storage.".length()).split("\\.");
    ObjectNode parent = (ObjectNode) store.at("/spec/storage");
    for (int i = 0; i < parts.length - 1; i++) {
      parent = (ObjectNode) parent.get(parts[i]);
    }
    parent.put(parts[parts.length - 1], secret);
    if (field.equals("spec.storage.cloudProviderRef")) {
      ((ObjectNode) store.at("/spec/storage")).remove("credentialsSecretRef");
    }

    Refusal refusal = refuse(store, apply);

    Value value = new Value(field, secret, Optional.of(secret));
    assertThat(refusal.fields()).as(value + "\n" + refusal.status()).containsExactly(field);
    assertThat(echo(refusal.texts(), value)).as(value + "\n" + refusal.texts()).isEmpty();
    Statistics.label("field").collect(field);
    Statistics.label("refused by").collect(longerThanTheField ? "maxLength" : "a rule");
  }

  /**
   * The check above can fail on this server: a throw-away CRD whose only field has a pattern (whose
   * error prints the value on every Kubernetes version) gets a value with a secret, and the check
   * finds it in the response and in the audit log.
   */
  @Example
  void theCheckFindsTheValueThatAPatternEchoes() throws Exception {
    String group = "probe.lattice.dev";
    CustomResourceDefinition crd =
        JSON.readValue(
            """
            {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
             "metadata": {"name": "echoes.probe.lattice.dev"},
             "spec": {"group": "probe.lattice.dev", "scope": "Namespaced",
              "names": {"plural": "echoes", "singular": "echo", "kind": "Echo"},
              "versions": [{"name": "v1", "served": true, "storage": true,
               "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                "spec": {"type": "object", "properties": {
                 "endpoint": {"type": "string", "pattern": "^[a-z]+$"}}}}}}}]}}
            """,
            CustomResourceDefinition.class);
    admin.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("echoes.probe.lattice.dev")
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions() != null // none yet, at times, on v1.34
                    && c.getStatus().getConditions().stream()
                        .anyMatch(
                            x -> x.getType().equals("Established") && x.getStatus().equals("True")),
            60,
            TimeUnit.SECONDS);
    try {
      String password = Secrets.passwords().sample();
      String endpoint = Secrets.endpointsHiding(password).get(0);
      ResourceDefinitionContext echoes =
          new ResourceDefinitionContext.Builder()
              .withGroup(group)
              .withVersion("v1")
              .withPlural("echoes")
              .withKind("Echo")
              .withNamespaced(true)
              .build();
      ObjectNode echo = JSON.createObjectNode();
      echo.put("apiVersion", group + "/v1").put("kind", "Echo");
      echo.putObject("metadata").put("name", "e").put("namespace", NAMESPACE);
      echo.putObject("spec").put("endpoint", endpoint);

      Refusal refusal = refuse(echoes, echo, false);

      Value value = new Value("pattern", endpoint, Optional.of(password));
      assertThat(refusal.fields()).containsExactly("spec.endpoint");
      assertThat(echo(List.of(statusText(refusal.status())), value)).isPresent();
      assertThat(echo(refusal.texts().subList(1, refusal.texts().size()), value))
          .as("the audit log has the response's message")
          .isPresent();
    } finally {
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName("echoes.probe.lattice.dev")
          .delete();
    }
  }

  // --------------------------------------------------------------------------------- helpers

  /** A valid store of the provider, with credentials, in the test's tenant namespace. */
  private static ObjectNode store(String provider) {
    ObjectNode store = JSON.createObjectNode();
    store.put("apiVersion", "lattice.dev/v1alpha1").put("kind", "BackupStore");
    store.putObject("metadata").put("name", "echo").put("namespace", NAMESPACE);
    ObjectNode storage = store.putObject("spec").putObject("storage");
    storage.put("provider", provider);
    switch (provider) {
      case "s3" -> storage.putObject("s3").put("bucket", "bucket-a").put("region", "us-east-1");
      case "gcs" -> storage.putObject("gcs").put("bucket", "bucket-a");
      case "azure" ->
          storage.putObject("azure").put("container", "box-a").put("storageAccount", "acct1");
      default ->
          storage
              .putObject("s3")
              .put("bucket", "bucket-a")
              .put("endpoint", "https://minio.example.com")
              .put("forcePathStyle", true);
    }
    storage.put("credentialsSecretRef", "store-credentials");
    return store;
  }

  private static Refusal refuse(ObjectNode object, boolean apply) {
    return refuse(STORES, object, apply);
  }

  /**
   * Sends the object as a dry-run create or server-side apply, which the server must refuse, and
   * collects every string of its answer and of the audit log's lines for the request.
   */
  private static Refusal refuse(ResourceDefinitionContext type, ObjectNode object, boolean apply) {
    GenericKubernetesResource resource = JSON.convertValue(object, GenericKubernetesResource.class);
    long mark = cluster.auditLog().mark();
    Status status;
    try {
      var op = admin.genericKubernetesResources(type).inNamespace(NAMESPACE).resource(resource);
      if (apply) {
        op.dryRun().fieldManager("no-echo-test").forceConflicts().serverSideApply();
      } else {
        op.dryRun().create();
      }
      throw new AssertionError("the server accepted " + object);
    } catch (KubernetesClientException e) {
      status = e.getStatus();
      if (status == null || status.getCode() == null || status.getCode() != 422) {
        throw new AssertionError("expected 422 Invalid, got " + e.getCode() + ": " + status, e);
      }
    }
    Set<String> fields = new TreeSet<>();
    for (StatusCause c : status.getDetails().getCauses()) {
      if (c.getField() != null && !c.getField().equals("<nil>")) {
        fields.add(c.getField());
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(statusText(status));
    String audit = cluster.auditLog().textSince(mark);
    assertThat(audit).as("the request was audited").contains("\"code\":422");
    for (String line : (Iterable<String>) audit.lines()::iterator) {
      texts.add(strings(read(line)));
    }
    return new Refusal(status, fields, texts);
  }

  private static String statusText(Status status) {
    return strings(JSON.valueToTree(status));
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every string and field name of a JSON tree, unescaped, one per line. */
  private static String strings(JsonNode node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append(node.asText()).append('\n');
    } else if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                out.append(e.getKey()).append('\n');
                collect(e.getValue(), out);
              });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }

  /**
   * The first place a value (or a piece of the password it hides) shows in the texts: the whole
   * value (quoted, when it is short enough to occur by chance), or any marker or four-character
   * window of the password.
   */
  private static Optional<String> echo(List<String> texts, Value value) {
    String v = value.value();
    for (String text : texts) {
      if (v.length() >= 8 ? text.contains(v) : text.contains("\"" + v + "\"")) {
        return Optional.of(v);
      }
      if (value.password().isPresent()) {
        Optional<String> leak = Secrets.leak(text, value.password().get());
        if (leak.isPresent()) {
          return leak;
        }
      }
    }
    return Optional.empty();
  }
}
