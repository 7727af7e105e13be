package dev.lattice.backup.translate.bsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a JSON tree as block-style YAML, directly: a BSL has a fixed, shallow shape, and this is
 * several times faster than a general YAML emitter. A string is written plain only when YAML 1.1
 * and 1.2 both read it back as that same string; otherwise it is double-quoted with JSON escapes,
 * which YAML reads identically.
 */
final class YamlText {
  /**
   * Plain words that YAML 1.1 or 1.2 reads as booleans or null. (Numbers need not be listed: a
   * plain string here starts with a letter, {@code _} or {@code /}.)
   */
  private static final Set<String> RESERVED =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf");

  private YamlText() {}

  static void mapping(StringBuilder out, JsonNode node, int indent) {
    if (node.isEmpty()) {
      out.append(" ".repeat(indent)).append("{}\n");
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      out.append(" ".repeat(indent));
      scalar(out, field.getKey());
      JsonNode value = field.getValue();
      if (value.isObject() && !value.isEmpty()) {
        out.append(":\n");
        mapping(out, value, indent + 2);
      } else if (value.isArray() && !value.isEmpty()) {
        out.append(":\n");
        for (JsonNode item : value) {
          out.append(" ".repeat(indent)).append("- ");
          if (item.isObject() && !item.isEmpty()) {
            out.append("\n");
            mapping(out, item, indent + 4);
          } else {
            value(out, item);
            out.append('\n');
          }
        }
      } else {
        out.append(": ");
        value(out, value);
        out.append('\n');
      }
    }
  }

  private static void value(StringBuilder out, JsonNode value) {
    if (value.isTextual()) {
      scalar(out, value.asText());
    } else if (value.isObject()) {
      out.append("{}");
    } else if (value.isArray()) {
      out.append("[]");
    } else {
      out.append(value.toString());
    }
  }

  /** Matches {@code [A-Za-z_/][A-Za-z0-9._/-]*}. */
  private static boolean isPlain(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (!(isLetter(first) || first == '_' || first == '/')) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(isLetter(c)
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '/'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static void scalar(StringBuilder out, String text) {
    if (isPlain(text) && (text.length() > 5 || !RESERVED.contains(text.toLowerCase(Locale.ROOT)))) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20
              || c == 0x7f
              || (c >= 0x80 && c <= 0x9f)
              || c == 0x2028
              || c == 0x2029
              || c == 0xFEFF) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
