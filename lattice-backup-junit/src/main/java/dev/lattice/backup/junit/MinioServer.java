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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real MinIO server on loopback (GNU AGPL v3; built from its Go module by {@link VeleroBinaries},
 * run locally, never shipped), with one root access key and its data in a temporary directory, over
 * plain HTTP or over HTTPS with a certificate of a {@link TestCa}. Tests read what Velero wrote
 * through the S3 API (MinIO's directory does not hold plain files).
 *
 * <p>Velero reaches it under the host name a location names through a {@link ConnectProxy} ({@link
 * #routeThrough}): as {@code HTTP_PROXY} for {@code http://} endpoints, as {@code HTTPS_PROXY} for
 * {@code https://} ones.
 */
public final class MinioServer implements AutoCloseable {
  /** The root access key. */
  public static final String ACCESS_KEY = "latticeminioroot";

  /** The root secret key. */
  public static final String SECRET_KEY = "lattice-minio-s3cret-key";

  private final Process process;
  private final Path dir;
  private final int port;
  private final Optional<String> tlsHost;
  private final ConnectProxy ownProxy;
  private final S3Client s3;

  private MinioServer(
      Process process, Path dir, int port, Optional<String> tlsHost, Optional<TestCa> ca) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.tlsHost = tlsHost;
    this.ownProxy = ConnectProxy.start();
    tlsHost.ifPresent(h -> ownProxy.route(h, 443, port));
    this.s3 =
        new S3Client(
            tlsHost.map(h -> "https://" + h).orElse("http://127.0.0.1:" + port),
            ACCESS_KEY,
            SECRET_KEY,
            tlsHost.map(h -> ownProxy.port()),
            ca.map(TestCa::trustingContext));
  }

  /**
   * Builds MinIO if needed and starts it over plain HTTP.
   *
   * @return the running server; close it to stop it and delete its data
   * @throws ControlPlaneException when it cannot be built or started
   */
  public static MinioServer start() {
    return start(Optional.empty(), Optional.empty(), System.err);
  }

  /**
   * Builds MinIO if needed and starts it over HTTPS with a certificate for a host name, issued by a
   * test CA (its {@code --certs-dir} holds the certificate and key).
   *
   * @param ca the CA that issues the certificate, which clients must trust
   * @param host the host name clients use, such as {@code minio.minio-system.svc}
   * @return the running server; close it to stop it and delete its data
   */
  public static MinioServer startTls(TestCa ca, String host) {
    return start(Optional.of(ca), Optional.of(host), System.err);
  }

  private static MinioServer start(Optional<TestCa> ca, Optional<String> host, PrintStream log) {
    Path binary = StoreBinaries.minio(log);
    try {
      Path dir = Files.createTempDirectory("lattice-minio-");
      int port = Processes.freePort();
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.add("server");
      command.add(Files.createDirectories(dir.resolve("data")).toString());
      command.add("--address=127.0.0.1:" + port);
      command.add("--console-address=127.0.0.1:" + Processes.freePort());
      if (ca.isPresent()) {
        Path certs =
            ca.get()
                .issue(host.orElseThrow())
                .writePem(dir.resolve("certs"), "public.crt", "private.key");
        command.add("--certs-dir=" + certs);
      }
      Path logFile = dir.resolve("minio.log");
      ProcessBuilder pb = Processes.guarded(dir, command, logFile);
      pb.environment().put("MINIO_ROOT_USER", ACCESS_KEY);
      pb.environment().put("MINIO_ROOT_PASSWORD", SECRET_KEY);
      pb.environment().put("MINIO_BROWSER", "off");
      pb.environment().put("MINIO_UPDATE", "off");
      pb.environment().put("HOME", dir.toString());
      Process process = pb.start();
      MinioServer server =
          new MinioServer(process, dir, port, host.filter(h -> ca.isPresent()), ca);
      Processes.awaitReady(process, server::live, 200, server::close, "MinIO", logFile);
      log.println(
          "lattice-minio: MinIO on 127.0.0.1:"
              + port
              + (ca.isPresent() ? " over HTTPS for " + host.orElseThrow() : " over HTTP")
              + " (log: "
              + logFile
              + ")");
      return server;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start MinIO: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while MinIO started", e);
    }
  }

  private boolean live() {
    try {
      return s3.send("GET", "/minio/health/live", Map.of()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Routes a host and port through a proxy to this server: for HTTPS, the host must be the one its
   * certificate names ({@link #startTls}).
   *
   * @param proxy the proxy Velero is given
   * @param host the host a location's endpoint names
   * @param port the port it names
   */
  public void routeThrough(ConnectProxy proxy, String host, int port) {
    proxy.route(host, port, this.port);
  }

  int port() {
    return port;
  }

  /**
   * Whether the server speaks TLS.
   *
   * @return true when started by {@link #startTls}
   */
  public boolean tls() {
    return tlsHost.isPresent();
  }

  /**
   * An AWS shared credentials file's text with the root key (profile {@code default}), the format
   * Velero's AWS plugin reads.
   *
   * @return the file's text
   */
  public String credentialsFile() {
    return S3Client.credentialsFile(ACCESS_KEY, SECRET_KEY);
  }

  /**
   * Creates a bucket (nothing happens when this server already has it).
   *
   * @param bucket its name
   */
  public void createBucket(String bucket) {
    HttpResponse<byte[]> r = call("PUT", "/" + bucket, Map.of());
    if (r.statusCode() != 200 && !body(r).contains("BucketAlreadyOwnedByYou")) {
      throw new ControlPlaneException(
          "MinIO refused to create " + bucket + ": " + r.statusCode() + " " + body(r));
    }
  }

  /**
   * The keys of the objects in a bucket, in S3's order (at most 1000).
   *
   * @param bucket its name
   * @return the keys
   */
  public List<String> objects(String bucket) {
    HttpResponse<byte[]> r = call("GET", "/" + bucket, Map.of("list-type", "2"));
    if (r.statusCode() != 200 || body(r).contains("<IsTruncated>true</IsTruncated>")) {
      throw new ControlPlaneException(
          "MinIO's listing of " + bucket + ": " + r.statusCode() + " " + body(r));
    }
    List<String> keys = new ArrayList<>();
    Matcher m = Pattern.compile("<Key>([^<]*)</Key>").matcher(body(r));
    while (m.find()) {
      keys.add(m.group(1).replace("&amp;", "&"));
    }
    return keys;
  }

  /**
   * An object's content.
   *
   * @param bucket its bucket
   * @param key its key
   * @return the bytes
   */
  public byte[] object(String bucket, String key) {
    HttpResponse<byte[]> r = call("GET", "/" + bucket + "/" + key, Map.of());
    if (r.statusCode() != 200) {
      throw new ControlPlaneException("MinIO: GET " + key + ": " + r.statusCode() + " " + body(r));
    }
    return r.body();
  }

  /**
   * An object's ETag, which tells a multipart upload ({@code "<hash>-<parts>"}) from a single one.
   *
   * @param bucket its bucket
   * @param key its key
   * @return the ETag without quotes
   */
  public String etag(String bucket, String key) {
    HttpResponse<byte[]> r = call("HEAD", "/" + bucket + "/" + key, Map.of());
    if (r.statusCode() != 200) {
      throw new ControlPlaneException("MinIO: HEAD " + key + ": " + r.statusCode());
    }
    return r.headers().firstValue("ETag").orElse("").replace("\"", "");
  }

  private HttpResponse<byte[]> call(String method, String path, Map<String, String> query) {
    try {
      return s3.send(method, path, query);
    } catch (IOException e) {
      throw new ControlPlaneException("MinIO: " + method + " " + path + ": " + e.getMessage(), e);
    }
  }

  private static String body(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Stops MinIO and deletes its data. */
  @Override
  public void close() {
    Guard.stop(process);
    ownProxy.close();
    StaleRuns.delete(dir);
  }
}
