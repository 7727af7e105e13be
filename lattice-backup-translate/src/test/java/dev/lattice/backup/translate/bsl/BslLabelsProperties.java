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

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.StoreKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ownership marks: what {@code ownedBy} writes, {@code owner} and {@code provenOwner} read back;
 * others, and contradicted or malformed marks, own nothing; {@code StoreKey.parse} reads exactly
 * what a key prints.
 */
class BslLabelsProperties {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        ModelArbitraries.objectName(),
        Arbitraries.integers().between(60, 66).map(n -> "n".repeat(n)));
  }

  @Provide
  Arbitrary<String> namespaces() {
    return ModelArbitraries.namespace();
  }

  @Property(tries = 200)
  void anOwnedObjectNamesItsStore(
      @ForAll("namespaces") String namespace, @ForAll("names") String name) {
    ObjectMetadata meta =
        BslLabels.ownedBy(ObjectMetadata.builder().name("x"), namespace, name).build();

    assertThat(BslLabels.isManaged(meta)).isTrue();
    assertThat(BslLabels.owner(meta)).contains(namespace + "/" + name);
    assertThat(meta.labels().get(BslLabels.STORE_NAMESPACE)).isEqualTo(namespace);
    // a label value holds at most 63 characters: a longer name is in the annotation only
    assertThat(meta.labels().containsKey(BslLabels.STORE_NAME)).isEqualTo(name.length() <= 63);
  }

  @Property(tries = 200)
  void anObjectWithoutOurManagedByLabelHasNoOwner(
      @ForAll("namespaces") String namespace,
      @ForAll("names") String name,
      @ForAll("managers") String manager) {
    ObjectMetadata owned =
        BslLabels.ownedBy(ObjectMetadata.builder().name("x"), namespace, name).build();
    ObjectMetadata foreign = owned.toBuilder().label(BslLabels.MANAGED_BY, manager).build();

    assertThat(BslLabels.isManaged(foreign)).isFalse();
    assertThat(BslLabels.owner(foreign)).isEmpty();
  }

  @Provide
  Arbitrary<String> managers() {
    return Arbitraries.of("velero", "helm", "Lattice-Backup", "lattice-backup ", "");
  }

  @Property(tries = 200)
  void anOwnedObjectProvesItsStoreAndAContradictionOrATamperedAnnotationProvesNone(
      @ForAll("namespaces") String namespace,
      @ForAll("names") String name,
      @ForAll("namespaces") String other) {
    ObjectMetadata owned =
        BslLabels.ownedBy(ObjectMetadata.builder().name("x"), namespace, name).build();
    assertThat(BslLabels.provenOwner(owned)).contains(new StoreKey(namespace, name));

    // A removed store label is put back by the next apply: the annotation still proves the owner.
    java.util.Map<String, String> kept = new java.util.HashMap<>(owned.labels());
    kept.remove(BslLabels.STORE_NAMESPACE);
    kept.remove(BslLabels.STORE_NAME);
    ObjectMetadata unlabelled = owned.toBuilder().labels(kept).build();
    assertThat(BslLabels.provenOwner(unlabelled)).contains(new StoreKey(namespace, name));

    if (!other.equals(namespace)) {
      ObjectMetadata contradicted =
          owned.toBuilder().label(BslLabels.STORE_NAMESPACE, other).build();
      assertThat(BslLabels.provenOwner(contradicted)).isEmpty();
    }
    if (name.length() <= 63) {
      ObjectMetadata otherName = owned.toBuilder().label(BslLabels.STORE_NAME, name + "x").build();
      assertThat(BslLabels.provenOwner(otherName)).isEmpty();
    }
    for (String annotation :
        new String[] {name, namespace + "/", "/" + name, namespace + "/a/" + name}) {
      ObjectMetadata malformed = owned.toBuilder().annotation(BslLabels.STORE, annotation).build();
      assertThat(BslLabels.provenOwner(malformed)).as(annotation).isEmpty();
    }
    ObjectMetadata foreign = owned.toBuilder().label(BslLabels.MANAGED_BY, "helm").build();
    assertThat(BslLabels.provenOwner(foreign)).isEmpty();
  }

  @Property(tries = 200)
  void aKeyIsParsedFromWhatItPrintsAndNothingElseParses(
      @ForAll("namespaces") String namespace, @ForAll("names") String name) {
    StoreKey key = new StoreKey(namespace, name);
    assertThat(StoreKey.parse(key.toString())).contains(key);
    assertThat(StoreKey.parse(namespace + "/" + name)).contains(key);
    for (String bad :
        new String[] {
          "",
          "/",
          namespace,
          namespace + "/",
          "/" + name,
          namespace + "//" + name,
          namespace + "/" + name + "/",
          "/" + namespace + "/" + name
        }) {
      assertThat(StoreKey.parse(bad)).as(bad).isEmpty();
    }
  }
}
