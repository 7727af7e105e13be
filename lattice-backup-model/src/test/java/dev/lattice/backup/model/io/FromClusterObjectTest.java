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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A controller's read of a cluster object keeps what fits the model and never fails. */
class FromClusterObjectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMetadata META =
      ObjectMetadata.builder().name("s").namespace("team-a").uid("u-1").build();

  private static ObjectNode tree(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void aStoreThatFitsIsReadWithTheGivenMetadata() throws Exception {
    BackupStore store =
        BackupStoreCodec.lenient()
            .fromClusterObject(
                tree(
                    "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\","
                        + "\"spec\":{\"storage\":{\"provider\":\"s3\",\"s3\":{\"bucket\":\"b-1\"}}}}"),
                META);

    assertThat(store.metadata()).isEqualTo(META);
    assertThat(store.spec()).isNotNull();
    assertThat(store.spec().storage()).isNotNull();
    assertThat(store.spec().storage().s3().orElseThrow().bucket()).isEqualTo("b-1");
  }

  @Test
  void aSpecThatDoesNotFitIsDroppedAndTheStatusKept() throws Exception {
    BackupStore store =
        BackupStoreCodec.lenient()
            .fromClusterObject(
                tree(
                    "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\","
                        + "\"spec\":{\"storage\":7},\"status\":{\"phase\":\"Ready\"}}"),
                META);

    assertThat(store.metadata()).isEqualTo(META);
    assertThat(store.spec()).isNull();
    assertThat(store.status()).isPresent();
  }

  @Test
  void nothingThatFitsStillGivesTheStoreWithItsMetadata() throws Exception {
    BackupStore store =
        BackupStoreCodec.lenient()
            .fromClusterObject(
                tree(
                    "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\","
                        + "\"spec\":[],\"status\":{\"conditions\":\"no\"}}"),
                META);

    assertThat(store.metadata()).isEqualTo(META);
    assertThat(store.spec()).isNull();
    assertThat(store.status()).isEmpty();
    assertThat(store.apiVersion()).isEqualTo(BackupStore.API_VERSION);
    assertThat(Map.of("kind", store.kind())).containsEntry("kind", BackupStore.KIND);
  }
}
