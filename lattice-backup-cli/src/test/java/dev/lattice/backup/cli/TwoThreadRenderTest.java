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
package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.internal.BoundDocument;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.testing.fixtures.StoresYaml;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A large render uses two threads — reading the text in two parts, writing the YAML in two halves —
 * and prints what one thread prints. (The model's {@code SplitReadingProperties} prove the reading
 * part on random texts; these pin the command on inputs above both thresholds.)
 */
class TwoThreadRenderTest {
  @Test
  void writingInTwoHalvesIsWritingWhole() {
    for (int n :
        new int[] {RenderCommand.SPLIT_MIN_LOCATIONS, 2 * RenderCommand.SPLIT_MIN_LOCATIONS + 1}) {
      List<BackupStorageLocation> bsls = locations(n);
      assertThat(bsls).hasSize(n);

      assertThat(RenderCommand.yaml(bsls)).isEqualTo(BslJson.toYaml(bsls));
    }
  }

  @Test
  void aLargeRenderPrintsWhatReadingOnOneThreadReads() {
    String text = StoresYaml.of(2_000);
    assertThat(text.length()).isGreaterThan(CodecEngine.SPLIT_MIN_CHARS);
    List<BackupStore> oneThread = new ArrayList<>();
    for (BoundDocument doc : Main.CODEC.tryReadAll(text, Optional.of("-")).orElseThrow()) {
      oneThread.add(doc.store());
    }
    String expected =
        BslJson.toYaml(
            Translator.translateAll(oneThread, List.of(), TranslationOptions.defaults())
                .locations());

    Cli cli = Cli.withStdin(text, "render", "-");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).isEqualTo(expected);
  }

  private static List<BackupStorageLocation> locations(int n) {
    List<BackupStore> stores = new ArrayList<>();
    for (BoundDocument doc :
        Main.CODEC.tryReadAll(StoresYaml.of(n), Optional.empty()).orElseThrow()) {
      stores.add(doc.store());
    }
    return Translator.translateAll(stores, List.of(), TranslationOptions.defaults()).locations();
  }
}
