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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust boundary from the command line: the rules, and the options that set the policy. */
class TrustBoundaryCliTest {
  @TempDir Path dir;

  private static final String GCS =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: g
        namespace: NS
      spec:
        storage:
          provider: gcs
          gcs:
            bucket: team-bucket
      """;

  private static final String MINIO =
      """
      apiVersion: lattice.dev/v1alpha1
      kind: BackupStore
      metadata:
        name: m
        namespace: team-a
      spec:
        storage:
          provider: s3Compatible
          s3:
            bucket: backups
            endpoint: "ENDPOINT"
            forcePathStyle: true
          credentialsSecretRef: minio-creds
      """;

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void aStoreThatNamesNoCredentialsIsRefusedUnlessItsPlatformNamespaceIsAllowed()
      throws IOException {
    String tenant = write("t.yaml", GCS.replace("NS", "team-a"));
    String platform = write("p.yaml", GCS.replace("NS", "lattice-system"));

    Cli refused = Cli.run("validate", tenant);
    Cli stillRefused = Cli.run("validate", "--default-credentials", "lattice-system", tenant);
    Cli platformRefused = Cli.run("render", platform);
    Cli platformAllowed = Cli.run("render", "--default-credentials", "lattice-system", platform);
    Cli tenantCannotBeAllowed = Cli.run("render", "--default-credentials", "team-a", tenant);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "team-a/g: spec.storage.credentialsSecretRef: Required value: a store outside the"
                + " platform namespaces must name its credentials");
    assertThat(stillRefused.code()).isEqualTo(1);
    assertThat(platformRefused.code()).isEqualTo(1);
    assertThat(platformAllowed.code()).as(platformAllowed.err()).isZero();
    assertThat(platformAllowed.err())
        .contains("credentials: lattice-system/g: none named: Velero's default credentials");
    assertThat(tenantCannotBeAllowed.code()).isEqualTo(2);
    assertThat(tenantCannotBeAllowed.err()).contains("team-a is not a platform namespace");
  }

  @Test
  void aStoreInVelerosNamespaceNeedsItToBeTrusted() throws IOException {
    String store =
        write(
            "v.yaml",
            GCS.replace("NS", "velero")
                .replace("team-bucket\n", "team-bucket\n    credentialsSecretRef: k\n"));

    assertThat(Cli.run("validate", store).err())
        .contains("velero/g: metadata.namespace: Forbidden: BackupStores in Velero's namespace");
    assertThat(Cli.run("validate", "--trusted-namespace", "velero", store).code()).isZero();
  }

  @Test
  void tenantEndpointsFollowThePolicyGivenOnTheCommandLine() throws IOException {
    String inCluster =
        write("a.yaml", MINIO.replace("ENDPOINT", "http://minio.minio-system.svc:9000"));
    String metadata = write("b.yaml", MINIO.replace("ENDPOINT", "http://0xa9fea9fe/"));
    String denied = write("c.yaml", MINIO.replace("ENDPOINT", "https://s3.nip.io"));

    assertThat(Cli.run("validate", inCluster).err())
        .contains("spec.storage.s3.endpoint: Forbidden: the host is an in-cluster name");
    assertThat(Cli.run("validate", "--allow-endpoint", "minio.minio-system.svc", inCluster).code())
        .isZero();
    assertThat(Cli.run("validate", "--allow-endpoint", "0.0.0.0/0", metadata).err())
        .as("nothing allows a metadata service")
        .contains("some resolvers read 0xa9fea9fe as 169.254.169.254");
    assertThat(Cli.run("validate", denied).code()).isZero();
    assertThat(Cli.run("validate", "--deny-endpoint", "*.nip.io", denied).err())
        .contains("matches the platform's deny list (*.nip.io)");
    Cli bad = Cli.run("validate", "--deny-endpoint", "http://u:hunter2@x", denied);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("deny: http://*** is neither").doesNotContain("hunter2");
  }
}
