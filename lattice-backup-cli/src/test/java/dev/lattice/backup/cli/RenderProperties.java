package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.arbitraries.ModelArbitraries;
import dev.lattice.backup.model.io.BackupStoreCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** render's output depends on the set of stores, never on their order. */
class RenderProperties {
  @Provide
  Arbitrary<List<BackupStore>> stores() {
    return ModelArbitraries.validStores().list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 60)
  void renderIsIndependentOfDocumentOrder(
      @ForAll("stores") List<BackupStore> stores, @ForAll long seed) {
    List<BackupStore> shuffled = new ArrayList<>(stores);
    Collections.shuffle(shuffled, new Random(seed));
    BackupStoreCodec codec = BackupStoreCodec.strict();

    Cli a = Cli.withStdin(codec.writeYaml(stores), "render", "-");
    Cli b = Cli.withStdin(codec.writeYaml(shuffled), "render", "-");
    Cli aJson = Cli.withStdin(codec.writeYaml(stores), "render", "-o", "json", "-");
    Cli bJson = Cli.withStdin(codec.writeYaml(shuffled), "render", "-o", "json", "-");

    assertThat(b.code()).isEqualTo(a.code());
    assertThat(b.out()).isEqualTo(a.out());
    assertThat(bJson.out()).isEqualTo(aJson.out());
    if (a.code() != 0) {
      assertThat(a.out()).isEmpty();
    }
  }
}
