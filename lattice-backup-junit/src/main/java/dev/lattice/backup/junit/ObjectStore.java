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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A real S3-compatible object store on loopback: <a
 * href="https://github.com/gaul/s3proxy">S3Proxy</a> (Apache License 2.0) over jclouds' filesystem
 * blob store, in a process of its own, checking AWS signatures (V2 and V4) against one access key.
 * Buckets are directories and objects files under {@link #directory()}, so a test creates a bucket
 * or looks at what Velero wrote without an S3 client.
 *
 * <p>What it does not emulate: versioning, object lock, server-side encryption and regions (any
 * region is accepted); only path-style addressing on {@code 127.0.0.1}.
 *
 * <p>The S3Proxy jar (Maven Central {@code org.gaul:s3proxy}, classifier {@code
 * jar-with-dependencies}) is given by the caller; this project's build copies it into {@code
 * target/s3proxy/s3proxy.jar} and names it in the system property {@value #JAR_PROPERTY}.
 */
public final class ObjectStore implements AutoCloseable {
  /** The system property naming the S3Proxy jar. */
  public static final String JAR_PROPERTY = "lattice.s3proxy.jar";

  /** The access key the store accepts. */
  public static final String ACCESS_KEY = "LATTICEACCESSKEY";

  /** The secret key the store accepts. */
  public static final String SECRET_KEY = "lattice-secret-key-for-tests";

  private final Process process;
  private final Path dir;
  private final Path data;
  private final int port;

  private ObjectStore(Process process, Path dir, Path data, int port) {
    this.process = process;
    this.dir = dir;
    this.data = data;
    this.port = port;
  }

  /**
   * Starts an object store from the jar named by the system property {@value #JAR_PROPERTY}.
   *
   * @return the running store; close it to stop it and delete its data
   * @throws ControlPlaneException when the property is unset or the store does not start
   */
  public static ObjectStore start() {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || jar.isBlank()) {
      throw new ControlPlaneException(
          "the system property "
              + JAR_PROPERTY
              + " does not name the S3Proxy jar (org.gaul:s3proxy, classifier"
              + " jar-with-dependencies)");
    }
    return start(Path.of(jar), System.err);
  }

  /**
   * Starts an object store from an S3Proxy jar.
   *
   * @param s3proxyJar the jar with dependencies
   * @param log where progress goes
   * @return the running store
   */
  static ObjectStore start(Path s3proxyJar, PrintStream log) {
    if (!Files.isRegularFile(s3proxyJar)) {
      throw new ControlPlaneException("no S3Proxy jar at " + s3proxyJar);
    }
    try {
      Path dir = Files.createTempDirectory("lattice-object-store-");
      Path data = Files.createDirectories(dir.resolve("data"));
      int port = Processes.freePort();
      Path properties = dir.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + data,
              "jclouds.identity=unused",
              "jclouds.credential=unused",
              ""),
          StandardCharsets.UTF_8);
      Path logFile = dir.resolve("s3proxy.log");
      List<String> java =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx256m",
              "-jar",
              s3proxyJar.toString(),
              "--properties",
              properties.toString());
      Process process = Processes.guarded(dir, java, logFile).start();
      ObjectStore store = new ObjectStore(process, dir, data, port);
      Processes.awaitReady(
          process, () -> Processes.accepts(port), 100, store::close, "S3Proxy", logFile);
      log.println(
          "lattice-object-store: S3Proxy at " + store.endpoint() + " (log: " + logFile + ")");
      return store;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start S3Proxy: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while S3Proxy started", e);
    }
  }

  /**
   * The endpoint, for a BSL's {@code s3Url}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * An AWS shared credentials file's text with the key the store accepts (profile {@code default}),
   * the format Velero's AWS plugin reads.
   *
   * @return the file's text
   */
  public String credentialsFile() {
    return S3Client.credentialsFile(ACCESS_KEY, SECRET_KEY);
  }

  /**
   * Creates a bucket.
   *
   * @param name a bucket name
   */
  public void createBucket(String name) {
    try {
      Files.createDirectories(bucket(name));
    } catch (IOException e) {
      throw new ControlPlaneException("cannot create bucket " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a bucket and everything in it.
   *
   * @param name a bucket name
   */
  public void deleteBucket(String name) {
    StaleRuns.delete(bucket(name));
  }

  /**
   * The keys of the objects in a bucket, sorted.
   *
   * @param name a bucket name
   * @return the keys; empty when the bucket is empty or missing
   */
  public List<String> objects(String name) {
    Path bucket = bucket(name);
    if (!Files.isDirectory(bucket)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> all = Files.walk(bucket)) {
      all.filter(Files::isRegularFile)
          .forEach(f -> keys.add(bucket.relativize(f).toString().replace('\\', '/')));
    } catch (IOException e) {
      throw new ControlPlaneException("cannot list bucket " + name + ": " + e.getMessage(), e);
    }
    keys.sort(null);
    return keys;
  }

  private Path bucket(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a bucket name: " + name);
    }
    return data.resolve(name);
  }

  /**
   * Where the buckets live.
   *
   * @return the directory
   */
  public Path directory() {
    return data;
  }

  /** Stops S3Proxy and deletes its data. */
  @Override
  public void close() {
    Guard.stop(process);
    StaleRuns.delete(dir);
  }
}
