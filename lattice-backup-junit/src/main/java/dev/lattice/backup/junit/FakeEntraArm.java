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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Microsoft Entra ID's token endpoint and for Azure Resource Manager's storage
 * account API, on one loopback HTTPS port (the host names told apart by the Host header), enough
 * for Velero's Azure plugin to exchange a service principal's secret for a token and the token for
 * the storage account's key:
 *
 * <ul>
 *   <li>{@code login.microsoftonline.com}: the tenant's OpenID configuration, instance discovery,
 *       and {@code POST /<tenant>/oauth2/v2.0/token} (client credentials), answering {@code 401
 *       invalid_client} to any client or secret but the one it knows;
 *   <li>{@code management.azure.com}: {@code POST …/storageAccounts/<account>/listKeys} with a
 *       token it issued, answering the key it is told to hand out; {@code GET} of the account is
 *       404, so the plugin uses the account's default blob URL (a partial 200 would crash it).
 * </ul>
 */
final class FakeEntraArm implements AutoCloseable {
  static final String LOGIN = "login.microsoftonline.com";
  static final String ARM = "management.azure.com";

  private final HttpsServer server;
  private final String tenant;
  private final String clientId;
  private final String clientSecret;
  private final String subscription;
  private final String resourceGroup;
  private final String account;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private volatile String key;

  FakeEntraArm(
      TestCa.Leaf leaf,
      String tenant,
      String clientId,
      String clientSecret,
      String subscription,
      String resourceGroup,
      String account,
      String key)
      throws IOException {
    this.tenant = tenant;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.subscription = subscription;
    this.resourceGroup = resourceGroup;
    this.account = account;
    this.key = key;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(leaf.sslContext()));
    server.setExecutor(Executors.newFixedThreadPool(4, r -> daemon(r)));
    server.createContext("/", this::handle);
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "lattice-fake-entra-arm");
    t.setDaemon(true);
    return t;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The key ARM's listKeys hands out from now on. */
  void handOut(String key) {
    this.key = key;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String host = String.valueOf(ex.getRequestHeaders().getFirst("Host")).replaceFirst(":.*", "");
      byte[] body = ex.getRequestBody().readAllBytes();
      if (host.equals(LOGIN)) {
        login(ex, new String(body, StandardCharsets.UTF_8));
      } else if (host.equals(ARM)) {
        arm(ex);
      } else {
        send(ex, 404, "{\"error\":\"unknown host " + host + "\"}");
      }
    }
  }

  private void login(HttpExchange ex, String body) throws IOException {
    String path = ex.getRequestURI().getPath();
    String base = "https://" + LOGIN + "/" + tenant;
    if (path.equals("/" + tenant + "/v2.0/.well-known/openid-configuration")) {
      send(
          ex,
          200,
          "{\"authorization_endpoint\":\""
              + base
              + "/oauth2/v2.0/authorize\",\"token_endpoint\":\""
              + base
              + "/oauth2/v2.0/token\",\"issuer\":\""
              + base
              + "/v2.0\"}");
    } else if (path.equals("/common/discovery/instance")) {
      send(
          ex,
          200,
          "{\"tenant_discovery_endpoint\":\""
              + base
              + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\",\"metadata\":"
              + "[{\"preferred_network\":\""
              + LOGIN
              + "\",\"preferred_cache\":\""
              + LOGIN
              + "\",\"aliases\":[\""
              + LOGIN
              + "\"]}]}");
    } else if (path.equals("/" + tenant + "/oauth2/v2.0/token")
        && ex.getRequestMethod().equals("POST")) {
      Map<String, String> form = form(body);
      if (!clientId.equals(form.get("client_id"))
          || !clientSecret.equals(form.get("client_secret"))
          || !"client_credentials".equals(form.get("grant_type"))) {
        // Entra ID's shape of a refused client; the text is ours.
        send(
            ex,
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"fake Entra ID: the client"
                + " secret does not match the application's\",\"error_codes\":[7000215]}");
        return;
      }
      byte[] raw = new byte[24];
      random.nextBytes(raw);
      String token = HexFormat.of().formatHex(raw);
      tokens.add(token);
      send(
          ex,
          200,
          "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
              + "\"access_token\":\""
              + token
              + "\"}");
    } else {
      send(ex, 404, "{\"error\":\"not_found\"}");
    }
  }

  private void arm(HttpExchange ex) throws IOException {
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    if (!auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      send(
          ex,
          401,
          "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"no token we issued\"}}");
      return;
    }
    Matcher m =
        Pattern.compile(
                "(?i)/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
                    + "Microsoft\\.Storage/storageAccounts/([^/]+)(/listKeys)?")
            .matcher(ex.getRequestURI().getPath());
    if (!m.matches()
        || !m.group(1).equals(subscription)
        || !m.group(2).equals(resourceGroup)
        || !m.group(3).equals(account)) {
      send(
          ex,
          404,
          "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"no such storage account\"}}");
      return;
    }
    if (m.group(4) != null && ex.getRequestMethod().equals("POST")) {
      send(
          ex,
          200,
          "{\"keys\":[{\"keyName\":\"key1\",\"value\":\"" + key + "\",\"permissions\":\"FULL\"}]}");
    } else {
      // Never a partial account: the plugin dereferences its blob endpoint without a check.
      send(
          ex,
          404,
          "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"properties not served\"}}");
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
