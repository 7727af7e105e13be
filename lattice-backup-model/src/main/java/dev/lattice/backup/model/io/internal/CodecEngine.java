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

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The machinery behind {@link BackupStoreCodec}: the parsers and mappers, the fast direct binder
 * ({@link #tryReadAll(String, Optional)}), the general tree path ({@link #parse(String, Optional,
 * boolean)} then {@link #decode(SourceDocument)}) that is its reference, the two-thread split, and
 * writing. Internal: not part of the API (the package is not exported); use {@link
 * BackupStoreCodec}.
 *
 * <p>The engine holds the configuration and hands each job to the class that does it: {@link
 * ParserFactories} (the configured factories), {@link DirectReading} and {@link DirectBinder} (the
 * fast path, on one thread or two), {@link DocumentParser} and {@link TreeDecoder} (the general
 * path), {@link StoreWriter} (writing), {@link LazyDatabind} (the mappers, built on first use),
 * {@link ReadErrors} and {@link SecretScrubber} (errors, and parser messages made safe to show).
 */
public final class CodecEngine {
  private final boolean strict;
  private final ReadLimits limits;
  private final ParserFactories factories;
  private final LazyDatabind databind;

  private CodecEngine(boolean strict, ReadLimits limits) {
    this.strict = strict;
    this.limits = limits;
    this.factories = ParserFactories.of(limits);
    this.databind = new LazyDatabind(factories);
  }

  /**
   * An engine.
   *
   * @param strict whether unknown fields and duplicate keys are errors
   * @param limits the read limits
   * @return the engine
   */
  public static CodecEngine of(boolean strict, ReadLimits limits) {
    return new CodecEngine(strict, limits);
  }

  /**
   * Whether unknown fields and duplicate keys are errors.
   *
   * @return true for a strict engine
   */
  public boolean isStrict() {
    return strict;
  }

  /**
   * The read limits in force.
   *
   * @return the limits
   */
  public ReadLimits limits() {
    return limits;
  }

  // ---------------------------------------------------------------------------------------- read

  /**
   * Parses a text into its documents without binding them, recording where each field stands. Empty
   * YAML documents are skipped.
   *
   * @param text the text, JSON or YAML (JSON when it starts with an opening brace or bracket)
   * @param sourceName the name to put in locations, such as a file path; empty for none
   * @return the documents
   * @throws BackupStoreReadException of kind {@link BackupStoreReadException.Kind#MALFORMED} when
   *     the text is not JSON or YAML or breaks a read limit
   */
  public List<SourceDocument> parse(String text, Optional<String> sourceName) {
    return parse(text, sourceName, true);
  }

  /**
   * Parses as {@link #parse(String, Optional)}, optionally without recording field locations: about
   * twice as fast, for callers that read many documents and locate errors only when there are some
   * (by parsing again with locations). Without locations, {@link SourceDocument#locate(String)}
   * answers each document's start; duplicate keys are still found.
   *
   * @param text the text, JSON or YAML
   * @param sourceName the name to put in locations; empty for none
   * @param withLocations whether to record where each field stands
   * @return the documents
   * @throws BackupStoreReadException of kind {@link BackupStoreReadException.Kind#MALFORMED} when
   *     the text is not JSON or YAML or breaks a read limit
   */
  public List<SourceDocument> parse(
      String text, Optional<String> sourceName, boolean withLocations) {
    return DocumentParser.parse(factories, text, sourceName, withLocations);
  }

  /**
   * Reads every document of a text straight into BackupStores, without trees or field locations,
   * when every document is a plainly well-formed BackupStore: several times cheaper than {@link
   * #parse(String, Optional, boolean)} followed by {@link #decode(SourceDocument)}, and giving the
   * same stores. When anything needs the general path's judgement (a document of another kind, a
   * field this path does not bind such as {@code status} or a timestamp, a value of the wrong type,
   * {@code null}, a duplicate key, an alias, a broken read limit, malformed text), it answers empty
   * and the caller reads the text the general way, which reports every problem with its location.
   * Never throws.
   *
   * @param text the text, JSON or YAML
   * @param sourceName the name to put in locations; empty for none
   * @return the stores with their documents' positions, or empty when the text needs {@link
   *     #parse(String, Optional, boolean)} and {@link #decode(SourceDocument)}
   */
  public Optional<List<BoundDocument>> tryReadAll(String text, Optional<String> sourceName) {
    return DirectReading.readAll(factories, text, sourceName);
  }

  /**
   * {@link #tryReadAll(String, Optional)} for large texts, on two threads: a YAML text of at least
   * {@link #SPLIT_MIN_CHARS} characters is cut at a document marker ({@code ---} at the start of a
   * line) near its middle, and the second part is bound on the executor while the calling thread
   * binds the first. The result is the same as {@link #tryReadAll(String, Optional)}'s: positions
   * and lines count from the start of the whole text, and when either part cannot be bound straight
   * (or the executor refuses the task) the whole text is read again the one-thread way. This codec
   * starts no thread of its own.
   *
   * @param text the text, JSON or YAML
   * @param sourceName the name to put in locations; empty for none
   * @param executor where to bind the second part, e.g. {@code ForkJoinPool.commonPool()}
   * @return the stores with their documents' positions, or empty as for {@link #tryReadAll(String,
   *     Optional)}
   */
  public Optional<List<BoundDocument>> tryReadAll(
      String text, Optional<String> sourceName, Executor executor) {
    return tryReadAll(text, sourceName, executor, SPLIT_MIN_CHARS);
  }

  /** Texts shorter than this are read on one thread: splitting would not pay. */
  public static final int SPLIT_MIN_CHARS = 128 * 1024;

  /**
   * {@link #tryReadAll(String, Optional, Executor)} with the threshold as a parameter.
   *
   * @param text the text
   * @param sourceName the name to put in locations; empty for none
   * @param executor where to bind the second part
   * @param minChars the shortest text that is split
   * @return the stores, or empty
   */
  public Optional<List<BoundDocument>> tryReadAll(
      String text, Optional<String> sourceName, Executor executor, int minChars) {
    return DirectReading.readAll(factories, text, sourceName, executor, minChars);
  }

  /**
   * Line breaks as SnakeYAML's reader counts them: LF, NEL, LS, PS, and a CR not followed by LF.
   *
   * @param text the text
   * @return how many line breaks it holds
   */
  public static int lineBreaks(String text) {
    return TextScanner.lineBreaks(text);
  }

  /**
   * The start of the first line at or after {@code from} that is a document marker: {@code ---}
   * followed by a space, a tab, a line break or the end; -1 when there is none. YAML allows such a
   * line nowhere but between documents, so both parts are whole documents.
   *
   * @param text the text
   * @param from where to start looking
   * @return the start of the marker's line, or -1
   */
  public static int documentMarkerNear(String text, int from) {
    return TextScanner.documentMarkerNear(text, from);
  }

  /**
   * Binds a parsed document to a BackupStore. In strict mode, unknown fields and duplicate keys are
   * errors; in both modes, unknown enum values and wrong JSON types are. All of the document's
   * problems are reported at once, each located in the text.
   *
   * @param document a document from {@link #parse(String, Optional)}
   * @return the store, not yet validated
   * @throws BackupStoreReadException when the document is not a mapping ({@code MALFORMED}) or does
   *     not fit the schema ({@code INVALID})
   */
  public BackupStore decode(SourceDocument document) {
    return TreeDecoder.decode(document, strict, databind);
  }

  /**
   * Turns a tree into a BackupStore, as {@link #decode(SourceDocument)} without locations.
   *
   * @param tree a JSON tree, such as one from the Kubernetes API
   * @return the store, not yet validated
   * @throws BackupStoreReadException when the tree does not fit the schema
   */
  public BackupStore fromTree(JsonNode tree) {
    return decode(new SourceDocument(tree, 0, SourceLocation.of(1, 1), Map.of(), List.of()));
  }

  // --------------------------------------------------------------------------------------- write

  /**
   * The store as a JSON tree.
   *
   * @param store the store
   * @return a new tree the caller may change
   */
  public JsonNode toTree(BackupStore store) {
    return StoreWriter.toTree(databind, store);
  }

  /**
   * The store as compact JSON.
   *
   * @param store the store
   * @return the JSON text
   */
  public String writeJson(BackupStore store) {
    return StoreWriter.writeJson(databind, store);
  }

  /**
   * The store as one YAML document, starting with {@code ---}.
   *
   * @param store the store
   * @return the YAML text
   */
  public String writeYaml(BackupStore store) {
    return writeYaml(List.of(store));
  }

  /**
   * The stores as a multi-document YAML stream, in the given order.
   *
   * @param stores the stores
   * @return the YAML text
   */
  public String writeYaml(List<BackupStore> stores) {
    return StoreWriter.writeYaml(databind, stores);
  }

  // ------------------------------------------------------------------------------------ messages

  /**
   * Hides what might be secret in a parser's message (user information of a URL, whatever
   * characters it holds, and a URL's query or fragment), escapes control characters and line breaks
   * (a parser may quote the character it stopped at) and cuts the text, so a parser's message never
   * leaks a secret and stays one line.
   *
   * @param message a parser's message
   * @return the message, safe to show
   */
  public static String scrub(String message) {
    return SecretScrubber.scrub(message);
  }
}
