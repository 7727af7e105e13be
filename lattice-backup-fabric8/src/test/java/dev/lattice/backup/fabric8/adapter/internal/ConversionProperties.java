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
package dev.lattice.backup.fabric8.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BslJson;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the adapter reads back is what was written: stores and BSLs survive fabric8's types. */
class ConversionProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<BackupStore> stores() {
    return ModelArbitraries.validStores();
  }

  @Property(tries = 300)
  void aStoreRoundTripsThroughAGenericResource(@ForAll("stores") BackupStore store) {
    GenericKubernetesResource resource =
        JSON.convertValue(BackupStoreCodec.strict().toTree(store), GenericKubernetesResource.class);

    assertThat(StoreAdapter.toModel(resource)).isEqualTo(store);
  }

  @Property(tries = 300)
  void aStatusWrittenByTheAdapterReadsBackEqual(@ForAll("stores") BackupStore store) {
    Assume.that(store.status().isPresent());
    GenericKubernetesResource resource =
        JSON.convertValue(
            BackupStoreCodec.strict().toTree(store.withStatus(null)),
            GenericKubernetesResource.class);
    resource.setAdditionalProperty(
        "status",
        JSON.convertValue(StoreAdapter.statusTree(store.status().orElseThrow()), Map.class));

    assertThat(StoreAdapter.toModel(resource).status()).isEqualTo(store.status());
  }

  @Property(tries = 300)
  void aTranslatedBslIsObservedWithTheSameOwnedFields(@ForAll("stores") BackupStore store) {
    TranslationOptions options =
        TranslationOptions.defaults().toBuilder().tenantCloudProviders(true).build();
    Assume.that(Translator.translate(store, options) instanceof TranslationResult.Translated);
    var bsl = ((TranslationResult.Translated) Translator.translate(store, options)).bsl();

    ObservedBsl observed = BslAdapter.observe(BslJson.toGeneric(bsl));

    assertThat(observed.spec()).isEqualTo(bsl.spec());
    assertThat(observed.metadata()).isEqualTo(bsl.metadata());
    assertThat(observed.phase()).isEmpty();
  }
}
