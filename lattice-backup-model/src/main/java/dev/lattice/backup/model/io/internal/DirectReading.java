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
package dev.lattice.backup.model.io.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.lattice.backup.model.validation.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The fast path's driver: reads a whole text straight into BackupStores with {@link DirectBinder},
 * on the calling thread, or, for a large YAML text, on two threads by cutting it at a document
 * marker near its middle. Answers empty whenever the text needs the general path; never throws. See
 * {@link CodecEngine#tryReadAll(String, Optional, Executor, int)}.
 */
final class DirectReading {
  private DirectReading() {}

  /** The bound documents of a text and how many documents it has, empty ones included. */
  private record Bound(List<BoundDocument> docs, int documents) {}

  /**
   * Every document of the text, bound on the calling thread, or empty when the text needs the
   * general path.
   *
   * @param factories the parser factories and read limits
   * @param text the text, JSON or YAML
   * @param sourceName the name to put in locations; empty for none
   * @return the stores with their documents' positions, or empty
   */
  static Optional<List<BoundDocument>> readAll(
      ParserFactories factories, String text, Optional<String> sourceName) {
    if (text.length() > factories.limits().maxTextChars()) {
      return Optional.empty();
    }
    try (JsonParser parser = factories.createParser(text)) {
      return Optional.of(new DirectBinder(parser, sourceName, factories.limits()).readAll());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /**
   * {@link #readAll(ParserFactories, String, Optional)} on two threads for a YAML text of at least
   * {@code minChars} characters with a document marker past its middle: the second part is bound on
   * the executor while the calling thread binds the first; positions and lines count from the start
   * of the whole text. When either part cannot be bound straight, or the executor refuses the task,
   * the whole text is read again on one thread.
   *
   * @param factories the parser factories and read limits
   * @param text the text
   * @param sourceName the name to put in locations; empty for none
   * @param executor where to bind the second part
   * @param minChars the shortest text that is split
   * @return the stores, or empty
   */
  static Optional<List<BoundDocument>> readAll(
      ParserFactories factories,
      String text,
      Optional<String> sourceName,
      Executor executor,
      int minChars) {
    int cut =
        text.length() >= minChars
                && text.length() <= factories.limits().maxTextChars()
                && !TextScanner.looksLikeJson(text)
            ? TextScanner.documentMarkerNear(text, text.length() / 2)
            : -1;
    if (cut <= 0) {
      return readAll(factories, text, sourceName);
    }
    String head = text.substring(0, cut);
    String tail = text.substring(cut);
    CompletableFuture<Optional<Bound>> later;
    try {
      later = CompletableFuture.supplyAsync(() -> bind(factories, tail, sourceName), executor);
    } catch (RejectedExecutionException e) {
      return readAll(factories, text, sourceName);
    }
    Optional<Bound> first = bind(factories, head, sourceName);
    Optional<Bound> second;
    try {
      second = later.join();
    } catch (CompletionException | CancellationException e) {
      second = Optional.empty();
    }
    if (first.isEmpty() || second.isEmpty()) {
      return readAll(factories, text, sourceName);
    }
    int lines = TextScanner.lineBreaks(head);
    List<BoundDocument> out = new ArrayList<>(first.get().docs());
    int documents = first.get().documents();
    for (BoundDocument doc : second.get().docs()) {
      SourceLocation at = doc.location();
      out.add(
          new BoundDocument(
              doc.store(),
              doc.index() + documents,
              new SourceLocation(at.source(), at.line() + lines, at.column())));
    }
    return Optional.of(out);
  }

  /** One part of a YAML text, bound, or empty when it needs the general path. */
  private static Optional<Bound> bind(
      ParserFactories factories, String text, Optional<String> sourceName) {
    try (JsonParser parser = factories.yaml().createParser(text)) {
      DirectBinder binder = new DirectBinder(parser, sourceName, factories.limits());
      List<BoundDocument> docs = binder.readAll();
      return Optional.of(new Bound(docs, binder.documents()));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }
}
