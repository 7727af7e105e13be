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

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Fuzzing what the adapter reads from a cluster: any JSON that fabric8 accepts as a resource is
 * observed as a BSL without an exception (foreign BSLs may hold anything). Saved inputs run in
 * {@code verify}; {@code -Pfuzz} fuzzes.
 */
class BslReadingFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "60s")
  void anyResourceIsObservedWithoutThrowing(FuzzedDataProvider data) {
    GenericKubernetesResource resource;
    try {
      resource = JSON.readValue(data.consumeRemainingAsString(), GenericKubernetesResource.class);
    } catch (JacksonException e) {
      return; // not a resource: the client would have refused it before us
    }
    if (resource == null || resource.getMetadata() == null) {
      return;
    }
    ObservedBsl observed = BslAdapter.observe(resource);
    assertThat(observed.spec()).isNotNull();
  }
}
