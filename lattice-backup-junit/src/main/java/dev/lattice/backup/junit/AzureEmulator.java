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
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azure Blob Storage for Velero's Azure plugin, on loopback: <a
 * href="https://github.com/Azure/Azurite">Azurite</a> 3.35.0 (MIT licence; installed by {@code npm
 * ci} into the cache on first use, so it needs Node.js and npm) serving one storage account over
 * HTTPS under production host names ({@code <account>.blob.core.windows.net}), plus a stand-in for
 * Entra ID and Azure Resource Manager on {@code login.microsoftonline.com} and {@code
 * management.azure.com}, through which the plugin exchanges a service principal's secret for the
 * account's key. Azurite checks every request's shared-key signature.
 *
 * <p>Velero reaches all three names through a {@link ConnectProxy} ({@link #routeThrough}, then
 * {@code HTTPS_PROXY}) and trusts {@link #caCertificatePem()} (through {@code SSL_CERT_FILE}); the
 * location Velero validates is exactly what the library emits for a real Azure store.
 */
public final class AzureEmulator implements AutoCloseable {
  /** Azurite's version, as {@code src/main/azurite/package.json} pins it. */
  public static final String AZURITE_VERSION = "3.35.0";

  /** The service principal's secret the fake Entra ID accepts. */
  public static final String CLIENT_SECRET = "lattice-azure-client-s3cret";

  private static final String TENANT = "00000000-0000-4000-8000-00000000a2e0";
  private static final String CLIENT_ID = "00000000-0000-4000-8000-0000000c11e7";
  private static final String SUBSCRIPTION = "00000000-0000-4000-8000-000000005ab5";
  private static final String RESOURCE_GROUP = "lattice-backup-rg";
  private static final String BLOB_SUFFIX = ".blob.core.windows.net";

  private final String account;
  private final String key;
  private final Process process;
  private final Path dir;
  private final int port;
  private final TestCa ca;
  private final FakeEntraArm entraArm;
  private final ConnectProxy ownProxy;
  private final HttpClient http;

  private AzureEmulator(
      String account,
      String key,
      Process process,
      Path dir,
      int port,
      TestCa ca,
      FakeEntraArm entraArm) {
    this.account = account;
    this.key = key;
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.ca = ca;
    this.entraArm = entraArm;
    this.ownProxy = ConnectProxy.start();
    routeThrough(ownProxy);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", ownProxy.port())))
            .sslContext(ca.trustingContext())
            .build();
  }

  /**
   * Installs Azurite if needed and starts it with one storage account and a fresh random key.
   *
   * @param storageAccount the account's name, such as {@code latticearchive}
   * @return the running emulator; close it to stop it and delete its data
   * @throws ControlPlaneException when Node.js or npm is missing or Azurite does not start
   */
  public static AzureEmulator start(String storageAccount) {
    return start(storageAccount, System.err);
  }

  static AzureEmulator start(String storageAccount, PrintStream log) {
    if (!storageAccount.matches("[a-z0-9]{3,24}")) {
      throw new IllegalArgumentException("not a storage account name: " + storageAccount);
    }
    Path main = NodePrograms.azurite(log);
    FakeEntraArm fake = null;
    try {
      Path dir = Files.createTempDirectory("lattice-azurite-");
      TestCa ca = TestCa.create("lattice-public-test-ca");
      ca.issue("*" + BLOB_SUFFIX).writePem(dir.resolve("tls"), "blob.crt", "blob.key");
      String key = randomKey();
      fake =
          new FakeEntraArm(
              ca.issue(FakeEntraArm.LOGIN, FakeEntraArm.ARM),
              TENANT,
              CLIENT_ID,
              CLIENT_SECRET,
              SUBSCRIPTION,
              RESOURCE_GROUP,
              storageAccount,
              key);
      int port = Processes.freePort();
      Path logFile = dir.resolve("azurite.log");
      List<String> command =
          List.of(
              NodePrograms.onPath("node").toString(),
              main.toString(),
              "--blobHost",
              "127.0.0.1",
              "--blobPort",
              Integer.toString(port),
              "--location",
              Files.createDirectories(dir.resolve("data")).toString(),
              "--cert",
              dir.resolve("tls/blob.crt").toString(),
              "--key",
              dir.resolve("tls/blob.key").toString(),
              "--disableTelemetry");
      ProcessBuilder pb = Processes.guarded(dir, command, logFile);
      pb.environment().put("AZURITE_ACCOUNTS", storageAccount + ":" + key);
      Process process = pb.start();
      Processes.awaitReady(
          process,
          () -> Processes.accepts(port),
          100,
          () -> Guard.stop(process),
          "Azurite",
          logFile);
      AzureEmulator emulator = new AzureEmulator(storageAccount, key, process, dir, port, ca, fake);
      log.println(
          "lattice-azure-emulator: Azurite "
              + AZURITE_VERSION
              + " for https://"
              + storageAccount
              + BLOB_SUFFIX
              + " on 127.0.0.1:"
              + port
              + " (log: "
              + logFile
              + ")");
      return emulator;
    } catch (IOException e) {
      if (fake != null) {
        fake.close();
      }
      throw new ControlPlaneException("cannot start Azurite: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while Azurite started", e);
    }
  }

  private static String randomKey() {
    byte[] raw = new byte[64];
    new java.security.SecureRandom().nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /**
   * Routes the three host names (the account's blob host, Entra ID's and ARM's) through a proxy to
   * this emulator's loopback ports.
   *
   * @param proxy the proxy Velero is given as {@code HTTPS_PROXY}
   */
  public void routeThrough(ConnectProxy proxy) {
    proxy.route("*" + BLOB_SUFFIX, 443, port);
    proxy.route(FakeEntraArm.LOGIN, 443, entraArm.port());
    proxy.route(FakeEntraArm.ARM, 443, entraArm.port());
  }

  /**
   * The certificate of the CA that issued all three servers' certificates; give it to Velero as
   * {@code SSL_CERT_FILE} (it then trusts only this CA, which is all it needs here).
   *
   * @return one PEM certificate
   */
  public String caCertificatePem() {
    return ca.certificatePem();
  }

  /**
   * A credentials file for Velero's Azure plugin, in its dotenv form: a service principal (tenant,
   * client, secret), the subscription and resource group holding the account, and the public cloud.
   *
   * @param clientSecret the secret to put in it; {@link #CLIENT_SECRET} is the right one
   * @return the file's text
   */
  public String credentialsFile(String clientSecret) {
    return "AZURE_SUBSCRIPTION_ID="
        + SUBSCRIPTION
        + "\nAZURE_RESOURCE_GROUP="
        + RESOURCE_GROUP
        + "\nAZURE_TENANT_ID="
        + TENANT
        + "\nAZURE_CLIENT_ID="
        + CLIENT_ID
        + "\nAZURE_CLIENT_SECRET="
        + clientSecret
        + "\nAZURE_CLOUD_NAME=AzurePublicCloud\n";
  }

  /**
   * The storage account's key, which Azurite checks signatures against.
   *
   * @return a base64 key
   */
  public String accountKey() {
    return key;
  }

  /**
   * Makes the fake Resource Manager hand out a key other than Azurite's (or the right one again),
   * as after a key rotation that the credentials did not see.
   *
   * @param stale whether the key handed out is wrong
   */
  public void handOutStaleKey(boolean stale) {
    entraArm.handOut(stale ? randomKey() : key);
  }

  /**
   * Creates a container (nothing happens when it exists).
   *
   * @param container its name
   */
  public void createContainer(String container) {
    HttpResponse<String> r = send("PUT", "/" + container, Map.of("restype", "container"));
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new ControlPlaneException(
          "Azurite refused to create " + container + ": " + r.statusCode() + " " + r.body());
    }
  }

  /**
   * The names of all blobs in a container, in Azurite's (lexical) order.
   *
   * @param container its name
   * @return the names; empty when the container is empty
   */
  public List<String> blobs(String container) {
    HttpResponse<String> r =
        send(
            "GET",
            "/" + container,
            Map.of("restype", "container", "comp", "list", "maxresults", "5000"));
    if (r.statusCode() != 200) {
      throw new ControlPlaneException(
          "Azurite refused to list " + container + ": " + r.statusCode() + " " + r.body());
    }
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("<Blob><Name>([^<]*)</Name>").matcher(r.body());
    while (m.find()) {
      names.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
    }
    return names;
  }

  /** A request signed with the account's shared key, sent through the own proxy like Velero's. */
  private HttpResponse<String> send(String method, String path, Map<String, String> query) {
    Map<String, String> sorted = new TreeMap<>(query);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String version = "2025-11-05";
    StringBuilder resource = new StringBuilder("/" + account + path);
    StringBuilder q = new StringBuilder();
    sorted.forEach(
        (k, v) -> {
          resource.append('\n').append(k).append(':').append(v);
          q.append(q.length() == 0 ? "?" : "&")
              .append(k)
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    String toSign =
        method
            + "\n\n\n\n\n\n\n\n\n\n\n\n"
            + "x-ms-date:"
            + date
            + "\nx-ms-version:"
            + version
            + "\n"
            + resource;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
      String signature =
          Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("https://" + account + BLOB_SUFFIX + path + q))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("x-ms-date", date)
              .header("x-ms-version", version)
              .header("Authorization", "SharedKey " + account + ":" + signature)
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlPlaneException("Azurite: " + method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while talking to Azurite", e);
    }
  }

  /** Stops Azurite and the fake Entra ID and ARM, and deletes Azurite's data. */
  @Override
  public void close() {
    Guard.stop(process);
    entraArm.close();
    ownProxy.close();
    StaleRuns.delete(dir);
  }
}
