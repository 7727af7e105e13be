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

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.lattice.backup.model.validation.internal.Endpoint;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Field paths in the API server's spelling: {@code spec.storage.s3.bucket}, {@code a[0]}, {@code
 * labels[app.kubernetes.io/name]}.
 */
final class Paths {
  private Paths() {}

  /**
   * The path of a key below a parent. A key that is no identifier goes in brackets, {@linkplain
   * Endpoint#redact(String) redacted}: a key is text from the document, and a misplaced URL with a
   * password is no less secret as a key.
   */
  static String child(String parent, String key) {
    if (isIdentifier(key)) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[" + Endpoint.redact(key) + "]";
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** The path's parent, or null at the root. */
  static @Nullable String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      return open <= 0 ? "" : path.substring(0, open);
    }
    int dot = path.lastIndexOf('.');
    int close = path.lastIndexOf(']');
    if (dot > close) {
      return path.substring(0, dot);
    }
    return close < 0 ? "" : path.substring(0, close + 1);
  }

  /** The path of the value a parser stands at. */
  static String of(@Nullable JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return "";
    }
    String parent = of(context.getParent());
    if (context.inArray()) {
      return index(parent, Math.max(context.getCurrentIndex(), 0));
    }
    String name = context.getCurrentName();
    return name == null ? parent : child(parent, name);
  }

  /** The path of a mapping exception's references. */
  static String of(List<JsonMappingException.Reference> references) {
    String path = "";
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        path = child(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path = index(path, ref.getIndex());
      }
    }
    return path;
  }

  private static boolean isIdentifier(String key) {
    if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
