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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Azurite under production host names, reached the way Velero reaches it: through a {@link
 * ConnectProxy}, over TLS with a certificate of a {@link TestCa}, with shared-key signatures.
 */
class AzureEmulatorIT {
  private static AzureEmulator azure;

  @BeforeAll
  static void start() {
    azure = AzureEmulator.start("latticetest");
  }

  @AfterAll
  static void stop() {
    if (azure != null) {
      azure.close();
    }
  }

  @Test
  void aContainerCreatedOverSignedHttpsIsListedEmpty() {
    azure.createContainer("first");
    azure.createContainer("first"); // again: no error
    assertThat(azure.blobs("first")).isEmpty();
  }

  @Test
  void aMissingContainerIsRefused() {
    assertThatThrownBy(() -> azure.blobs("never-made"))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("ContainerNotFound");
  }

  @Test
  void theProxyRefusesAHostNobodyRoutesAndTunnelsOneItRoutes() throws IOException {
    try (ConnectProxy proxy = ConnectProxy.start()) {
      azure.routeThrough(proxy);
      assertThat(connect(proxy, "example.com:443")).startsWith("HTTP/1.1 502");
      assertThat(connect(proxy, "latticetest.blob.core.windows.net:443"))
          .startsWith("HTTP/1.1 200");
      assertThat(connect(proxy, "login.microsoftonline.com:443")).startsWith("HTTP/1.1 200");
      assertThat(proxy.refused()).containsExactly("example.com:443");
    }
  }

  private static String connect(ConnectProxy proxy, String authority) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0 && b != '\r') {
        line.append((char) b);
      }
      return line.toString();
    }
  }
}
