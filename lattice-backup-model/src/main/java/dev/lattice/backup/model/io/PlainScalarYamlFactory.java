package dev.lattice.backup.model.io;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Jackson's YAML factory, with one shortcut in the parsers it makes: a scalar that SnakeYAML's
 * resolver can only call a string is answered as a string without running the resolver's regular
 * expressions. The resolver picks its candidate expressions by the scalar's first character (and
 * tries a few on every short scalar: the spellings of null); a quoted scalar, or a plain one whose
 * first character has no candidates, resolves to a string whatever follows. Every other scalar (and
 * every tagged or empty one) goes the usual way, so the tokens are the same as the stock parser's —
 * a property test compares the two on random text.
 */
final class PlainScalarYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /**
   * First characters for which the resolver has candidate expressions (and the space); null when
   * the resolver's expressions for every scalar are not the known ones, which turns the shortcut
   * off.
   */
  private static final @Nullable Set<Character> RESOLVED_FIRST_CHARACTERS = resolvedFirstChars();

  /** What SnakeYAML 2.x lists for every scalar: null's spellings and the empty scalar. */
  static final String KNOWN_FOR_EVERY_SCALAR =
      "[Tuple tag=tag:yaml.org,2002:null regexp=^(?:~|null|Null|NULL| )$ limit=10,"
          + " Tuple tag=tag:yaml.org,2002:null regexp=^$ limit=10]";

  PlainScalarYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private PlainScalarYamlFactory(PlainScalarYamlFactory source) {
    super(source, null);
  }

  @Override
  public YAMLFactory copy() {
    return new PlainScalarYamlFactory(this);
  }

  @Override
  protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
    return new Parser(
        context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
  }

  @Override
  protected YAMLParser _createParser(
      char[] data, int offset, int length, IOContext context, boolean recyclable)
      throws IOException {
    return _createParser(new java.io.CharArrayReader(data, offset, length), context);
  }

  /**
   * Whether SnakeYAML's resolver can only resolve this scalar to a string.
   *
   * @param value the scalar's text
   * @param plain whether it is a plain (unquoted) scalar
   * @return true when it is certainly a string
   */
  static boolean certainlyString(String value, boolean plain) {
    if (value.isEmpty()) {
      return false;
    }
    if (!plain) {
      return true;
    }
    Set<Character> resolved = RESOLVED_FIRST_CHARACTERS;
    return resolved != null && !resolved.contains(value.charAt(0));
  }

  private static @Nullable Set<Character> resolvedFirstChars() {
    Table table = new Table();
    // Expressions tried on every scalar whatever its first character: the shortcut is on only
    // for the table analysed here (SnakeYAML 2.x), whose such expressions match nothing but "",
    // " ", "~" and the spellings of null; "~" and "n"/"N" have candidates of their own, and a
    // plain scalar never begins with a space (excluded below all the same).
    List<?> forEvery = table.forEveryScalar();
    boolean known = forEvery == null || KNOWN_FOR_EVERY_SCALAR.equals(forEvery.toString());
    if (!known) {
      return null;
    }
    Set<Character> out = new HashSet<>(table.firstCharacters());
    out.add(' ');
    return Set.copyOf(out);
  }

  /** The resolver's table of candidate expressions by first character. */
  private static final class Table extends Resolver {
    Set<Character> firstCharacters() {
      Set<Character> out = new HashSet<>();
      for (Character c : yamlImplicitResolvers.keySet()) {
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }

    @Nullable List<?> forEveryScalar() {
      return yamlImplicitResolvers.get(null);
    }
  }

  /** Jackson's YAML parser with the shortcut. */
  private static final class Parser extends YAMLParser {
    Parser(
        IOContext context,
        int parserFeatures,
        int yamlFeatures,
        LoaderOptions loaderOptions,
        @Nullable ObjectCodec codec,
        Reader reader) {
      super(context, parserFeatures, yamlFeatures, loaderOptions, codec, reader);
    }

    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
      String value = scalar.getValue();
      if (scalar.getTag() == null
          && certainlyString(value, scalar.getImplicit().canOmitTagInPlainScalar())) {
        _textValue = value;
        _cleanedTextValue = null;
        return JsonToken.VALUE_STRING;
      }
      return super._decodeScalar(scalar);
    }
  }
}
