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

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing then reading gives back the same record, in JSON, YAML and through fabric8's types. */
class RoundTripProperties {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();

  @Provide
  Arbitrary<BackupStore> validStores() {
    return ModelArbitraries.validStores();
  }

  @Provide
  Arbitrary<List<BackupStore>> storeLists() {
    return ModelArbitraries.validStores().list().ofMaxSize(5);
  }

  @Property
  void jsonRoundTrip(@ForAll("validStores") BackupStore store) {
    assertThat(STRICT.read(STRICT.writeJson(store))).isEqualTo(store);
  }

  @Property
  void yamlRoundTrip(@ForAll("validStores") BackupStore store) {
    assertThat(STRICT.read(STRICT.writeYaml(store))).isEqualTo(store);
  }

  @Property(tries = 200)
  void multiDocumentYamlRoundTrip(@ForAll("storeLists") List<BackupStore> stores) {
    assertThat(STRICT.readAll(STRICT.writeYaml(stores))).isEqualTo(stores);
  }

  @Property
  void treeRoundTrip(@ForAll("validStores") BackupStore store) {
    assertThat(STRICT.fromTree(STRICT.toTree(store))).isEqualTo(store);
  }

  @Property
  void writingIsDeterministic(@ForAll("validStores") BackupStore store) {
    BackupStore rebuilt = STRICT.read(STRICT.writeJson(store));
    assertThat(STRICT.writeYaml(rebuilt)).isEqualTo(STRICT.writeYaml(store));
  }

  @Property
  void metadataRoundTripsThroughFabric8(@ForAll("validStores") BackupStore store) {
    ObjectMetadata meta = store.metadata();
    assertThat(ObjectMetadata.fromFabric8(meta.toFabric8())).isEqualTo(meta);
  }

  @Property
  void conditionsRoundTripThroughFabric8(@ForAll("validStores") BackupStore store) {
    for (Condition c : store.status().map(s -> s.conditions()).orElse(List.of())) {
      assertThat(Condition.fromFabric8(c.toFabric8())).isEqualTo(c);
    }
  }
}
