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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conversions to and from fabric8's mutable types keep every field and share nothing mutable. */
class Fabric8ConversionTest {

  @Test
  void metadataFromTheApiServerConvertsBackToTheSameObject() {
    ObjectMeta meta =
        new ObjectMetaBuilder()
            .withName("production-s3")
            .withNamespace("lattice-system")
            .withUid("0b7c")
            .withGeneration(4L)
            .withResourceVersion("981")
            .withCreationTimestamp("2026-03-01T10:00:00Z")
            .withDeletionTimestamp("2026-03-02T10:00:00Z")
            .withLabels(Map.of("b", "2", "a", "1"))
            .withAnnotations(Map.of("note", "x"))
            .withFinalizers(List.of("lattice.dev/backup-store"))
            .build();

    ObjectMetadata immutable = ObjectMetadata.fromFabric8(meta);

    assertThat(immutable.creationTimestamp()).contains(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(immutable.isBeingDeleted()).isTrue();
    assertThat(immutable.labels().keySet()).containsExactly("a", "b");
    assertThat(immutable.toFabric8()).isEqualTo(meta);
  }

  @Test
  void changingTheFabric8CopyDoesNotChangeTheRecord() {
    ObjectMetadata immutable =
        ObjectMetadata.builder()
            .name("a")
            .namespace("b")
            .label("k", "v")
            .finalizers(List.of("f"))
            .build();

    ObjectMeta copy = immutable.toFabric8();
    copy.getLabels().put("k", "changed");
    copy.getFinalizers().add("g");

    assertThat(immutable.labels()).containsEntry("k", "v");
    assertThat(immutable.finalizers()).containsExactly("f");
  }

  @Test
  void recordCollectionsAreUnmodifiable() {
    ObjectMetadata immutable = ObjectMetadata.builder().name("a").label("k", "v").build();
    assertThatThrownBy(() -> immutable.labels().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    BackupStoreStatus status = BackupStoreStatus.of(BackupStorePhase.READY);
    assertThatThrownBy(() -> status.conditions().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void conditionsConvertBothWays() {
    var fabric8 =
        new io.fabric8.kubernetes.api.model.ConditionBuilder()
            .withType("Ready")
            .withStatus("False")
            .withReason("BackupStorageLocationUnavailable")
            .withMessage("bucket not found")
            .withLastTransitionTime("2026-03-01T10:00:00Z")
            .withObservedGeneration(2L)
            .build();

    Condition c = Condition.fromFabric8(fabric8);

    assertThat(c)
        .isEqualTo(
            new Condition(
                "Ready",
                ConditionStatus.FALSE,
                "BackupStorageLocationUnavailable",
                "bucket not found",
                Instant.parse("2026-03-01T10:00:00Z"),
                Optional.of(2L)));
    assertThat(c.toFabric8()).isEqualTo(fabric8);
  }

  @Test
  void offsetTimestampsAreReadAsInstants() {
    var fabric8 =
        new ObjectMetaBuilder()
            .withName("a")
            .withCreationTimestamp("2026-03-01T12:00:00+02:00")
            .build();
    assertThat(ObjectMetadata.fromFabric8(fabric8).creationTimestamp())
        .contains(Instant.parse("2026-03-01T10:00:00Z"));
    var bad = new ObjectMetaBuilder().withName("a").withCreationTimestamp("yesterday").build();
    assertThatThrownBy(() -> ObjectMetadata.fromFabric8(bad))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
