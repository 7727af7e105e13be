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
