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
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Google Cloud Storage emulator on loopback: fake-gcs-server (MIT licence), built from its Go
 * module like the control plane, over plain HTTP with a filesystem backend, in its own process.
 * Velero's GCP plugin reaches it through {@code STORAGE_EMULATOR_HOST} ({@link
 * Velero.Builder#gcsEmulator}); the GCS client then sends no credentials, so the emulator checks
 * none.
 */
public final class GcsEmulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private GcsEmulator(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Builds fake-gcs-server if needed and starts it.
   *
   * @return the running emulator; close it to stop it and delete its data
   * @throws ControlPlaneException when it cannot be built or started
   */
  public static GcsEmulator start() {
    return start(System.err);
  }

  static GcsEmulator start(PrintStream log) {
    Path binary = VeleroBinaries.fakeGcsServer(log);
    try {
      Path dir = Files.createTempDirectory("lattice-gcs-emulator-");
      Path root = Files.createDirectories(dir.resolve("root"));
      int port = Processes.freePort();
      Path logFile = dir.resolve("fake-gcs-server.log");
      List<String> command =
          List.of(
              binary.toString(),
              "-scheme=http",
              "-host=127.0.0.1",
              "-port=" + port,
              "-public-host=127.0.0.1:" + port,
              "-external-url=http://127.0.0.1:" + port,
              "-backend=filesystem",
              "-filesystem-root=" + root,
              "-log-level=warn");
      Process process = Processes.guarded(dir, command, logFile).start();
      GcsEmulator emulator = new GcsEmulator(process, dir, port);
      Processes.awaitReady(
          process, emulator::answers, 100, emulator::close, "fake-gcs-server", logFile);
      log.println("lattice-gcs-emulator: fake-gcs-server at " + emulator.endpoint());
      return emulator;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start fake-gcs-server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while fake-gcs-server started", e);
    }
  }

  private boolean answers() {
    try {
      return send("GET", "/storage/v1/b", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<String> send(String method, String path, @Nullable String body)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * The emulator's URL, the value of {@code STORAGE_EMULATOR_HOST}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Creates a bucket.
   *
   * @param name a bucket name
   */
  public void createBucket(String name) {
    try {
      HttpResponse<String> r =
          send(
              "POST",
              "/storage/v1/b?project=lattice-test",
              JSON.writeValueAsString(java.util.Map.of("name", name)));
      if (r.statusCode() != 200) {
        throw new ControlPlaneException(
            "fake-gcs-server refused bucket " + name + ": " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new ControlPlaneException("cannot create bucket " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The names of the objects in a bucket.
   *
   * @param bucket a bucket name
   * @return the names, in the emulator's order (lexicographic)
   */
  public List<String> objects(String bucket) {
    try {
      HttpResponse<String> r = send("GET", "/storage/v1/b/" + bucket + "/o", null);
      if (r.statusCode() == 404) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (JsonNode item : JSON.readTree(r.body()).path("items")) {
        names.add(item.path("name").asText());
      }
      return names;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot list bucket " + bucket + ": " + e.getMessage(), e);
    }
  }

  /** Stops fake-gcs-server and deletes its data. */
  @Override
  public void close() {
    Guard.stop(process);
    StaleRuns.delete(dir);
  }
}
