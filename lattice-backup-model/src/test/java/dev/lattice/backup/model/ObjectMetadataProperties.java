package dev.lattice.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.arbitraries.ModelArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the metadata's derived values. */
class ObjectMetadataProperties {

  @Provide
  Arbitrary<ObjectMetadata> metadata() {
    return ModelArbitraries.metadata()
        .flatMap(m -> net.jqwik.api.Arbitraries.of(m, m.toBuilder().namespace(null).build()));
  }

  @Property(tries = 200)
  void beingDeletedExactlyWhenADeletionTimestampIsSet(@ForAll("metadata") ObjectMetadata meta) {
    assertThat(meta.isBeingDeleted()).isEqualTo(meta.deletionTimestamp().isPresent());
  }

  @Property(tries = 200)
  void theKeyIsNamespaceSlashNameAndSplitsBackIntoThem(@ForAll("metadata") ObjectMetadata meta) {
    String key = meta.key();

    if (meta.namespace().isPresent()) {
      int slash = key.indexOf('/');
      assertThat(key.substring(0, slash)).isEqualTo(meta.namespace().get());
      assertThat(key.substring(slash + 1)).isEqualTo(meta.name());
    } else {
      assertThat(key).isEqualTo(meta.name()).doesNotContain("/");
    }
  }
}
