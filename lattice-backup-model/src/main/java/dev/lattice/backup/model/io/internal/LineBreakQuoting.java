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

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes, besides what Jackson quotes, every string holding a character YAML reads as a line break
 * (NEL, LS, PS): in a plain scalar a reader folds them into spaces, while in a double-quoted one
 * SnakeYAML escapes them ({@code \N}, {@code \L}, {@code \P}) and they survive.
 */
final class LineBreakQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value)
        || value.indexOf('\u0085') >= 0
        || value.indexOf('\u2028') >= 0
        || value.indexOf('\u2029') >= 0;
  }
}
