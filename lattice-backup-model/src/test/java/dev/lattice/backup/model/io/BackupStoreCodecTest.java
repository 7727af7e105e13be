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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.model.io.internal.SourceDocument;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Examples of each reading error: what it names, where it points, and what it never shows. */
class BackupStoreCodecTest {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final BackupStoreCodec LENIENT = BackupStoreCodec.lenient();

  private static final String MINIO =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: local-minio
        namespace: lattice-system
      spec:
        storage:
          provider: s3Compatible
          s3:
            bucket: backups
            endpoint: "http://minio.minio-system.svc:9000"
            forcePathStyle: true
      """;

  private static BackupStoreReadException failure(BackupStoreCodec codec, String text) {
    return catchThrowableOfType(BackupStoreReadException.class, () -> codec.read(text));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"\u0085", "a\u0085b", "\u2028", "x\u2029", "\u0085 ", "x\u2028y", "x\u2029y"})
  void yamlKeepsCharactersYamlReadsAsLineBreaks(String message) {
    // found by RoundTripProperties: a NEL written plain came back as a space
    BackupStoreCodec codec = BackupStoreCodec.strict();
    BackupStore store =
        BackupStore.of(
                dev.lattice.backup.model.ObjectMetadata.named("a").withNamespace("lattice-system"),
                new dev.lattice.backup.model.BackupStoreSpec(
                    false,
                    dev.lattice.backup.model.BackupStorageSpec.s3(
                        dev.lattice.backup.model.S3StorageConfig.of("abkt")
                            .withRegion("us-east-1"))))
            .withStatus(
                dev.lattice.backup.model.BackupStoreStatus.of(BackupStorePhase.PENDING)
                    .withMessage(message));

    BackupStore back = codec.read(codec.writeYaml(store));

    assertThat(back.status().orElseThrow().message()).contains(message);
  }

  @Test
  void aTypoIsAnUnknownFieldWithItsPathAndLine() {
    BackupStoreReadException e = failure(STRICT, MINIO.replace("bucket:", "bukcet:"));

    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.INVALID);
    assertThat(e.errors()).hasSize(1);
    FieldError error = e.errors().get(0);
    assertThat(error.path()).isEqualTo("spec.storage.s3.bukcet");
    assertThat(error.type()).isEqualTo(FieldError.Type.UNKNOWN);
    assertThat(error.location()).contains(SourceLocation.of(10, 7));
  }

  @Test
  void lenientReadingIgnoresTheTypoAndValidationThenReportsTheMissingBucket() {
    BackupStore store = LENIENT.read(MINIO.replace("bucket:", "bukcet:"));

    assertThat(BackupStoreValidator.validate(store))
        .extracting(FieldError::toString)
        .containsExactly("spec.storage.s3.bucket: Required value");
  }

  @Test
  void allUnknownFieldsAreReportedTogether() {
    String text = MINIO.replace("bucket:", "bukcet:").replace("  namespace:", "  namspace:");

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::path)
        .containsExactlyInAnyOrder("metadata.namspace", "spec.storage.s3.bukcet");
  }

  @Test
  void anUnknownProviderListsTheSupportedValuesWithoutShowingTheValue() {
    BackupStoreReadException e =
        failure(LENIENT, MINIO.replace("provider: s3Compatible", "provider: minio"));

    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.INVALID);
    assertThat(e.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "spec.storage.provider: Unsupported value: supported values: \"s3\", \"gcs\","
                + " \"azure\", \"s3Compatible\"");
    assertThat(e.errors().get(0).location()).contains(SourceLocation.of(8, 5));
  }

  @Test
  void anUnknownPhaseInAStatusListsThePhases() {
    String text = MINIO + "status:\n  phase: Running\n";

    assertThat(failure(LENIENT, text).errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "status.phase: Unsupported value: \"Running\": supported values: \"Pending\","
                + " \"Ready\", \"Failed\"");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheExpectedType() {
    assertThat(
            failure(STRICT, MINIO.replace("forcePathStyle: true", "forcePathStyle: \"yes\""))
                .errors())
        .extracting(FieldError::path, FieldError::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.storage.s3.forcePathStyle", FieldError.Type.TYPE_INVALID));
    assertThat(failure(STRICT, MINIO.replace("bucket: backups", "bucket: [a, b]")).errors())
        .extracting(FieldError::toString)
        .containsExactly("spec.storage.s3.bucket: Invalid type: expected string");
    assertThat(failure(STRICT, MINIO.replace("bucket: backups", "bucket: 12345")).errors())
        .extracting(FieldError::toString)
        .containsExactly("spec.storage.s3.bucket: Invalid type: expected string");
  }

  @Test
  void aBadTimestampIsInvalid() {
    String text =
        MINIO.replace(
            "  namespace: lattice-system",
            "  namespace: lattice-system\n  creationTimestamp: yesterday");

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::path, FieldError::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "metadata.creationTimestamp",
                "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
  }

  @Test
  void nullListElementsAreRejectedNotDropped() {
    String text =
        MINIO.replace(
            "  namespace: lattice-system", "  namespace: lattice-system\n  finalizers: [a, null]");

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::toString)
        .containsExactly("metadata.finalizers[1]: Invalid type: must not be null");
  }

  @Test
  void duplicateKeysAreErrorsWhenStrictAndLastWinsWhenLenient() {
    String text =
        MINIO.replace("      bucket: backups", "      bucket: backups\n      bucket: other");

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::toString)
        .containsExactly("spec.storage.s3.bucket: Duplicate value");
    assertThat(LENIENT.read(text).spec().storage().s3().orElseThrow().bucket()).isEqualTo("other");
  }

  @Test
  void malformedYamlIsMalformedWithALocation() {
    BackupStoreReadException e = failure(STRICT, "apiVersion: x\nkind: [unclosed\n");

    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(e.errors().get(0).location()).isPresent();
    assertThat(e.getMessage()).startsWith("3:1: Invalid value: not valid JSON or YAML");
  }

  @Test
  void malformedJsonIsMalformedWithALocation() {
    BackupStoreReadException e = failure(STRICT, "{\"apiVersion\": \"x\",\n \"kind\": }");

    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(e.errors().get(0).location()).contains(SourceLocation.of(2, 10));
  }

  @Test
  void aDocumentThatIsNotAMappingIsMalformed() {
    assertThat(failure(STRICT, "- a\n- b\n").kind())
        .isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(failure(STRICT, "just a string\n").getMessage())
        .contains("must be a mapping, not a string");
  }

  @Test
  void readExpectsExactlyOneDocument() {
    assertThat(failure(STRICT, MINIO + "---\n" + MINIO).getMessage()).contains("found 2");
    assertThat(failure(STRICT, "").getMessage()).contains("found 0");
    assertThat(STRICT.readAll(MINIO + "---\n" + MINIO)).hasSize(2);
  }

  @Test
  void parseErrorsNeverShowAUrlsUserInformation() {
    String text = "spec:\n  s3:\n    endpoint: http://admin:hunter2@minio:9000 : : [\n";

    BackupStoreReadException e = failure(STRICT, text);

    assertThat(e.getMessage()).doesNotContain("hunter2");
    assertThat(CodecEngine.scrub("token http://me:pw@host/x")).isEqualTo("token http://***@host/x");
  }

  @Test
  void limitsAreEnforced() {
    BackupStoreCodec tight = STRICT.withLimits(new ReadLimits(100, 4, 50));

    assertThat(failure(tight, MINIO).getMessage()).contains("longer than the limit of 100");
    assertThat(failure(tight, "a: {b: {c: {d: {e: {f: 1}}}}}").kind())
        .isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(failure(tight, "a: " + "x".repeat(60)).kind())
        .isEqualTo(BackupStoreReadException.Kind.MALFORMED);
  }

  @Test
  void yamlAliasesBeyondTheLimitAreRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
    }
    BackupStoreReadException e = failure(STRICT, bomb.toString());
    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.MALFORMED);
  }

  @Test
  void statusFieldsReadAndWrite() {
    String text =
        MINIO
            + """
            status:
              phase: Ready
              veleroBslName: lattice-local-minio
              observedGeneration: 3
              conditions:
                - type: Ready
                  status: "True"
                  reason: Available
                  message: ""
                  lastTransitionTime: "2026-01-02T03:04:05Z"
                  observedGeneration: 3
            """;
    BackupStore store = STRICT.read(text);

    assertThat(store.status().orElseThrow().phase()).isEqualTo(BackupStorePhase.READY);
    assertThat(store.status().orElseThrow().condition("Ready").orElseThrow().message()).isEmpty();
    assertThat(STRICT.writeJson(store))
        .contains("\"message\":\"\"")
        .contains("\"lastTransitionTime\":\"2026-01-02T03:04:05Z\"");
    assertThat(BackupStoreValidator.validate(store)).isEmpty();
  }

  @Test
  void parseKeepsDocumentsAndTheirKinds() {
    List<SourceDocument> docs =
        STRICT.engine().parse("kind: ConfigMap\n---\n" + MINIO, Optional.of("stores.yaml"));

    assertThat(docs)
        .extracting(d -> d.kind().orElse(""))
        .containsExactly("ConfigMap", "BackupStore");
    assertThat(docs.get(1).location().source()).contains("stores.yaml");
    assertThat(docs.get(1).location().toString()).startsWith("stores.yaml:");
    assertThat(docs)
        .extracting(d -> d.apiVersion().orElse(""))
        .containsExactly("", BackupStore.API_VERSION);
    assertThat(STRICT.engine().parse("apiVersion: 5\n", Optional.empty()).get(0).apiVersion())
        .isEmpty();
    assertThat(docs.get(1).locate("spec.storage.s3.bucket").line()).isEqualTo(12);
    assertThat(docs.get(1).locate("spec.storage.s3.region").line()).isEqualTo(11);
  }

  @Test
  void theJsonOfAStoreOmitsEmptyOptionals() {
    assertThat(STRICT.writeJson(STRICT.read(MINIO)))
        .isEqualTo(
            "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\",\"metadata\":{\"name\":\"local-minio\","
                + "\"namespace\":\"lattice-system\"},\"spec\":{\"default\":false,\"storage\":{\"provider\":\"s3Compatible\","
                + "\"s3\":{\"bucket\":\"backups\",\"endpoint\":\"http://minio.minio-system.svc:9000\",\"forcePathStyle\":true}}}}");
  }

  @Test
  void anythingButTheDocumentedErrorWouldEscape() {
    assertThatThrownBy(() -> STRICT.read("\u0000\u0001\u0002"))
        .isInstanceOf(BackupStoreReadException.class);
    assertThatThrownBy(() -> STRICT.read("{")).isInstanceOf(BackupStoreReadException.class);
    assertThatThrownBy(() -> STRICT.read("? [a]\n: b\n"))
        .isInstanceOf(BackupStoreReadException.class);
  }

  private static final String HEAD =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      """;

