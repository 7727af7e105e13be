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
package dev.lattice.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the metadata's derived values. */
class ObjectMetadataProperties {

  @Provide
  Arbitrary<ObjectMetadata> metadata() {
    return ModelArbitraries.metadata()
        .flatMap(m -> net.jqwik.api.Arbitraries.of(m, m.toBuilder().namespace(null).build()));
  }

  @Property(tries = 200)
  void beingDeletedExactlyWhenADeletionTimestampIsSet(@ForAll("metadata") ObjectMetadata meta) {
    assertThat(meta.isBeingDeleted()).isEqualTo(meta.deletionTimestamp().isPresent());
  }

  @Property(tries = 200)
  void theKeyIsNamespaceSlashNameAndSplitsBackIntoThem(@ForAll("metadata") ObjectMetadata meta) {
    String key = meta.key();

    if (meta.namespace().isPresent()) {
      int slash = key.indexOf('/');
      assertThat(key.substring(0, slash)).isEqualTo(meta.namespace().get());
      assertThat(key.substring(slash + 1)).isEqualTo(meta.name());
    } else {
      assertThat(key).isEqualTo(meta.name()).doesNotContain("/");
    }
  }
}
