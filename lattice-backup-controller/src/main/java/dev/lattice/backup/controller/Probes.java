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
package dev.lattice.backup.controller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lattice.backup.fabric8.runtime.BackupStoreController;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP endpoints: {@code /healthz} (the process serves), {@code /readyz} (the caches are filled
 * and watching; a standby replica is ready too, so that it takes over warm) and {@code /metrics}
 * (Prometheus text).
 */
final class Probes implements AutoCloseable {
  private final HttpServer server;
  private volatile @Nullable BackupStoreController controller;

  private Probes(HttpServer server) {
    this.server = server;
  }

  static Probes start(String address, int port, Metrics metrics) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
    Probes probes = new Probes(server);
    server.createContext("/healthz", ex -> reply(ex, 200, () -> "ok\n"));
    server.createContext(
        "/readyz",
        ex -> {
          BackupStoreController c = probes.controller;
          boolean ready = c != null && c.synced();
          reply(ex, ready ? 200 : 503, () -> ready ? "ok\n" : "caches not filled\n");
        });
    server.createContext(
        "/metrics",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          reply(ex, 200, metrics::scrape);
        });
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lattice-backup-probes");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return probes;
  }

  /** The port the endpoints listen on (the one asked for, or the one chosen for port 0). */
  int port() {
    return server.getAddress().getPort();
  }

  void ready(BackupStoreController running) {
    this.controller = running;
  }

  private static void reply(HttpExchange ex, int status, Supplier<String> body) throws IOException {
    byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
