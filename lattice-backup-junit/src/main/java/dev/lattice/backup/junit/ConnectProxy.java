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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy on loopback, in the test JVM, that lets Velero's plugins reach servers under the
 * host names the library emits (such as {@code latticearchive.blob.core.windows.net}) without DNS:
 * Velero gets {@code HTTPS_PROXY} (and {@code HTTP_PROXY}) set to {@link #url()}, and Go clients
 * then send the proxy the host name instead of resolving it.
 *
 * <ul>
 *   <li>{@code CONNECT host:port} opens a byte tunnel to the loopback port routed for that
 *       authority (the server behind it terminates TLS with a certificate for the name);
 *   <li>a request in absolute form ({@code GET http://host:port/path}) is forwarded, one request
 *       per connection, to the loopback port routed for that authority;
 *   <li>any other authority is refused with {@code 502 Bad Gateway}, so a request for a name no
 *       test serves fails visibly instead of leaving the machine.
 * </ul>
 *
 * <p>A route's host may be a wildcard of one label, {@code *.blob.core.windows.net}.
 */
public final class ConnectProxy implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final Map<String, Integer> routes = new ConcurrentHashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "lattice-connect-proxy");
            t.setDaemon(true);
            return t;
          });
  private final List<String> refused = new ArrayList<>();
  private final java.util.Deque<String> forwarded = new java.util.ArrayDeque<>();

  private ConnectProxy(ServerSocket server) {
    this.server = server;
  }

  /**
   * Starts a proxy with no routes on a free loopback port.
   *
   * @return the running proxy; close it to stop it
   */
  public static ConnectProxy start() {
    try {
      ConnectProxy proxy =
          new ConnectProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      proxy.threads.execute(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new ControlPlaneException("cannot start the proxy: " + e.getMessage(), e);
    }
  }

  /**
   * Routes an authority to a loopback port (replacing an earlier route for it).
   *
   * @param host a host name, or {@code *.} and a domain for any one label below it
   * @param port the port clients ask for, such as 443
   * @param loopbackPort where the proxy connects instead, on 127.0.0.1
   * @return this proxy
   */
  public ConnectProxy route(String host, int port, int loopbackPort) {
    routes.put(authority(Objects.requireNonNull(host, "host"), port), loopbackPort);
    return this;
  }

  /**
   * The proxy's URL, for {@code HTTPS_PROXY} and {@code HTTP_PROXY}.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * The authorities refused so far (no route), for failure messages.
   *
   * @return {@code host:port} strings, oldest first
   */
  public List<String> refused() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }

  /**
   * The heads of the last 2000 requests forwarded in absolute form (plain HTTP), oldest first, each
   * with its request line and headers, the value of {@code Authorization} left out; for tests of
   * what a client sends.
   *
   * @return the heads
   */
  public List<String> forwardedRequests() {
    synchronized (forwarded) {
      return List.copyOf(forwarded);
    }
  }

  private void record(String head) {
    String redacted = head.replaceAll("(?im)^(authorization:)[^\r\n]*", "$1 (left out)");
    synchronized (forwarded) {
      if (forwarded.size() == 2000) {
        forwarded.removeFirst();
      }
      forwarded.addLast(redacted);
    }
  }

  /** Stops accepting; open tunnels end when their peers close. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }

  private static String authority(String host, int port) {
    return host.toLowerCase(Locale.ROOT) + ":" + port;
  }

  Optional<Integer> lookup(String host, int port) {
    Integer exact = routes.get(authority(host, port));
    if (exact != null) {
      return Optional.of(exact);
    }
    int dot = host.indexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.ofNullable(routes.get(authority("*" + host.substring(dot), port)));
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ", 3);
      if (requestLine.length != 3) {
        reply(client, "400 Bad Request");
        return;
      }
      boolean connect = requestLine[0].equalsIgnoreCase("CONNECT");
      String authority;
      String rest = head;
      if (connect) {
        authority = requestLine[1];
      } else if (requestLine[1].regionMatches(true, 0, "http://", 0, 7)) {
        String target = requestLine[1].substring(7);
        int slash = target.indexOf('/');
        authority = slash < 0 ? target : target.substring(0, slash);
        String path = slash < 0 ? "/" : target.substring(slash);
        rest = requestLine[0] + " " + path + " " + requestLine[2] + withConnectionClose(head);
        record(String.join(" ", requestLine) + withConnectionClose(head));
        if (authority.indexOf(':') < 0) {
          authority += ":80";
        }
      } else {
        reply(client, "400 Bad Request");
        return;
      }
      int colon = authority.lastIndexOf(':');
      Optional<Integer> port =
          colon < 0
              ? Optional.empty()
              : lookup(
                  authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
      if (port.isEmpty()) {
        synchronized (refused) {
          refused.add(authority);
        }
        reply(client, "502 Bad Gateway");
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port.get())) {
        if (connect) {
          reply(client, "200 Connection established");
        } else {
          upstream.getOutputStream().write(rest.getBytes(StandardCharsets.ISO_8859_1));
        }
        pipe(client, upstream);
      }
    } catch (IOException | RuntimeException e) {
      // the client or the upstream went away; nothing to report to anyone
    }
  }

  /** The header lines after the request line, with hop-by-hop connection headers replaced. */
  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder("\r\n");
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String lower = lines[i].toLowerCase(Locale.ROOT);
      if (lines[i].isEmpty()
          || lower.startsWith("connection:")
          || lower.startsWith("proxy-connection:")
          || lower.startsWith("keep-alive:")) {
        continue;
      }
      out.append(lines[i]).append("\r\n");
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private void pipe(Socket client, Socket upstream) throws IOException {
    var upstreamIn = upstream.getInputStream();
    var clientOut = client.getOutputStream();
    java.util.concurrent.Future<?> back =
        threads.submit(
            () -> {
              try {
                upstreamIn.transferTo(clientOut);
              } catch (IOException e) {
                // closed
              } finally {
                closeQuietly(client);
                closeQuietly(upstream);
              }
            });
    try {
      client.getInputStream().transferTo(upstream.getOutputStream());
      upstream.shutdownOutput();
    } catch (IOException e) {
      // closed
    }
    try {
      back.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // already handled in the task
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static void reply(Socket client, String status) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(
        ("HTTP/1.1 "
                + status
                + "\r\n"
                + (status.startsWith("200") ? "" : "Content-Length: 0\r\nConnection: close\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads up to and including the blank line that ends a request's head, byte by byte. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0 || head.size() > MAX_HEAD) {
        throw new IOException("no request head");
      }
      head.write(b);
      state =
          (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
              ? state + 1
              : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
