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
package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** render's output depends on the set of stores, never on their order. */
class RenderProperties {
  @Provide
  Arbitrary<List<BackupStore>> stores() {
    return ModelArbitraries.validStores().list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 60)
  void renderIsIndependentOfDocumentOrder(
      @ForAll("stores") List<BackupStore> stores, @ForAll long seed) {
    List<BackupStore> shuffled = new ArrayList<>(stores);
    Collections.shuffle(shuffled, new Random(seed));
    BackupStoreCodec codec = BackupStoreCodec.strict();

    Cli a = Cli.withStdin(codec.writeYaml(stores), "render", "-");
    Cli b = Cli.withStdin(codec.writeYaml(shuffled), "render", "-");
    Cli aJson = Cli.withStdin(codec.writeYaml(stores), "render", "-o", "json", "-");
    Cli bJson = Cli.withStdin(codec.writeYaml(shuffled), "render", "-o", "json", "-");

    assertThat(b.code()).isEqualTo(a.code());
    assertThat(b.out()).isEqualTo(a.out());
    assertThat(bJson.out()).isEqualTo(aJson.out());
    if (a.code() != 0) {
      assertThat(a.out()).isEmpty();
    }
  }
}
