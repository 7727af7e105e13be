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
package dev.lattice.backup.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Strict reading refuses a document that is not a BackupStore: another apiVersion or kind, or no
 * spec, naming the field; lenient reading leaves that to the validator. Before this rule, a
 * ConfigMap was read as a BackupStore without a spec.
 */
class StrictIdentityProperties {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final BackupStoreCodec LENIENT = BackupStoreCodec.lenient();

  private static List<String> errors(String text) {
    BackupStoreReadException e =
        catchThrowableOfType(BackupStoreReadException.class, () -> STRICT.read(text));
    assertThat(e).as(text).isNotNull();
    return e.errors().stream().map(FieldError::toString).toList();
  }

  @Example
  void aConfigMapIsRefusedAtApiVersionKindAndSpec() {
    String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

    assertThat(errors(configMap))
        .containsExactly(
            "apiVersion: Unsupported value: \"v1\": supported values: \"lattice.dev/v1alpha1\"",
            "kind: Unsupported value: \"ConfigMap\": supported values: \"BackupStore\"",
            "spec: Required value: a BackupStore document must have a spec");
    assertThat(LENIENT.read(configMap).spec()).isNull();
  }

  @Example
  void aDocumentWithoutApiVersionKindOrSpecIsRefusedAtEach() {
    assertThat(errors("metadata:\n  name: bare\n"))
        .containsExactly(
            "apiVersion: Required value",
            "kind: Required value",
            "spec: Required value: a BackupStore document must have a spec");
    assertThat(errors("{\"apiVersion\": \"lattice.dev/v1alpha1\", \"kind\": \"BackupStore\"}"))
        .containsExactly("spec: Required value: a BackupStore document must have a spec");
    assertThat(errors("apiVersion: lattice.dev/v1alpha1\nkind: BackupStore\nspec: null\n"))
        .containsExactly("spec: Required value: a BackupStore document must have a spec");
  }

  @Provide
  Arbitrary<String> otherNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("v1", "lattice.dev/v1", "lattice.dev/v1beta1", "LATTICE.DEV/V1ALPHA1", ""),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20));
  }

  @Provide
  Arbitrary<BackupStore> stores() {
    return ModelArbitraries.validStores().map(s -> s.withStatus(null));
  }

  @Property(tries = 200)
  void anotherApiVersionIsRefusedNamingTheField(
      @ForAll("stores") BackupStore store, @ForAll("otherNames") String other) {
    String text =
        STRICT
            .writeYaml(store)
            .replace("apiVersion: lattice.dev/v1alpha1", "apiVersion: \"" + other + "\"");

    assertThat(errors(text)).singleElement().asString().startsWith("apiVersion: ");
    assertThat(STRICT.engine().tryReadAll(text, java.util.Optional.empty())).isEmpty();
  }

  @Property(tries = 200)
  void anotherKindIsRefusedNamingTheField(
      @ForAll("stores") BackupStore store, @ForAll("otherNames") String other) {
    String text = STRICT.writeYaml(store).replace("kind: BackupStore", "kind: \"" + other + "\"");

    assertThat(errors(text)).singleElement().asString().startsWith("kind: ");
  }

  @Property(tries = 200)
  void aStoreWithoutSpecIsRefusedNamingTheField(@ForAll("stores") BackupStore store) {
    String text = STRICT.writeJson(store.withSpec(null));

    assertThat(errors(text))
        .containsExactly("spec: Required value: a BackupStore document must have a spec");
    assertThat(STRICT.read(STRICT.writeJson(store))).isEqualTo(store);
  }
}
