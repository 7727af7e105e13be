package dev.lattice.backup.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.arbitraries.Secrets;
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
