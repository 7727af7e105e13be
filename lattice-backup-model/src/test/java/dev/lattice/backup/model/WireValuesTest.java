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

import org.junit.jupiter.api.Test;

/** Enums read and print their wire spelling, and nothing else reads as them. */
class WireValuesTest {

  @Test
  void everyProviderReadsBackFromItsWireValue() {
    for (BackupStorageProvider p : BackupStorageProvider.values()) {
      assertThat(BackupStorageProvider.fromWireValue(p.wireValue())).contains(p);
      assertThat(p).hasToString(p.wireValue());
    }
    for (String other : new String[] {"S3", "s3 ", "", "s3compatible", "GCS", "minio"}) {
      assertThat(BackupStorageProvider.fromWireValue(other)).as(other).isEmpty();
    }
  }

  @Test
  void statusesAndPhasesPrintTheirWireValue() {
    assertThat(ConditionStatus.of(true)).isEqualTo(ConditionStatus.TRUE);
    assertThat(ConditionStatus.of(false)).isEqualTo(ConditionStatus.FALSE);
    for (ConditionStatus s : ConditionStatus.values()) {
      assertThat(s).hasToString(s.wireValue());
    }
    for (BackupStorePhase p : BackupStorePhase.values()) {
      assertThat(p).hasToString(p.wireValue());
    }
  }
}
