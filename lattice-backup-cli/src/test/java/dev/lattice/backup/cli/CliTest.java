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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command, option and exit code, in-process. Expected outputs are written by hand. */
class CliTest {
  @TempDir Path dir;

  static final String S3 =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: production-s3
      spec:
        default: true
        storage:
          provider: s3
          s3:
            bucket: lattice-backups
            region: us-east-1
          cloudProviderRef: aws-prod
      """;

  static final String S3_RENDERED =
      """
      ---
      apiVersion: velero.io/v1
      kind: BackupStorageLocation
      metadata:
        name: lattice-production-s3
        namespace: velero
        labels:
          app.kubernetes.io/managed-by: lattice-backup
          lattice.dev/backup-store-name: production-s3
          lattice.dev/backup-store-namespace: lattice-system
        annotations:
          lattice.dev/backup-store: lattice-system/production-s3
      spec:
        provider: aws
        objectStorage:
          bucket: lattice-backups
          prefix: lattice-production-s3
        config:
          region: us-east-1
        credential:
          name: velero-credentials-aws-prod
          key: cloud
        default: true
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void renderPrintsTheLocationOfAStoreWithoutNamespaceInThePlatformNamespace() throws IOException {
    Cli r = Cli.run("render", write("s3.yaml", S3).toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(S3_RENDERED);
    assertThat(r.err())
        .contains(
            "credentials: lattice-system/production-s3: Secret velero/velero-credentials-aws-prod must hold key \"cloud\"");
  }

  @Test
  void renderReadsStdin() {
    Cli r = Cli.withStdin(S3, "render", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(S3_RENDERED);
  }

  @Test
  void renderOptionsChangeTheOutput() throws IOException {
    Path f = write("s3.yaml", S3);
    Cli r =
        Cli.run(
            "render",
            "--velero-namespace",
            "backup",
            "--platform-namespace",
            "platform",
            "--namespace",
            "platform",
            "--provider-names",
            "qualified",
            f.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("  name: lattice-production-s3\n  namespace: backup\n")
        .contains("  provider: velero.io/aws\n")
        .contains("lattice.dev/backup-store: platform/production-s3");
  }

  @Test
  void anExplicitNamespaceOutsideThePlatformGetsAHashedNameButNoPlatformCredentials()
      throws IOException {
    String tenantStore =
        S3.replace("  cloudProviderRef: aws-prod\n", "  credentialsSecretRef: s3-creds\n");
    Cli ok = Cli.run("render", "--namespace", "team-a", write("t.yaml", tenantStore).toString());
    Cli borrowing = Cli.run("render", "--namespace", "team-a", write("s3.yaml", S3).toString());

    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("name: lattice-team-a-production-s3-").contains("default: false");
    assertThat(ok.err()).contains("credentials: team-a/production-s3: copy Secret team-a/s3-creds");
    assertThat(borrowing.code()).isEqualTo(1);
    assertThat(borrowing.err())
        .contains("team-a/production-s3: spec.storage.cloudProviderRef: Forbidden");
  }

  @Test
  void renderAsJsonIsAV1List() throws IOException {
    Cli r = Cli.run("render", "-o", "json", write("s3.yaml", S3).toString());

    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(r.code()).isZero();
    assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items").get(0).path("metadata").path("name").asText())
        .isEqualTo("lattice-production-s3");
    assertThat(list.path("items").get(0).path("spec").path("config").path("region").asText())
        .isEqualTo("us-east-1");
  }

  @Test
  void oneInvalidStoreMeansNothingOnStdout() throws IOException {
    write("ok.yaml", S3);
    write(
        "bad/bad.yaml",
        S3.replace("production-s3", "bad").replace("region: us-east-1", "region: US_EAST"));

    Cli r = Cli.run("render", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            dir.resolve("bad/bad.yaml")
                + ":11: lattice-system/bad: spec.storage.s3.region: Invalid value: must be a region")
        .contains("1 error(s): nothing rendered");
  }

  @Test
  void validateListsEveryErrorOfEveryFile() throws IOException {
    write("a.yaml", S3.replace("bucket: lattice-backups", "bucket: ab"));
    write(
        "b.json",
        "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\",\"metadata\":{\"name\":\"g\",\"namespace\":\"team-a\"},\n\"spec\":{\"storage\":{\"provider\":\"gcs\",\"gcs\":{\"bucket\":\"googlebucket\"},\"credentialsSecretRef\":\"k\"}}}");

    Cli r = Cli.run("validate", dir.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines())
        .containsExactly(
            dir.resolve("a.yaml")
                + ":10: lattice-system/production-s3: spec.storage.s3.bucket: Invalid value: must be 3 to 63 characters",
            dir.resolve("b.json")
                + ":2: team-a/g: spec.storage.gcs.bucket: Invalid value: must not start with 'goog'",
            "2 error(s)");
  }

  @Test
  void validateSummarisesValidStores() throws IOException {
    Cli r =
        Cli.run(
            "validate",
            write("s3.yaml", S3 + "---\n" + S3.replace("production-s3", "other")).toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("2 BackupStore(s) valid\n");
  }

  @Test
  void aTypoOrAnUnknownProviderIsAVerdict() throws IOException {
    Cli typo = Cli.run("validate", write("t.yaml", S3.replace("bucket:", "bukcet:")).toString());
    Cli enumValue =
        Cli.run(
            "validate", write("e.yaml", S3.replace("provider: s3", "provider: minio")).toString());

    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err())
        .contains(":10: lattice-system/production-s3: spec.storage.s3.bukcet: Unknown field");
    assertThat(enumValue.code()).isEqualTo(1);
    assertThat(enumValue.err())
        .contains(
            "spec.storage.provider: Unsupported value: supported values: \"s3\", \"gcs\", \"azure\", \"s3Compatible\"");
  }

  @Test
  void otherKindsAreSkippedAndListsAreRead() throws IOException {
    String list =
        "apiVersion: v1\nkind: List\nitems:\n"
            + S3.indent(2)
                .replaceFirst("  apiVersion", "- apiVersion")
                .replaceAll("\n  ([a-z])", "\n  $1");
    Path f =
        write("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n" + list);

    Cli r = Cli.run("render", f.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(S3_RENDERED);
    assertThat(r.err()).contains("skipped 1 document(s) that are not BackupStores");
  }

  @Test
  void notAVerdictExitsTwo() throws IOException {
    assertThat(Cli.run("render", dir.resolve("missing.yaml").toString()).code()).isEqualTo(2);
    Cli malformed =
        Cli.run("render", write("m.yaml", "kind: BackupStore\nspec: [unclosed\n").toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains(dir.resolve("m.yaml") + ":3:1: ");
    Cli scalar = Cli.run("render", write("s.yaml", "just text\n").toString());
    assertThat(scalar.code()).isEqualTo(2);
    assertThat(scalar.err()).contains("must be a mapping");
    assertThat(Cli.run("render").code()).isEqualTo(2);
    assertThat(Cli.run().code()).isEqualTo(2);
    assertThat(Cli.run("render", "-o", "xml", "x").code()).isEqualTo(2);
    assertThat(Cli.run("render", "--provider-names", "long", "x").code()).isEqualTo(2);
    assertThat(Cli.run("render", "--velero-namespace", "Not_A_Namespace", "x").code()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void secretsAreNeverEchoedAndNoStackTraceIsShown() throws IOException {
    String leaky =
        S3.replace("provider: s3", "provider: s3Compatible")
            .replace(
                "region: us-east-1",
                "endpoint: http://admin:hunter2@minio:9000\n      forcePathStyle: true");
    Cli render = Cli.run("render", write("leak.yaml", leaky).toString());
    Cli validate = Cli.run("validate", dir.resolve("leak.yaml").toString());
    Cli malformed =
        Cli.run("render", write("leak2.yaml", "a: http://admin:hunter2@minio: : [\n").toString());

    for (Cli r : new Cli[] {render, validate, malformed}) {
      assertThat(r.out() + r.err()).doesNotContain("hunter2").doesNotContain("\tat ");
    }
    assertThat(render.code()).isEqualTo(1);
    assertThat(render.err())
        .contains("spec.storage.s3.endpoint: Invalid value: must not contain user");
  }

  @Test
  void everyCommandHasHelpWithExamplesAndTheToolHasAVersion() {
    for (String[] args :
        new String[][] {
          {"--help"}, {"render", "--help"}, {"validate", "--help"}, {"crd", "--help"}
        }) {
      Cli r = Cli.run(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage:").contains("Examples:");
    }
    assertThat(Cli.run("--version").out()).matches("lattice-backup \\d+\\.\\d+\\.\\d+.*\\n");
  }

  @Test
  void noBackupStoreInTheInputIsAMistakeUnlessAllowed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    write("empty/notes.txt", S3);
    Path configMap = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");

    for (String command : new String[] {"render", "validate"}) {
      Cli emptyDir = Cli.run(command, empty.toString());
      Cli otherKinds = Cli.run(command, configMap.toString());
      Cli emptyStdin = Cli.withStdin("", command, "-");
      for (Cli r : new Cli[] {emptyDir, otherKinds, emptyStdin}) {
        assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
            .contains("no BackupStore found in ")
            .contains("--allow-empty")
            .doesNotContain("Usage:");
      }
      assertThat(emptyDir.err()).contains(empty.toString());
    }

    Cli render = Cli.run("render", "--allow-empty", empty.toString());
    assertThat(render.code()).as(render.err()).isZero();
    assertThat(render.out()).isEmpty();
    Cli validate = Cli.withStdin("", "validate", "--allow-empty", "-");
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out()).isEqualTo("0 BackupStore(s) valid\n");
  }

  @Test
  void everyDiagnosticGoesToStderrAndOnlyResultsToStdout() throws IOException {
    Path good = write("good.yaml", S3);
    Path bad =
        write(
            "bad.yaml",
            S3.replace("production-s3", "bad").replace("bucket: lattice-backups", "bucket: ab"));
    Path mixed =
        write("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n" + S3);

    Cli renderOk = Cli.run("render", mixed.toString());
    assertThat(renderOk.code()).isZero();
    assertThat(renderOk.out()).isEqualTo(S3_RENDERED);
    assertThat(renderOk.err()).contains("skipped 1").contains("credentials: ");

    Cli validateOk = Cli.run("validate", mixed.toString());
    assertThat(validateOk.code()).isZero();
    assertThat(validateOk.out()).isEqualTo("1 BackupStore(s) valid\n");
    assertThat(validateOk.err()).contains("skipped 1");

    for (String command : new String[] {"render", "validate"}) {
      Cli invalid = Cli.run(command, good.toString(), bad.toString());
      assertThat(invalid.code()).isEqualTo(1);
      assertThat(invalid.out()).isEmpty();
      assertThat(invalid.err()).contains("spec.storage.s3.bucket: Invalid value: must be 3 to 63");

      Cli missing = Cli.run(command, dir.resolve("missing.yaml").toString());
      assertThat(missing.code()).isEqualTo(2);
      assertThat(missing.out()).isEmpty();
      assertThat(missing.err()).contains("missing.yaml: no such file or directory");
    }

    Cli crd = Cli.run("crd");
    assertThat(crd.code()).isZero();
    assertThat(crd.err()).isEmpty();
  }

  @Test
  void aUsageErrorIsOneLineOnStderrPointingToHelp() {
    String[][] mistakes = {
      {},
      {"frobnicate"},
      {"render"},
      {"render", "--no-such-option", "x"},
      {"render", "-o", "xml", "x"},
      {"render", "--provider-names", "long", "x"},
      {"render", "--velero-namespace", "Not_A_Namespace", "x"},
      {"validate"},
      {"crd", "extra.yaml"},
    };
    for (String[] args : mistakes) {
      Cli r = Cli.run(args);
      String what = String.join(" ", args);
      assertThat(r.code()).as(what).isEqualTo(2);
      assertThat(r.out()).as(what).isEmpty();
      assertThat(r.err().lines()).as(what).hasSize(1);
      assertThat(r.err()).as(what).contains("--help'").doesNotContain("Usage:");
    }
    assertThat(Cli.run("render", "-o", "xml", "x").err())
        .isEqualTo(
            "lattice-backup render: -o must be yaml or json, not 'xml'"
                + " (see 'lattice-backup render --help')\n");
  }

  @Test
  void helpListsTheExitCodes() {
    for (String[] args :
        new String[][] {{"--help"}, {"render", "--help"}, {"validate", "--help"}}) {
      Cli r = Cli.run(args);
      assertThat(r.out())
          .contains("Exit codes:")
          .containsPattern("(?m)^\\s+0\\s+success$")
          .containsPattern("(?m)^\\s+1\\s+a BackupStore is invalid")
          .containsPattern("(?m)^\\s+2\\s+usage error")
          .containsPattern("(?m)^\\s+3\\s+no BackupStore in the input");
    }
    assertThat(Cli.run("crd", "--help").out()).contains("Exit codes:").contains("usage error");
  }
}
