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
package dev.lattice.backup.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns the command's PATH arguments into named texts: files, directories (recursively), stdin. */
final class Inputs {
  /** A text to read, with the name its errors are reported under. */
  record Input(String name, String text) {}

  private final InputStream stdin;
  private final int maxChars;

  Inputs(InputStream stdin, int maxChars) {
    this.stdin = stdin;
    this.maxChars = maxChars;
  }

  List<Input> read(List<String> paths) throws InputProblem {
    List<Input> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(new Input("<stdin>", decode("<stdin>", readLimited(stdin, "<stdin>"))));
        continue;
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        for (Path file : manifestsUnder(path)) {
          out.add(readFile(file));
        }
      } else if (Files.isRegularFile(path)) {
        out.add(readFile(path));
      } else {
        throw new InputProblem(p + ": no such file or directory");
      }
    }
    return out;
  }

  private List<Path> manifestsUnder(Path dir) throws InputProblem {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(Inputs::isManifest).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputProblem(dir + ": cannot list directory: " + e.getMessage());
    }
  }

  private static boolean isManifest(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private Input readFile(Path file) throws InputProblem {
    String name = file.toString();
    try {
      if (Files.size(file) > (long) maxChars * 4) {
        throw new InputProblem(
            name + ": file is larger than the limit of " + maxChars + " characters");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new Input(name, decode(name, readLimited(in, name)));
      }
    } catch (IOException e) {
      throw new InputProblem(name + ": cannot read: " + e.getMessage());
    }
  }

  private byte[] readLimited(InputStream in, String name) throws InputProblem {
    try {
      byte[] bytes = in.readNBytes(maxChars * 4 + 1);
      if (bytes.length > maxChars * 4) {
        throw new InputProblem(
            name + ": input is larger than the limit of " + maxChars + " characters");
      }
      return bytes;
    } catch (IOException e) {
      throw new InputProblem(name + ": cannot read: " + e.getMessage());
    }
  }

  private static String decode(String name, byte[] bytes) throws InputProblem {
    if (isAscii(bytes)) {
      // ASCII is valid UTF-8 that decodes byte for byte: the common case, without a decoder
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputProblem(name + ": not UTF-8 text");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
