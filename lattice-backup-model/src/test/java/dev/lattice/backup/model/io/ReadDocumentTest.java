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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Errors from the library API carry the field path and, read from text, the line and column. */
class ReadDocumentTest {
  static final String VALID =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: ok
      spec:
        storage:
          provider: s3
          s3:
            bucket: lattice-backups
            region: us-east-1
      """;

  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();

  private static List<String> located(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.location().map(SourceLocation::toString).orElse("?") + " " + e)
        .toList();
  }

  @Test
  void validationErrorsOfAStoreReadStraightFromTheTextAreLocated() {
    String text =
        VALID + "---\n" + VALID.replace("name: ok", "name: bad").replace("us-east-1", "US_EAST");

    List<ReadDocument> docs = CODEC.readDocuments(text, Optional.of("stores.yaml"));

    assertThat(CODEC.engine().tryReadAll(text, Optional.empty()))
        .as("the fast path reads it")
        .isPresent();
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).errors()).isEmpty();
    assertThat(docs.get(1).store()).isPresent();
    assertThat(docs.get(1).location()).hasToString("stores.yaml:12:1");
    assertThat(located(docs.get(1).errors()))
        .singleElement()
        .asString()
        .startsWith("stores.yaml:21:7 spec.storage.s3.region: Invalid value: must be a region")
        .doesNotContain("US_EAST");
  }

  @Test
  void readingErrorsAreLocatedAndTheOtherDocumentsStillRead() {
    String text =
        VALID.replace("bucket:", "bukcet:")
            + "---\n"
            + VALID.replace("name: ok", "name: second").replace("provider: s3", "provider: minio");

    List<ReadDocument> docs = CODEC.readDocuments(text, Optional.empty());

    assertThat(docs).extracting(d -> d.store().isPresent()).containsExactly(false, false);
    assertThat(located(docs.get(0).errors()))
        .anyMatch(s -> s.startsWith("9:7 spec.storage.s3.bukcet: Unknown field"));
    assertThat(docs.get(0).errors()).isEqualTo(docs.get(0).readErrors());
    assertThat(located(docs.get(1).errors()))
        .anyMatch(s -> s.startsWith("18:5 spec.storage.provider: Unsupported value: supported"));
  }

  @Test
  void laterErrorsAreLocatedAtTheirFieldOrItsNearestAncestor() {
    ReadDocument doc = CODEC.readDocuments("---\n" + VALID, Optional.of("f")).get(0);

    List<FieldError> later =
        doc.locate(
            List.of(
                FieldError.invalid("spec.storage.s3.bucket", "lattice-backups", "taken"),
                FieldError.required("spec.storage.s3.endpoint"),
                FieldError.required("spec.default")));

    assertThat(later)
        .extracting(e -> e.location().orElseThrow().toString())
        .containsExactly("f:10:7", "f:9:5", "f:6:1");
    assertThat(doc.locate(List.of())).isEmpty();
  }

  @Test
  void malformedTextIsStillAnExceptionWithItsLocation() {
    assertThatThrownBy(() -> CODEC.readDocuments("spec: [unclosed\n", Optional.of("m.yaml")))
        .isInstanceOfSatisfying(
            BackupStoreReadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.MALFORMED);
              assertThat(e.errors().get(0).location().orElseThrow().source()).contains("m.yaml");
            });
  }
}
