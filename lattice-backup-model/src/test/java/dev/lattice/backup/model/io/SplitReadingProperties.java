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
package dev.lattice.backup.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.internal.BoundDocument;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.testing.arbitraries.ModelArbitraries;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading a text in two parts ({@link BackupStoreCodec#tryReadAll(String, Optional, Executor)})
 * gives exactly what reading it whole gives: the same stores, document positions and lines, or the
 * same refusal — whatever sits around the cut (empty documents, comments, end markers, directives,
 * markers that are not markers, CRLF and Unicode line breaks) and whether the executor runs the
 * task, runs it on the calling thread, or refuses it.
 */
class SplitReadingProperties {
  private static final BackupStoreCodec STRICT = BackupStoreCodec.strict();
  private static final Optional<String> SOURCE = Optional.of("stores.yaml");

  @Property(tries = 250)
  void readingInTwoPartsIsReadingWhole(@ForAll("texts") String text) {
    Optional<List<BoundDocument>> whole = STRICT.engine().tryReadAll(text, SOURCE);

    assertThat(STRICT.engine().tryReadAll(text, SOURCE, Runnable::run, 0)).isEqualTo(whole);
    assertThat(STRICT.engine().tryReadAll(text, SOURCE, task -> new Thread(task).start(), 0))
        .isEqualTo(whole);
  }

  @Property(tries = 60)
  void aRefusingExecutorFallsBackToOneThread(@ForAll("texts") String text) {
    Executor refusing =
        task -> {
          throw new java.util.concurrent.RejectedExecutionException("full");
        };

    assertThat(STRICT.engine().tryReadAll(text, SOURCE, refusing, 0))
        .isEqualTo(STRICT.engine().tryReadAll(text, SOURCE));
  }

  @Example
  void aLargeTextIsReallyReadInTwoPartsAndSmallOnesAreNot() {
    List<BackupStore> stores = ModelArbitraries.validStores().sampleStream().limit(40).toList();
    String text = STRICT.writeYaml(stores.stream().map(DirectBindingProperties::plain).toList());
    AtomicInteger tasks = new AtomicInteger();
    Executor counting =
        task -> {
          tasks.incrementAndGet();
          task.run();
        };

    Optional<List<BoundDocument>> split = STRICT.engine().tryReadAll(text, SOURCE, counting, 0);
    assertThat(tasks).hasValue(1);
    assertThat(split).isEqualTo(STRICT.engine().tryReadAll(text, SOURCE));
    assertThat(split.orElseThrow()).hasSize(40);
    assertThat(split.get().get(39).location().line()).isGreaterThan(1);

    STRICT.engine().tryReadAll(text, SOURCE, counting, text.length() + 1);
    STRICT.engine().tryReadAll(STRICT.writeJson(stores.get(0)), SOURCE, counting, 0);
    assertThat(tasks).hasValue(1);
    // The public overload: below its threshold, one thread and the same stores.
    assertThat(text.length()).isLessThan(CodecEngine.SPLIT_MIN_CHARS);
    assertThat(STRICT.engine().tryReadAll(text, SOURCE, counting))
        .isEqualTo(STRICT.engine().tryReadAll(text, SOURCE));
    assertThat(tasks).hasValue(1);
  }

  @Example
  void lineBreaksAreCountedAsSnakeYamlCountsThem() {
    assertThat(CodecEngine.lineBreaks("a\nb\r\nc\rd\u0085e\u2028f\u2029g\r")).isEqualTo(7);
    assertThat(CodecEngine.lineBreaks("a\rb\rc\r\nd")).isEqualTo(3);
    assertThat(CodecEngine.lineBreaks("\r\n\r\n")).isEqualTo(2);
    assertThat(CodecEngine.documentMarkerNear("a: 1\n---x\n--- # c\n", 0)).isEqualTo(10);
    assertThat(CodecEngine.documentMarkerNear("a: 1\n----\n ---\n", 0)).isEqualTo(-1);
    assertThat(CodecEngine.documentMarkerNear("a: 1\n---", 0)).isEqualTo(5);
  }

  /** Plain stores with things around, and in, the documents that a cut must not get wrong. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> document =
        ModelArbitraries.validStores()
            .map(DirectBindingProperties::plain)
            .map(s -> STRICT.writeYaml(List.of(s)));
    Arbitrary<String> between =
        Arbitraries.of(
            "",
            "",
            "---\n",
            "--- \n",
            "# ---\n",
            "# a\u2028b\u0085c\n",
            "...\n",
            "%YAML 1.1\n",
            "---x: 1\n",
            " ---\n",
            "----\n",
            "--- # comment\n",
            "\n\n",
            "a: \"x\n---\ny\"\n",
            "notes: |\n  ---\n",
            "--- |\n  text\n");
    Arbitrary<String> text =
        Combinators.combine(document.list().ofMinSize(1).ofMaxSize(5), between.list().ofSize(5))
            .as(
                (docs, gaps) -> {
                  StringBuilder out = new StringBuilder();
                  for (int i = 0; i < docs.size(); i++) {
                    out.append(gaps.get(i)).append(docs.get(i));
                  }
                  return out.toString();
                });
    return Combinators.combine(text, Arbitraries.of("\n", "\r\n", "\r"))
        .as((t, eol) -> t.replace("\n", eol));
  }
}
