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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.validation.BackupStoreValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed's two examples read to the expected records, validate, and write back to an equal tree.
 */
class SeedExamplesTest {
  private static final BackupStoreCodec CODEC = BackupStoreCodec.strict();

  static String resource(String name) throws IOException {
    try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seed/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void productionS3ReadsToTheSeedsFields() throws IOException {
    BackupStore store = CODEC.read(resource("s3-store.yaml"));

    BackupStore expected =
        BackupStore.of(
            ObjectMetadata.named("production-s3").withNamespace("lattice-system"),
            new BackupStoreSpec(
                true,
                BackupStorageSpec.s3(S3StorageConfig.of("lattice-backups").withRegion("us-east-1"))
                    .withCloudProviderRef("aws-prod")));
    assertThat(store).isEqualTo(expected);
    assertThat(BackupStoreValidator.validate(store)).isEmpty();
  }

  @Test
  void localMinioReadsToTheSeedsFields() throws IOException {
    BackupStore store = CODEC.read(resource("minio-store.yaml"));

    BackupStore expected =
        BackupStore.of(
            ObjectMetadata.named("local-minio").withNamespace("lattice-system"),
            new BackupStoreSpec(
                false,
                BackupStorageSpec.s3Compatible(
                        S3StorageConfig.of("backups")
                            .withEndpoint("http://minio.minio-system.svc:9000")
                            .withForcePathStyle(true))
                    .withCredentialsSecretRef("minio-creds")));
    assertThat(store).isEqualTo(expected);
    assertThat(store.spec().storage().s3().orElseThrow().region()).isEqualTo(Optional.empty());
    assertThat(BackupStoreValidator.validate(store)).isEmpty();
  }

  @Test
  void bothExamplesWriteBackToAnEqualTree() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String name : new String[] {"s3-store.yaml", "minio-store.yaml"}) {
      String text = resource(name);
      JsonNode original = yaml.readTree(text);
      BackupStore store = CODEC.read(text);

      assertThat(CODEC.toTree(store)).as(name).isEqualTo(original);
      assertThat(yaml.readTree(CODEC.writeYaml(store))).as(name).isEqualTo(original);
      assertThat(new ObjectMapper().readTree(CODEC.writeJson(store))).as(name).isEqualTo(original);
    }
  }

  @Test
  void absentDefaultReadsAsFalse() {
    BackupStore store =
        CODEC.read(
            "{\"apiVersion\":\"lattice.dev/v1alpha1\",\"kind\":\"BackupStore\","
                + "\"metadata\":{\"name\":\"g\"},"
                + "\"spec\":{\"storage\":{\"provider\":\"gcs\",\"gcs\":{\"bucket\":\"my-bucket\"}}}}");
    assertThat(store.spec().isDefault()).isFalse();
    assertThat(store.spec().storage().gcs()).contains(GcsStorageConfig.of("my-bucket"));
    assertThat(CODEC.writeJson(store)).contains("\"default\":false").doesNotContain("null");
  }
}
