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
package dev.lattice.backup.translate.bsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lattice.backup.model.ObjectMetadata;
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

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private YamlText() {}

  /**
   * Writes a location of the usual shape (what the translator makes: a name, a namespace, labels
   * and annotations, no other metadata; no empty strings) directly from the record, exactly as
   * {@link #mapping} writes its tree; returns false, having written nothing, for any other
   * location.
   */
  static boolean location(StringBuilder out, BackupStorageLocation bsl) {
    ObjectMetadata meta = bsl.metadata();
    BslSpec spec = bsl.spec();
    String name = meta.name();
    if (name == null
        || name.isEmpty()
        || meta.namespace().filter(String::isEmpty).isPresent()
        || meta.uid().isPresent()
        || meta.generation().isPresent()
        || meta.resourceVersion().isPresent()
        || meta.creationTimestamp().isPresent()
        || meta.deletionTimestamp().isPresent()
        || !meta.finalizers().isEmpty()
        || spec.provider().isEmpty()
        || spec.objectStorage().bucket().isEmpty()
        || spec.objectStorage().prefix().filter(String::isEmpty).isPresent()
        || spec.credential().filter(c -> c.name().isEmpty() || c.key().isEmpty()).isPresent()
        || spec.objectStorage()
            .caCertRef()
            .filter(c -> c.name().isEmpty() || c.key().isEmpty())
            .isPresent()) {
      return false;
    }
    int start = out.length();
    out.append("apiVersion: ")
        .append(BackupStorageLocation.API_VERSION)
        .append("\nkind: ")
        .append(BackupStorageLocation.KIND)
        .append("\nmetadata:\n  name: ");
    scalar(out, name);
    out.append('\n');
    if (meta.namespace().isPresent()) {
      out.append("  namespace: ");
      scalar(out, meta.namespace().get());
      out.append('\n');
    }
    boolean complete =
        stringMap(out, "  labels:\n", meta.labels())
            && stringMap(out, "  annotations:\n", meta.annotations());
    if (complete) {
      out.append("spec:\n  provider: ");
      scalar(out, spec.provider());
      out.append("\n  objectStorage:\n    bucket: ");
      scalar(out, spec.objectStorage().bucket());
      out.append('\n');
      if (spec.objectStorage().prefix().isPresent()) {
        out.append("    prefix: ");
        scalar(out, spec.objectStorage().prefix().get());
        out.append('\n');
      }
      if (spec.objectStorage().caCertRef().isPresent()) {
        SecretKeyRef ref = spec.objectStorage().caCertRef().get();
        out.append("    caCertRef:\n      name: ");
        scalar(out, ref.name());
        out.append("\n      key: ");
        scalar(out, ref.key());
        out.append('\n');
      }
      complete = stringMap(out, "  config:\n", spec.config());
    }
    if (!complete) {
      out.setLength(start); // an empty map value: the tree leaves it out; let the tree be written
      return false;
    }
    if (spec.credential().isPresent()) {
      SecretKeyRef ref = spec.credential().get();
      out.append("  credential:\n    name: ");
      scalar(out, ref.name());
      out.append("\n    key: ");
      scalar(out, ref.key());
      out.append('\n');
    }
    out.append("  default: ").append(spec.isDefault()).append('\n');
    return true;
  }

  /**
   * A map's entries, indented four spaces, in its own (sorted) order; nothing for an empty map.
   * Returns false at the first empty (or null) value: the JSON tree leaves such entries out, and
   * {@link #location} then gives way to it.
   */
  private static boolean stringMap(StringBuilder out, String header, Map<String, String> map) {
    if (map.isEmpty()) {
      return true;
    }
    out.append(header);
    for (Map.Entry<String, String> e : map.entrySet()) {
      String value = e.getValue();
      if (value == null || value.isEmpty()) {
        return false;
      }
      out.append("    ");
      scalar(out, e.getKey());
      out.append(": ");
      scalar(out, value);
      out.append('\n');
    }
    return true;
  }

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
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append(HEX[(c >> shift) & 0xf]);
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
