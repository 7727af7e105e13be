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
package dev.lattice.backup.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The API server's audit log (JSON lines, level Metadata, stage ResponseComplete): the ground truth
 * of which requests a client made, with what result. Take a {@link #mark()}, act, then read the
 * {@link #since(long) events since} it.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  /**
   * The current end of the log, to read from later.
   *
   * @return a position in the log
   */
  public long mark() {
    settle();
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The log's text after the mark, every field of every event as the server wrote it (the parsed
   * {@link AuditEvent}s leave out, for example, the response status and its message): to check what
   * the server recorded, such as that no secret reached the log.
   *
   * @param mark a position from {@link #mark()}
   * @return the JSON lines written since, complete lines only
   */
  public String textSince(long mark) {
    settle();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(mark);
      byte[] rest = new byte[(int) (in.length() - mark)];
      in.readFully(rest);
      String text = new String(rest, StandardCharsets.UTF_8);
      return text.substring(0, text.lastIndexOf('\n') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every completed request logged after the mark.
   *
   * @param mark a position from {@link #mark()}
   * @return the events, in the order the server completed them
   */
  public List<AuditEvent> since(long mark) {
    List<AuditEvent> out = new ArrayList<>();
    try {
      for (String line : (Iterable<String>) textSince(mark).lines()::iterator) {
        if (!line.isBlank()) {
          parse(JSON.readTree(line)).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The events after the mark made by one user.
   *
   * @param mark a position from {@link #mark()}
   * @param user the user name
   * @return that user's events
   */
  public List<AuditEvent> since(long mark, String user) {
    return since(mark).stream().filter(byUser(user)).toList();
  }

  /**
   * A filter on the user name.
   *
   * @param user the user name
   * @return the predicate
   */
  public static Predicate<AuditEvent> byUser(String user) {
    return e -> e.user().equals(user);
  }

  /**
   * The user name of a ServiceAccount, as the API server authenticates its tokens.
   *
   * @param namespace the ServiceAccount's namespace
   * @param name its name
   * @return {@code system:serviceaccount:<namespace>:<name>}
   */
  public static String serviceAccountUser(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  /**
   * Waits until the log stops growing for a moment: the server writes an event as the response
   * completes, which a client may see a little earlier.
   */
  private void settle() {
    try {
      long last = -1;
      for (int i = 0; i < 50; i++) {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size == last) {
          return;
        }
        last = size;
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Optional<AuditEvent> parse(JsonNode e) {
    if (!"ResponseComplete".equals(e.path("stage").asText())) {
      return Optional.empty();
    }
    JsonNode ref = e.path("objectRef");
    String decision = e.path("annotations").path("authorization.k8s.io/decision").asText("");
    return Optional.of(
        new AuditEvent(
            e.path("user").path("username").asText(""),
            e.path("userAgent").asText(""),
            e.path("verb").asText(""),
            ref.path("apiGroup").asText(""),
            ref.path("resource").asText(""),
            ref.path("subresource").asText(""),
            ref.path("namespace").asText(""),
            ref.path("name").asText(""),
            e.path("responseStatus").path("code").asInt(0),
            decision.isEmpty() ? Optional.empty() : Optional.of(decision),
            e.path("requestURI").asText("")));
  }
}
