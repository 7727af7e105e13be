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
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * A minimal S3 client for tests: path-style requests signed with AWS Signature V4 (region {@code
 * us-east-1}, unsigned payloads of empty bodies only), over plain HTTP to a loopback port or over
 * HTTPS through a {@link ConnectProxy} under a server's host name, trusting a {@link TestCa}.
 */
final class S3Client {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final String base;
  private final String host;
  private final String accessKey;
  private final String secretKey;
  private final HttpClient http;

  /**
   * An AWS shared credentials file's text with one key (profile {@code default}), the format
   * Velero's AWS plugin reads.
   */
  static String credentialsFile(String accessKey, String secretKey) {
    return "[default]\naws_access_key_id="
        + accessKey
        + "\naws_secret_access_key="
        + secretKey
        + "\n";
  }

  /**
   * A client of {@code base} (such as {@code http://127.0.0.1:9000} or {@code
   * https://minio.test:443}), optionally through a proxy and trusting a context's CAs.
   */
  S3Client(
      String base,
      String accessKey,
      String secretKey,
      Optional<Integer> proxyPort,
      Optional<SSLContext> trust) {
    this.base = base;
    URI uri = URI.create(base);
    boolean defaultPort =
        uri.getPort() < 0
            || (uri.getScheme().equals("https") && uri.getPort() == 443)
            || (uri.getScheme().equals("http") && uri.getPort() == 80);
    this.host = defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    proxyPort.ifPresent(p -> b.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", p))));
    trust.ifPresent(b::sslContext);
    this.http = b.build();
  }

  /** Sends a request with an empty body; answers the response, whatever its status. */
  HttpResponse<byte[]> send(String method, String path, Map<String, String> query)
      throws IOException {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String amzDate = AMZ_DATE.format(now);
    String day = amzDate.substring(0, 8);
    StringBuilder canonicalQuery = new StringBuilder();
    new TreeMap<>(query)
        .forEach(
            (k, v) ->
                canonicalQuery
                    .append(canonicalQuery.length() == 0 ? "" : "&")
                    .append(encode(k))
                    .append('=')
                    .append(encode(v)));
    String canonicalPath = encodePath(path);
    String canonical =
        method
            + "\n"
            + canonicalPath
            + "\n"
            + canonicalQuery
            + "\nhost:"
            + host
            + "\nx-amz-content-sha256:"
            + EMPTY_SHA256
            + "\nx-amz-date:"
            + amzDate
            + "\n\nhost;x-amz-content-sha256;x-amz-date\n"
            + EMPTY_SHA256;
    String scope = day + "/us-east-1/s3/aws4_request";
    try {
      String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
      byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
      k = hmac(k, "us-east-1");
      k = hmac(k, "s3");
      k = hmac(k, "aws4_request");
      String signature = HexFormat.of().formatHex(hmac(k, toSign));
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + canonicalPath
                          + (canonicalQuery.length() == 0 ? "" : "?" + canonicalQuery)))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("x-amz-date", amzDate)
              .header("x-amz-content-sha256", EMPTY_SHA256)
              .header(
                  "Authorization",
                  "AWS4-HMAC-SHA256 Credential="
                      + accessKey
                      + "/"
                      + scope
                      + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="
                      + signature)
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0 || path.startsWith("/")) {
        out.append('/');
      }
      out.append(encode(segment));
    }
    String p = out.toString();
    return p.startsWith("//") ? p.substring(1) : p;
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256Hex(String s) throws GeneralSecurityException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