  private static final String META = "metadata:\n  name: a\n  namespace: lattice-system\n";

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "spec: x|spec",
        "spec:\\n  storage: x|spec.storage",
        "spec:\\n  storage:\\n    provider: s3\\n    s3: x|spec.storage.s3",
        "spec:\\n  storage:\\n    provider: gcs\\n    gcs: x|spec.storage.gcs",
        "spec:\\n  storage:\\n    provider: azure\\n    azure: x|spec.storage.azure",
      })
  void aScalarWhereAMappingBelongsIsRefusedAtThatField(String tail, String path) {
    // The scalar closes the document, so a reader that forgot to check the shape would go on
    // reading the enclosing mappings' ends as this one's and bind an empty block.
    String text = HEAD + META + tail.replace("\\n", "\n") + "\n";

    for (BackupStoreCodec codec : List.of(STRICT, LENIENT)) {
      assertThat(failure(codec, text).errors())
          .extracting(FieldError::toString)
          .containsExactly(path + ": Invalid type: expected mapping");
    }
  }

  @Test
  void aScalarMetadataOrLabelsIsRefusedAtThatField() {
    String spec = MINIO.substring(MINIO.indexOf("spec:"));

    assertThat(failure(STRICT, HEAD + spec + "metadata: x\n").errors())
        .extracting(FieldError::toString)
        .containsExactly("metadata: Invalid type: expected mapping");
    assertThat(failure(STRICT, HEAD + spec + "metadata:\n  name: a\n  labels: x\n").errors())
        .extracting(FieldError::toString)
        .containsExactly("metadata.labels: Invalid type: expected mapping");
  }

  @Test
  void everyValueOfTheWrongTypeIsReportedAtOnceAtItsOwnPath() {
    String text =
        MINIO
                .replace(
                    "  namespace: lattice-system",
                    "  namespace: lattice-system\n"
                        + "  labels: {app.kubernetes.io/name: 5, 9x: true, ok: fine}\n"
                        + "  annotations: 7\n"
                        + "  finalizers: [5]")
                .replace("bucket: backups", "bucket: 12")
            + "status:\n  conditions: [5]\n";

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::toString)
        .containsExactlyInAnyOrder(
            "metadata.labels[app.kubernetes.io/name]: Invalid type: expected string",
            "metadata.labels[9x]: Invalid type: expected string",
            "metadata.annotations: Invalid type: expected mapping",
            "metadata.finalizers[0]: Invalid type: expected string",
            "spec.storage.s3.bucket: Invalid type: expected string",
            "status.conditions[0]: Invalid type: expected mapping");
  }

  @Test
  void aNullFirstListElementIsNamedByItsIndex() {
    String text =
        MINIO.replace(
            "  namespace: lattice-system", "  namespace: lattice-system\n  finalizers: [null]");

    assertThat(failure(STRICT, text).errors())
        .extracting(FieldError::toString)
        .containsExactly("metadata.finalizers[0]: Invalid type: must not be null");
  }

  @Test
  void anAliasInsideAListIsRefused() {
    String text =
        MINIO.replace(
            "  namespace: lattice-system", "  namespace: lattice-system\n  finalizers: [&f a, *f]");

    BackupStoreReadException e = failure(STRICT, text);

    assertThat(e.kind()).isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(e.getMessage()).contains("aliases are not supported");
    assertThat(STRICT.engine().tryReadAll(text, Optional.empty())).isEmpty();
  }

  @Test
  void aListOneLevelBelowTheNestingLimitIsRefused() {
    // Lenient: a store of two levels has no room for a spec, which strict reading requires.
    BackupStoreCodec twoLevels =
        BackupStoreCodec.lenient().withLimits(ReadLimits.DEFAULTS.withMaxNestingDepth(2));
    String flat = HEAD + "metadata:\n  name: a\n";
    String deeper = flat + "  finalizers: [f]\n";

    assertThat(twoLevels.read(flat).metadata().name()).isEqualTo("a");
    assertThat(failure(twoLevels, deeper).kind())
        .isEqualTo(BackupStoreReadException.Kind.MALFORMED);
    assertThat(twoLevels.engine().tryReadAll(deeper, Optional.empty())).isEmpty();
  }

  @Test
  void aTextExactlyAsLongAsTheLimitIsRead() {
    BackupStoreCodec exact =
        STRICT.withLimits(ReadLimits.DEFAULTS.withMaxTextChars(MINIO.length()));
    BackupStoreCodec shorter =
        exact.withLimits(exact.limits().withMaxTextChars(MINIO.length() - 1));

    assertThat(exact.read(MINIO)).isEqualTo(STRICT.read(MINIO));
    assertThat(exact.engine().tryReadAll(MINIO, Optional.empty())).isPresent();
    assertThat(exact.engine().parse(MINIO, Optional.empty())).hasSize(1);
    assertThat(shorter.engine().tryReadAll(MINIO, Optional.empty())).isEmpty();
    assertThat(failure(shorter, MINIO).getMessage()).contains("longer than the limit");
  }

  @Test
  void aParserQuotingTheCharacterItStoppedAtStillGivesOneLine() {
    // found by StrictReadingProperties: SnakeYAML's problem held the raw line break and NUL
    assertThat(failure(STRICT, "&\n").getMessage())
        .contains("unexpected character found \\u000a(10)")
        .doesNotContain("\n");
    assertThat(CodecEngine.scrub("a\u0000b\tc\u2028")).isEqualTo("a\\u0000b\\u0009c\\u2028");
    assertThat(CodecEngine.scrub("\u0085\u2029x")).isEqualTo("\\u0085\\u2029x");
  }

  @Test
  void aReaderErrorGivesTheParsersProblemWithoutItsPositionText() {
    // SnakeYAML's message goes on, after a line break, with where it stopped; the error's
    // location says that already
    String message = failure(STRICT, "a\u0000").errors().get(0).message();

    assertThat(message)
        .startsWith("Invalid value: not valid JSON or YAML: ")
        .endsWith("special characters are not allowed")
        .doesNotContain("position");
  }

  @Test
  void scrubCutsOnlyTextsLongerThanTheLimit() {
    assertThat(CodecEngine.scrub("x".repeat(200))).isEqualTo("x".repeat(200));
    assertThat(CodecEngine.scrub("x".repeat(201))).isEqualTo("x".repeat(200) + "...");
  }

  @Test
  void aCodecKnowsItsMode() {
    assertThat(STRICT.isStrict()).isTrue();
    assertThat(LENIENT.isStrict()).isFalse();
    assertThat(STRICT.withLimits(ReadLimits.DEFAULTS.withMaxStringChars(9)).isStrict()).isTrue();
  }

  @Test
  void aYamlErrorNamesTheParsersProblemAndItsContext() {
    String withContext = failure(STRICT, "kind: [unclosed\n").errors().get(0).message();
    String withoutContext = failure(STRICT, "kind: a: b\n").errors().get(0).message();

    assertThat(withContext).contains("while parsing a flow sequence: ").doesNotContain("null");
    assertThat(withoutContext)
        .contains("mapping values are not allowed here")
        .doesNotContain("null")
        .doesNotContain("malformed YAML");
  }

  @Test
  void aMissingFieldIsLocatedAtItsNearestRecordedParent() {
    String text =
        MINIO.replace(
                "  namespace: lattice-system",
                "  namespace: lattice-system\n  labels:\n    a: b\n  finalizers: [f]")
            + "status:\n  conditions:\n  - type: Ready\n  - type: Other\n";
    SourceDocument doc = STRICT.engine().parse(text, Optional.empty()).get(0);
    SourceLocation labels = doc.locate("metadata.labels");
    SourceLocation finalizers = doc.locate("metadata.finalizers");
    SourceLocation condition = doc.locate("status.conditions[0]");

    // at the key or at its value, never the document's start
    assertThat(labels.line()).isBetween(6, 7);
    assertThat(finalizers.line()).isEqualTo(8);
    assertThat(condition.line()).isEqualTo(18);
    assertThat(doc.locate("status.conditions[1]").line()).isEqualTo(19);
    assertThat(doc.locate("metadata.labels[app.kubernetes.io/name]")).isEqualTo(labels);
    assertThat(doc.locate("metadata.finalizers[3]")).isEqualTo(finalizers);
    assertThat(doc.locate("status.conditions[0].reason")).isEqualTo(condition);
    assertThat(doc.locate("status.conditions[0][x-y]")).isEqualTo(condition);
    assertThat(doc.locate("metadata.labels[a]b")).isEqualTo(doc.locate("metadata.labels[a]"));
    assertThat(doc.locate("nothing")).isEqualTo(doc.location());
  }

  @Test
  void aScalarExactlyAsLongAsTheLimitIsParsed() {
    BackupStoreCodec five = STRICT.withLimits(ReadLimits.DEFAULTS.withMaxStringChars(5));

    assertThat(five.engine().parse("a: abcde\n", Optional.empty()).get(0).tree().path("a").asText())
        .isEqualTo("abcde");
    assertThat(five.engine().parse("abcde: x\n", Optional.empty())).hasSize(1);
    assertThatThrownBy(() -> five.engine().parse("a: abcdef\n", Optional.empty()))
        .isInstanceOf(BackupStoreReadException.class);
  }

  @Test
  void aYamlBinaryScalarIsParsedAsBytesAndRefusedWhereAStringBelongs() throws Exception {
    String text = "a: !!binary aGVsbG8=\n";

    assertThat(STRICT.engine().parse(text, Optional.empty()).get(0).tree().path("a").isBinary())
        .isTrue();
    assertThat(STRICT.engine().parse(text, Optional.empty()).get(0).tree().path("a").binaryValue())
        .isEqualTo("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void parsingWithoutLocationsStillFindsDuplicateKeys() {
    String text =
        MINIO.replace("      bucket: backups", "      bucket: backups\n      bucket: other");

    SourceDocument fast = STRICT.engine().parse(text, Optional.empty(), false).get(0);

    assertThat(fast.duplicates())
        .extracting(FieldError::path)
        .containsExactly("spec.storage.s3.bucket");
    assertThat(fast.tree()).isEqualTo(STRICT.engine().parse(text, Optional.empty()).get(0).tree());
  }

  @Test
  void yamlQuotesOnlyWhatNeedsQuotes() {
    assertThat(STRICT.writeYaml(STRICT.read(MINIO)))
        .contains("\n  name: local-minio\n")
        .contains("\n      bucket: backups\n");
  }

  @Test
  void theSmallestLimitsAreOne() {
    assertThat(new ReadLimits(1, 1, 1).maxTextChars()).isEqualTo(1);
    assertThatThrownBy(() -> new ReadLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReadLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
