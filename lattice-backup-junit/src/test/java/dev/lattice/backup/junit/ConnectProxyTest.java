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

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test proxy: absolute-form requests go to the server routed for their host, or get 502. */
class ConnectProxyTest {
  private static String exchange(ConnectProxy proxy, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void anAbsoluteFormRequestReachesTheServerRoutedForItsHostAndIsRecordedWithoutAuthorization()
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body =
              (ex.getRequestURI() + " host=" + ex.getRequestHeaders().getFirst("Host"))
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    try (ConnectProxy proxy = ConnectProxy.start()) {
      proxy.route("minio.minio-system.svc", 9000, server.getAddress().getPort());

      String answer =
          exchange(
              proxy,
              "GET http://minio.minio-system.svc:9000/backups?list-type=2 HTTP/1.1\r\n"
                  + "Host: minio.minio-system.svc:9000\r\n"
                  + "Authorization: AWS4-HMAC-SHA256 Signature=abc123\r\n"
                  + "Connection: keep-alive\r\n\r\n");
      assertThat(answer)
          .startsWith("HTTP/1.1 200")
          .endsWith("/backups?list-type=2 host=minio.minio-system.svc:9000");
      assertThat(proxy.forwardedRequests())
          .singleElement()
          .asString()
          .startsWith("GET http://minio.minio-system.svc:9000/backups?list-type=2 HTTP/1.1")
          .contains("Connection: close")
          .doesNotContain("abc123");

      assertThat(
              exchange(
                  proxy, "GET http://elsewhere.test/ HTTP/1.1\r\nHost: elsewhere.test\r\n\r\n"))
          .startsWith("HTTP/1.1 502");
      assertThat(proxy.refused()).containsExactly("elsewhere.test:80");
    } finally {
      server.stop(0);
    }
  }
}
