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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.junit.ControlPlane;
import dev.lattice.backup.testing.cluster.RequestCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request of a controller replica ({@link ControllerProcesses}), as the API server's audit log
 * recorded it; the replica is told apart by its user agent ({@code
 * lattice-backup-controller/<identity>}), since the replicas share one ServiceAccount.
 *
 * @param identity the replica, from the user agent
 * @param verb the verb
 * @param resource the resource
 * @param received when the server received it (the event's {@code requestReceivedTimestamp})
 */
record ReplicaRequest(String identity, String verb, String resource, Instant received) {
  private static final ObjectMapper JSON = new ObjectMapper();

  boolean isWrite() {
    return switch (verb) {
      case "create", "update", "patch", "delete", "deletecollection" -> true;
      default -> false;
    };
  }

  /**
   * The controller ServiceAccount's completed requests after a mark, with the replica that sent
   * each (the user agent's part after {@code lattice-backup-controller/}).
   *
   * @param cluster the control plane
   * @param mark a position from {@code cluster.auditLog().mark()}
   * @return the requests, in the order the server completed them
   */
  static List<ReplicaRequest> since(ControlPlane cluster, long mark) {
    List<ReplicaRequest> out = new ArrayList<>();
    String prefix = "lattice-backup-controller/";
    for (String line : cluster.auditLog().textSince(mark).lines().toList()) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      String agent = e.path("userAgent").asText("");
      if (!"ResponseComplete".equals(e.path("stage").asText())
          || !RequestCounts.CONTROLLER.equals(e.path("user").path("username").asText())
          || !agent.startsWith(prefix)) {
        continue;
      }
      String identity = agent.substring(prefix.length()).split("[ /]", 2)[0];
      out.add(
          new ReplicaRequest(
              identity,
              e.path("verb").asText(),
              e.path("objectRef").path("resource").asText(),
              Instant.parse(e.path("requestReceivedTimestamp").asText())));
    }
    return out;
  }
}
