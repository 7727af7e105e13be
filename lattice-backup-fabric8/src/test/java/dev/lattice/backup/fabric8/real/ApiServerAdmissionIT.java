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
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.testing.fixtures.ModelShape;
import dev.lattice.backup.testing.fixtures.ModelShape.ModelField;
import dev.lattice.backup.testing.fixtures.Mutations;
import dev.lattice.backup.testing.fixtures.RuleCandidates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential admission property: generated BackupStores, valid and invalid, go to the real
 * API server (a server-side dry-run create, so the CRD's schema and CEL rules run and nothing is
 * stored) and to {@link BackupStoreValidator}; both must give the same verdict, and a refusal must
 * name the same fields. The deliberate differences are listed in {@link #DELIBERATE} and in
 * docs/provider-mapping.md.
 */
@AddLifecycleHook(ScaledTries.class)
class ApiServerAdmissionIT {
  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext STORES = Resources.BACKUP_STORES;

  /**
   * The one deliberate difference: apiVersion and kind. The API server takes them from the URL the
   * store is sent to: a body without an apiVersion is accepted as {@code lattice.dev/v1alpha1},
   * some odd values (a NUL character) decode to the URL's, and others are refused with 400 Bad
   * Request naming no field. A document read outside the server has no URL, so the library requires
   * both, and refuses every other value.
   */
  static final Set<String> URL_DECIDES = Set.of("apiVersion", "apiVersion required", "kind");

  private static final Set<String> namespaces = ConcurrentHashMap.newKeySet();
  private static KubernetesClient admin;

  @BeforeContainer
  static void startServer() {
    admin = ControlPlane.shared().admin();
  }

  /** A store to try, and how it was made (for the statistics). */
  record Case(BackupStore store, String origin) {
    @Override
    public String toString() {
      return origin + ": " + CODEC.writeJson(store);
    }
  }

  @Provide
  Arbitrary<Case> stores() {
    Arbitrary<Case> valid =
        ModelArbitraries.validStores().map(s -> new Case(withoutStatus(s), "valid"));
    Arbitrary<Case> broken =
        ModelArbitraries.validStores()
            .flatMap(Mutations::of)
            .map(m -> new Case(withoutStatus(m.store()), "rule " + m.rule()));
    Arbitrary<Case> edited =
        ModelArbitraries.validStores().flatMap(ApiServerAdmissionIT::editOneField);
    return Arbitraries.frequencyOf(Tuple.of(1, valid), Tuple.of(3, broken), Tuple.of(3, edited));
  }

  /** A valid store with one of its rule-checked string fields set to a value near the rules. */
  static Arbitrary<Case> editOneField(BackupStore valid) {
    JsonNode tree = CODEC.toTree(withoutStatus(valid));
    List<ModelField> present =
        ModelShape.fields().values().stream()
            .filter(f -> f.rule().isPresent() && f.path().startsWith("spec."))
            .filter(f -> !at(tree, f.path()).isMissingNode())
            .toList();
    if (present.isEmpty()) {
      return Arbitraries.just(new Case(withoutStatus(valid), "valid"));
    }
    return Arbitraries.of(present)
        .flatMap(
            f -> {
              FieldRule rule = f.rule().orElseThrow();
              return RuleCandidates.candidates(rule)
                  .map(v -> edited(tree, f.path(), v))
                  .filter(Optional::isPresent)
                  .map(s -> new Case(s.orElseThrow(), "edit " + f.path()));
            });
  }

  private static Optional<BackupStore> edited(JsonNode tree, String path, String value) {
    JsonNode copy = tree.deepCopy();
    int dot = path.lastIndexOf('.');
    ((ObjectNode) at(copy, path.substring(0, dot))).put(path.substring(dot + 1), value);
    try {
      return Optional.of(CODEC.fromTree(copy));
    } catch (BackupStoreReadException e) {
      return Optional.empty();
    }
  }

  private static JsonNode at(JsonNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.", -1)) {
      node = node.path(part);
    }
    return node;
  }

  private static BackupStore withoutStatus(BackupStore s) {
    return new BackupStore(s.apiVersion(), s.kind(), s.metadata(), s.spec(), Optional.empty());
  }

  /** What the API server said. */
  record Verdict(boolean accepted, int code, Set<String> fields, String message) {}

  static Verdict admit(BackupStore store) {
    Optional<String> namespace =
        store.metadata() == null ? Optional.empty() : store.metadata().namespace();
    String ns = namespace.orElse("default");
    Optional<Verdict> namespaceRefused = ensureNamespace(ns);
    if (namespaceRefused.isPresent()) {
      return namespaceRefused.get();
    }
    GenericKubernetesResource resource =
        JSON.convertValue(CODEC.toTree(store), GenericKubernetesResource.class);
    try {
      admin.genericKubernetesResources(STORES).inNamespace(ns).resource(resource).dryRun().create();
      return new Verdict(true, 201, Set.of(), "");
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409
          && e.getStatus() != null
          && "AlreadyExists".equals(e.getStatus().getReason())) {
        // Another test in this JVM left an object at that name (Fabric8AdapterIT's
        // lattice-system/s). The server validates before its storage refuses the name, so the
        // object itself was admitted.
        return new Verdict(true, 201, Set.of(), "");
      }
      Set<String> fields = new TreeSet<>();
      if (e.getStatus() != null && e.getStatus().getDetails() != null) {
        for (StatusCause c : e.getStatus().getDetails().getCauses()) {
          // The server adds a field-less note when it skipped CEL rules on an invalid object.
          if (c.getField() != null && !c.getField().equals("<nil>")) {
            fields.add(c.getField());
          }
        }
      }
      String message =
          e.getStatus() == null ? String.valueOf(e.getMessage()) : e.getStatus().getMessage();
      return new Verdict(false, e.getCode(), fields, message);
    }
  }

  /**
   * Namespaces are created on first use; a name the server refuses for a namespace is its verdict
   * on the store's {@code metadata.namespace}.
   */
  private static Optional<Verdict> ensureNamespace(String ns) {
    if (namespaces.contains(ns)) {
      return Optional.empty();
    }
    try {
      ControlPlane.shared().ensureNamespace(ns);
      namespaces.add(ns);
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(
          new Verdict(false, e.getCode(), Set.of("metadata.namespace"), e.getMessage()));
    }
  }

  @Property(tries = 400)
  void theApiServerAndTheValidatorAgree(@ForAll("stores") Case c) {
    List<FieldError> model = BackupStoreValidator.validate(c.store());
    Set<String> modelFields = new TreeSet<>();
    model.forEach(e -> modelFields.add(e.path()));

    Verdict server = admit(c.store());

    String context = c + "\n  model: " + model + "\n  server: " + server;
    if (URL_DECIDES.contains(c.origin().replace("rule ", ""))) {
      assertThat(model).as(context).isNotEmpty();
      assertThat(server.fields()).as(context).allMatch(f -> !f.startsWith("spec"));
      Statistics.label("verdict").collect("apiVersion/kind: decided by the URL");
      return;
    }
    assertThat(server.accepted()).as("verdict of " + context).isEqualTo(model.isEmpty());
    if (!server.accepted()) {
      assertThat(server.fields()).as("fields of " + context).isEqualTo(modelFields);
    }
    Statistics.label("origin")
        .collect(
            c.origin().startsWith("edit")
                ? "edit"
                : c.origin().startsWith("rule") ? "rule" : "valid");
    Statistics.label("verdict").collect(server.accepted() ? "accepted" : "refused");
  }

  private static final String ENDPOINT = "spec.storage.s3.endpoint";

  @Provide
  Arbitrary<Case> endpointEdits() {
    return ModelArbitraries.validStores()
        .filter(s -> !at(CODEC.toTree(s), ENDPOINT).isMissingNode())
        .flatMap(
            valid ->
                RuleCandidates.candidates(FieldRule.S3_ENDPOINT)
                    .map(v -> edited(CODEC.toTree(withoutStatus(valid)), ENDPOINT, v))
                    .filter(Optional::isPresent)
                    .map(s -> new Case(s.orElseThrow(), "edit " + ENDPOINT)));
  }

  /**
   * The endpoint is the field whose rules are the most intricate (20 CEL rules standing in for a
   * URL grammar and the trust boundary's host rules), so it gets a property of its own.
   */
  @Property(tries = 1000)
  void theApiServerAndTheValidatorAgreeOnEndpoints(@ForAll("endpointEdits") Case c) {
    List<FieldError> model = BackupStoreValidator.validate(c.store());
    Set<String> modelFields = new TreeSet<>();
    model.forEach(e -> modelFields.add(e.path()));

    Verdict server = admit(c.store());

    String context = c + "\n  model: " + model + "\n  server: " + server;
    assertThat(server.accepted()).as("verdict of " + context).isEqualTo(model.isEmpty());
    if (!server.accepted()) {
      assertThat(server.fields()).as("fields of " + context).isEqualTo(modelFields);
    }
    Statistics.label("verdict").collect(server.accepted() ? "accepted" : "refused");
  }
}
