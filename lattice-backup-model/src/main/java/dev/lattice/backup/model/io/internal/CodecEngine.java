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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The machinery behind {@link BackupStoreCodec}: the parsers and mappers, the fast direct binder
 * ({@link #tryReadAll(String, Optional)}), the general tree path ({@link #parse(String, Optional,
 * boolean)} then {@link #decode(SourceDocument)}) that is its reference, the two-thread split, and
 * writing. Internal: not part of the API (the package is not exported); use {@link
 * BackupStoreCodec}.
 */
public final class CodecEngine {
  private static final int MAX_PROBLEM_CHARS = 200;

  private final boolean strict;
  private final ReadLimits limits;
  private final JsonFactory jsonFactory;
  private final YAMLFactory yamlFactory;
  private volatile @Nullable Databind databind;

  /**
   * The databind side: mappers, reader, writers and the schema check. Building it costs more than
   * reading a few stores straight from the parser (hundreds of classes at start-up), and the direct
   * binder does not need it, so it is built on first use: a command line that only reads plain
   * stores never builds it.
   */
  private record Databind(
      JsonMapper mapper,
      ObjectReader reader,
      com.fasterxml.jackson.databind.JavaType storeType,
      SchemaCheck schemaCheck,
      ObjectWriter jsonWriter,
      ObjectWriter yamlWriter) {
    /**
     * Builds it. (Here rather than in the engine's own methods, so that loading the engine does not
     * load the databind classes these lines name.)
     */
    static Databind of(JsonFactory jsonFactory, YAMLFactory yamlFactory) {
      JsonMapper mapper = configured(JsonMapper.builder(jsonFactory)).build();
      return new Databind(
          mapper,
          mapper.readerFor(BackupStore.class),
          mapper.constructType(BackupStore.class),
          new SchemaCheck(mapper),
          mapper.writerFor(BackupStore.class),
          configured(YAMLMapper.builder(yamlFactory)).build().writerFor(BackupStore.class));
    }

    /** The mapping both the JSON and the YAML mapper use. */
    private static <B extends MapperBuilder<?, B>> B configured(B builder) {
      JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null);
      JsonSetter.Value failOnNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
      builder
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS));
      for (Class<?> container : List.of(Map.class, List.class, Collection.class)) {
        builder.withConfigOverride(
            container, o -> o.setInclude(nonEmpty).setSetterInfo(failOnNullElements));
      }
      return builder;
    }
  }

  private Databind databind() {
    Databind d = databind;
    if (d == null) {
      synchronized (this) {
        d = databind;
        if (d == null) {
          d = Databind.of(jsonFactory, yamlFactory);
          databind = d;
        }
      }
    }
    return d;
  }

  private CodecEngine(boolean strict, ReadLimits limits) {
    this.strict = strict;
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringChars())
            .maxDocumentLength(limits.maxTextChars())
            .maxNameLength(limits.maxStringChars())
            .build();
    this.jsonFactory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(0);
    loader.setNestingDepthLimit(limits.maxNestingDepth());
    loader.setCodePointLimit(limits.maxTextChars());
    loader.setAllowDuplicateKeys(true);
    this.yamlFactory =
        new PlainScalarYamlFactory(
            YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .stringQuotingChecker(new LineBreakQuoting()));
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
    if (text.length() > limits.maxTextChars()) {
      throw malformed(
          "text of "
              + text.length()
              + " characters is longer than the limit of "
              + limits.maxTextChars(),
          located(SourceLocation.of(1, 1), sourceName));
    }
    boolean json = looksLikeJson(text);
    try (JsonParser parser =
        json ? jsonFactory.createParser(text) : yamlFactory.createParser(text)) {
      return new TreeReader(parser, sourceName, limits, withLocations).readAll();
    } catch (TreeReader.NeedsLocations e) {
      return parse(text, sourceName, true);
    } catch (TreeReader.Refused e) {
      throw malformed(String.valueOf(e.getMessage()), e.location);
    } catch (IOException | RuntimeException e) {
      throw unreadable(e, sourceName);
    } catch (StackOverflowError e) {
      throw malformed("nesting too deep", located(SourceLocation.of(1, 1), sourceName));
    }
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
    if (text.length() > limits.maxTextChars()) {
      return Optional.empty();
    }
    try (JsonParser parser =
        looksLikeJson(text) ? jsonFactory.createParser(text) : yamlFactory.createParser(text)) {
      return Optional.of(new DirectBinder(parser, sourceName, limits).readAll());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
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
    int cut =
        text.length() >= minChars && text.length() <= limits.maxTextChars() && !looksLikeJson(text)
            ? documentMarkerNear(text, text.length() / 2)
            : -1;
    if (cut <= 0) {
      return tryReadAll(text, sourceName);
    }
    String head = text.substring(0, cut);
    String tail = text.substring(cut);
    CompletableFuture<Optional<Bound>> later;
    try {
      later = CompletableFuture.supplyAsync(() -> bind(tail, sourceName), executor);
    } catch (RejectedExecutionException e) {
      return tryReadAll(text, sourceName);
    }
    Optional<Bound> first = bind(head, sourceName);
    Optional<Bound> second;
    try {
      second = later.join();
    } catch (CompletionException | CancellationException e) {
      second = Optional.empty();
    }
    if (first.isEmpty() || second.isEmpty()) {
      return tryReadAll(text, sourceName);
    }
    int lines = lineBreaks(head);
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

  /**
   * Line breaks as SnakeYAML's reader counts them: LF, NEL, LS, PS, and a CR not followed by LF.
   *
   * @param text the text
   * @return how many line breaks it holds
   */
  public static int lineBreaks(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }

  /** The bound documents of a text and how many documents it has, empty ones included. */
  private record Bound(List<BoundDocument> docs, int documents) {}

  private Optional<Bound> bind(String text, Optional<String> sourceName) {
    try (JsonParser parser = yamlFactory.createParser(text)) {
      DirectBinder binder = new DirectBinder(parser, sourceName, limits);
      List<BoundDocument> docs = binder.readAll();
      return Optional.of(new Bound(docs, binder.documents()));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
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
    int at = text.indexOf("\n---", Math.max(0, from - 1));
    while (at >= 0) {
      int after = at + 4;
      if (after == text.length()) {
        return at + 1;
      }
      char c = text.charAt(after);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return at + 1;
      }
      at = text.indexOf("\n---", at + 1);
    }
    return -1;
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
    if (!document.tree().isObject()) {
      throw malformed(
          "a BackupStore document must be a mapping, not " + describe(document.tree()),
          document.location());
    }
    List<FieldError> problems = new ArrayList<>(0);
    if (strict) {
      problems.addAll(document.duplicates());
    }
    Databind d = databind();
    d.schemaCheck().check(document.tree(), d.storeType(), "", strict, problems);
    if (strict) {
      identity(document.tree(), problems);
    }
    BackupStore store = null;
    if (!problems.isEmpty()) {
      throw new BackupStoreReadException(
          BackupStoreReadException.Kind.INVALID, document.locate(problems));
    }
    try {
      store = d.reader().withHandler(new Problems(problems)).readValue(document.tree());
    } catch (MismatchedInputException e) {
      problems.add(typeProblem(e));
    } catch (IOException | RuntimeException e) {
      problems.add(
          FieldError.of(
              Paths.of(e instanceof JsonMappingException m ? m.getPath() : List.of()),
              FieldError.Type.INVALID,
              "could not be read: " + scrub(firstLine(e))));
    }
    if (!problems.isEmpty() || store == null) {
      if (problems.isEmpty()) {
        problems.add(FieldError.of("", FieldError.Type.INVALID, "document could not be read"));
      }
      throw new BackupStoreReadException(
          BackupStoreReadException.Kind.INVALID, document.locate(problems));
    }
    return store;
  }

  /**
   * Strict reading's check that the document is a BackupStore at all: {@code apiVersion} {@value
   * BackupStore#API_VERSION}, {@code kind} {@value BackupStore#KIND} and a {@code spec}, each
   * reported at its own field (a wrong JSON type is reported by the schema check already).
   */
  private static void identity(JsonNode tree, List<FieldError> problems) {
    identityField(tree, "apiVersion", FieldRule.API_VERSION, problems);
    identityField(tree, "kind", FieldRule.KIND, problems);
    JsonNode spec = tree.get("spec");
    if (spec == null || spec.isNull()) {
      problems.add(
          FieldError.of(
              "spec", FieldError.Type.REQUIRED, "a BackupStore document must have a spec"));
    }
  }

  private static void identityField(
      JsonNode tree, String field, FieldRule rule, List<FieldError> problems) {
    JsonNode value = tree.get(field);
    if (value == null || value.isNull()) {
      problems.add(FieldError.required(field));
    } else if (value.isTextual()) {
      rule.check(value.asText()).ifPresent(e -> problems.add(e.under(field)));
    }
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
   * Quotes, besides what Jackson quotes, every string holding a character YAML reads as a line
   * break (NEL, LS, PS): in a plain scalar a reader folds them into spaces, while in a
   * double-quoted one SnakeYAML escapes them ({@code \N}, {@code \L}, {@code \P}) and they survive.
   */
  private static final class LineBreakQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value)
          || value.indexOf('\u0085') >= 0
          || value.indexOf('\u2028') >= 0
          || value.indexOf('\u2029') >= 0;
    }
  }

  /**
   * The store as a JSON tree.
   *
   * @param store the store
   * @return a new tree the caller may change
   */
  public JsonNode toTree(BackupStore store) {
    return databind().mapper().valueToTree(store);
  }

  /**
   * The store as compact JSON.
   *
   * @param store the store
   * @return the JSON text
   */
  public String writeJson(BackupStore store) {
    try {
      return databind().jsonWriter().writeValueAsString(store);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
    if (stores.isEmpty()) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (var seq = databind().yamlWriter().writeValues(out)) {
      for (BackupStore s : stores) {
        seq.write(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------------- helpers

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static FieldError typeProblem(MismatchedInputException e) {
    String path = Paths.of(e.getPath());
    Class<?> target = e.getTargetType();
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
      return FieldError.of(path, FieldError.Type.TYPE_INVALID, "must not be null");
    }
    return FieldError.of(path, FieldError.Type.TYPE_INVALID, "expected " + jsonType(target));
  }

  private static String jsonType(Class<?> target) {
    if (target == null) {
      return "another type";
    }
    if (target == String.class) {
      return "string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "boolean";
    }
    if (target == Long.class
        || target == long.class
        || target == Integer.class
        || target == int.class) {
      return "integer";
    }
    if (target == Instant.class) {
      return "RFC 3339 date-time string";
    }
    if (target.isEnum()) {
      return "string";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "list";
    }
    return "mapping";
  }

  private BackupStoreReadException unreadable(Exception e, Optional<String> sourceName) {
    SourceLocation at = SourceLocation.of(1, 1);
    String problem;
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      at =
          SourceLocation.of(
              yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
      problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem();
      if (yaml.getContext() != null) {
        problem = yaml.getContext() + ": " + problem;
      }
    } else if (e instanceof JsonProcessingException jpe) {
      if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
        at =
            SourceLocation.of(
                jpe.getLocation().getLineNr(), Math.max(1, jpe.getLocation().getColumnNr()));
      }
      problem = firstLine(e.getCause() instanceof org.yaml.snakeyaml.error.YAMLException y ? y : e);
      if (jpe.getOriginalMessage() != null
          && !(e.getCause() instanceof org.yaml.snakeyaml.error.YAMLException)) {
        problem = firstLine(jpe.getOriginalMessage());
      }
    } else {
      problem = firstLine(e);
    }
    return malformed("not valid " + "JSON or YAML: " + scrub(problem), located(at, sourceName));
  }

  private static SourceLocation located(SourceLocation at, Optional<String> sourceName) {
    return sourceName.map(at::inSource).orElse(at);
  }

  private static BackupStoreReadException malformed(String detail, SourceLocation at) {
    return new BackupStoreReadException(
        BackupStoreReadException.Kind.MALFORMED,
        List.of(FieldError.of("", FieldError.Type.INVALID, detail).at(at)));
  }

  private static String firstLine(Throwable e) {
    return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

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
    String clean = escapeControls(hideQueries(hideUserInfo(message)));
    return clean.length() <= MAX_PROBLEM_CHARS
        ? clean
        : clean.substring(0, MAX_PROBLEM_CHARS) + "...";
  }

  /**
   * Replaces everything from the start of user information to the last {@code @} by {@code ***}:
   * from just after the first {@code ://} before the last {@code @}, or, without one, from the
   * start of the word holding the first {@code @}. A password may hold spaces, quotes, {@code /} or
   * {@code #}, so no word or URL grammar can be trusted to find where it ends; the last {@code @}
   * can.
   */
  static String hideUserInfo(String message) {
    int last = message.lastIndexOf('@');
    if (last < 0) {
      return message;
    }
    int scheme = message.indexOf("://");
    int from;
    if (scheme >= 0 && scheme < last) {
      from = scheme + 3;
    } else {
      from = message.indexOf('@');
      while (from > 0 && !isWordBoundary(message.charAt(from - 1))) {
        from--;
      }
    }
    return message.substring(0, from) + "***" + message.substring(last);
  }

  /** Replaces the query or fragment of every URL in the text by {@code ***}. */
  static String hideQueries(String message) {
    StringBuilder out = new StringBuilder(message.length());
    int i = 0;
    while (i < message.length()) {
      int scheme = message.indexOf("://", i);
      if (scheme < 0) {
        break;
      }
      int end = scheme + 3;
      while (end < message.length() && !isWordBoundary(message.charAt(end))) {
        end++;
      }
      int cut = scheme + 3;
      while (cut < end && message.charAt(cut) != '?' && message.charAt(cut) != '#') {
        cut++;
      }
      out.append(message, i, cut);
      if (cut < end) {
        out.append(message.charAt(cut)).append("***");
      }
      i = end;
    }
    return out.append(message, i, message.length()).toString();
  }

  private static boolean isWordBoundary(char c) {
    return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '`';
  }

  private static String escapeControls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Skips unknown fields (strict mode finds them beforehand) and collects bad scalar values instead
   * of failing at the first.
   */
  private final class Problems extends DeserializationProblemHandler {
    private final List<FieldError> problems;

    Problems(List<FieldError> problems) {
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      p.skipChildren();
      return true;
    }

    @Override
    public @Nullable Object handleWeirdStringValue(
        DeserializationContext ctxt,
        Class<?> targetType,
        String valueToConvert,
        String failureMsg) {
      String path = Paths.of(ctxt.getParser().getParsingContext());
      if (targetType.isEnum()) {
        String allowed =
            Arrays.stream(targetType.getEnumConstants())
                .map(c -> "\"" + databind().mapper().convertValue(c, String.class) + "\"")
                .collect(Collectors.joining(", "));
        problems.add(
            FieldError.of(
                path,
                FieldError.Type.UNSUPPORTED,
                FieldRule.redactUserInfo(valueToConvert),
                "supported values: " + allowed));
      } else if (targetType == Instant.class) {
        problems.add(
            FieldError.of(
                path,
                FieldError.Type.INVALID,
                valueToConvert,
                "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
      } else {
        problems.add(
            FieldError.of(
                path,
                FieldError.Type.INVALID,
                FieldRule.redactUserInfo(valueToConvert),
                "cannot be read as " + jsonType(targetType)));
      }
      return null;
    }
  }
}
