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

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.model.validation.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The errors of reading a text that is not JSON or YAML, or breaks a read limit: each a {@link
 * BackupStoreReadException} of kind {@code MALFORMED} with one located, {@linkplain SecretScrubber
 * scrubbed} message, and the one-line form of a parser's message.
 */
final class ReadErrors {
  private ReadErrors() {}

  /** The error for a parser's failure: its message and location when the parser gives them. */
  static BackupStoreReadException unreadable(Exception e, Optional<String> sourceName) {
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
    return malformed(
        "not valid " + "JSON or YAML: " + SecretScrubber.scrub(problem), located(at, sourceName));
  }

  /** The location, in the named source when there is one. */
  static SourceLocation located(SourceLocation at, Optional<String> sourceName) {
    return sourceName.map(at::inSource).orElse(at);
  }

  /** A {@code MALFORMED} error with one problem at the given location. */
  static BackupStoreReadException malformed(String detail, SourceLocation at) {
    return new BackupStoreReadException(
        BackupStoreReadException.Kind.MALFORMED,
        List.of(FieldError.of("", FieldError.Type.INVALID, detail).at(at)));
  }

  /** The first line of the exception's message, or its class's simple name when it has none. */
  static String firstLine(Throwable e) {
    return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** The first line of the message. */
  static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
