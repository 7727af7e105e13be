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

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.testing.arbitraries.Secrets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No output of the translation engine shows any piece of a password written into an endpoint:
 * validation errors, rejections, whole plans (as printed) and their locations, for tenant and
 * platform stores. See {@link Secrets} for the passwords and the four-character window.
 */
class SecretEchoProperties {

  @Provide
  Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  @Property(tries = 150)
  void noTranslationOutputShowsAnyPieceOfAPasswordInAnEndpoint(
      @ForAll("passwords") String password) {
    List<BackupStore> stores = new ArrayList<>();
    int i = 0;
    for (String endpoint : Secrets.endpointsHiding(password)) {
      for (String namespace : List.of("team-a", "lattice-system")) {
        stores.add(
            Stores.store(
                namespace,
                "s" + i++,
                BackupStorageSpec.s3Compatible(
                        S3StorageConfig.of("bucket")
                            .withEndpoint(endpoint)
                            .withForcePathStyle(true))
                    .withCredentialsSecretRef("k")));
      }
    }
    List<String> outputs = new ArrayList<>();
    for (BackupStore store : stores) {
      Translator.validate(store, TranslationOptions.defaults())
          .forEach(e -> outputs.add(e.toString()));
      outputs.add(Translator.translate(store, TranslationOptions.defaults()).toString());
    }
    TranslationPlan plan =
        Translator.translateAll(stores, List.of(), TranslationOptions.defaults());
    outputs.add(plan.toString());
    outputs.add(plan.rejections().toString());
    outputs.add(plan.locations().toString());

    assertThat(plan.locations()).isEmpty();
    for (String output : outputs) {
      assertThat(Secrets.leak(output, password)).as(output).isEmpty();
    }
  }
}
