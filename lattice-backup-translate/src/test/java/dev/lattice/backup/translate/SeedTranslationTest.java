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
package dev.lattice.backup.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.translate.bsl.BslJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's two stores give exactly these BSLs, written out by hand. */
class SeedTranslationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void theSeedStoresTranslateToTheseLocations() throws Exception {
    TranslationPlan plan =
        Translator.translateAll(
            List.of(Stores.seed("minio-store.yaml"), Stores.seed("s3-store.yaml")),
            List.of(),
            TranslationOptions.defaults());

    assertThat(plan.rejections()).isEmpty();
    assertThat(plan.locations()).hasSize(2);
    assertThat(BslJson.toTree(plan.locations().get(0)))
        .isEqualTo(
            json(
                """
                {'apiVersion': 'velero.io/v1', 'kind': 'BackupStorageLocation',
                 'metadata': {'name': 'lattice-local-minio', 'namespace': 'velero',
                   'labels': {'app.kubernetes.io/managed-by': 'lattice-backup',
                              'lattice.dev/backup-store-name': 'local-minio',
                              'lattice.dev/backup-store-namespace': 'lattice-system'},
                   'annotations': {'lattice.dev/backup-store': 'lattice-system/local-minio'}},
                 'spec': {'provider': 'aws',
                   'objectStorage': {'bucket': 'backups', 'prefix': 'lattice-local-minio'},
                   'config': {'region': 'us-east-1', 's3ForcePathStyle': 'true',
                              's3Url': 'http://minio.minio-system.svc:9000'},
                   'credential': {'name': 'lattice-local-minio-credentials', 'key': 'cloud'},
                   'default': false}}
                """));
    assertThat(BslJson.toTree(plan.locations().get(1)))
        .isEqualTo(
            json(
                """
                {'apiVersion': 'velero.io/v1', 'kind': 'BackupStorageLocation',
                 'metadata': {'name': 'lattice-production-s3', 'namespace': 'velero',
                   'labels': {'app.kubernetes.io/managed-by': 'lattice-backup',
                              'lattice.dev/backup-store-name': 'production-s3',
                              'lattice.dev/backup-store-namespace': 'lattice-system'},
                   'annotations': {'lattice.dev/backup-store': 'lattice-system/production-s3'}},
                 'spec': {'provider': 'aws',
                   'objectStorage': {'bucket': 'lattice-backups', 'prefix': 'lattice-production-s3'},
                   'config': {'region': 'us-east-1'},
                   'credential': {'name': 'velero-credentials-aws-prod', 'key': 'cloud'},
                   'default': true}}
                """));
  }

  @Test
  void theMinioStoreAsksForItsSecretToBeMirrored() {
    TranslationResult result =
        Translator.translate(Stores.seed("minio-store.yaml"), TranslationOptions.defaults());

    assertThat(result).isInstanceOf(TranslationResult.Translated.class);
    assertThat(((TranslationResult.Translated) result).mirror())
        .contains(
            new CredentialMirror(
                "lattice-system",
                "minio-creds",
                "cloud",
                "velero",
                "lattice-local-minio-credentials"));
  }

  @Test
  void theDefaultIsSelectedAcrossStores() {
    TranslationPlan plan =
        Translator.translateAll(
            List.of(Stores.seed("s3-store.yaml"), Stores.seed("minio-store.yaml")),
            List.of(),
            TranslationOptions.defaults());

    assertThat(plan.selection().winner()).contains(new StoreKey("lattice-system", "production-s3"));
    assertThat(plan.selection().notDefault()).isEmpty();
  }
}
