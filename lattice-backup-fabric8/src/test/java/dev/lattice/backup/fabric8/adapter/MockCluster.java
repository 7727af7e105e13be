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
package dev.lattice.backup.fabric8.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.crd.BackupStoreCrd;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.testing.fixtures.Seeds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/** Shortcuts over fabric8's mock API server (CRUD mode) for the end-to-end tests. */
final class MockCluster {
  static final ObjectMapper JSON = new ObjectMapper();

  private MockCluster() {}

  private static final Map<KubernetesMockServer, ApplyingDispatcher> DISPATCHERS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Every write request a server received, as {@code METHOD PATH}, a line break and the body. */
  static List<String> writes(KubernetesMockServer server) {
    return List.copyOf(DISPATCHERS.get(server).writes);
  }

  /** A started mock API server in CRUD mode that also understands server-side apply. */
  static KubernetesMockServer start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    ApplyingDispatcher dispatcher = new ApplyingDispatcher(responses);
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    DISPATCHERS.put(server, dispatcher);
    server.init();
    registerTypes(server);
    try (KubernetesClient client = server.createClient();
        InputStream velero =
            MockCluster.class.getResourceAsStream("/velero.io_backupstoragelocations.yaml");
        InputStream ours =
            new java.io.ByteArrayInputStream(
                BackupStoreCrd.yaml().getBytes(StandardCharsets.UTF_8))) {
      client.apiextensions().v1().customResourceDefinitions().load(velero).create();
      client.apiextensions().v1().customResourceDefinitions().load(ours).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** Teaches the server's CRUD mode the two custom resource types. */
  static void registerTypes(KubernetesMockServer server) {
    server.expectCustomResource(TestCluster.BACKUP_STORES);
    server.expectCustomResource(TestCluster.BACKUP_STORAGE_LOCATIONS);
  }

  static BackupStore seed(String file) {
    return Seeds.store(file);
  }

  static void create(KubernetesClient client, BackupStore store) {
    GenericKubernetesResource r =
        JSON.convertValue(BackupStoreCodec.strict().toTree(store), GenericKubernetesResource.class);
    client
        .genericKubernetesResources(Resources.BACKUP_STORES)
        .inNamespace(r.getMetadata().getNamespace())
        .resource(r)
        .create();
  }

  static Optional<GenericKubernetesResource> bsl(KubernetesClient client, String name) {
    return Optional.ofNullable(
        client
            .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
            .inNamespace("velero")
            .withName(name)
            .get());
  }

  static Optional<GenericKubernetesResource> store(
      KubernetesClient client, String ns, String name) {
    return Optional.ofNullable(
        client
            .genericKubernetesResources(Resources.BACKUP_STORES)
            .inNamespace(ns)
            .withName(name)
            .get());
  }

  /** What Velero does after validating a BSL: writes its status. */
  static void veleroMarks(KubernetesClient client, String bsl, String phase, String message) {
    client
        .genericKubernetesResources(Resources.BACKUP_STORAGE_LOCATIONS)
        .inNamespace("velero")
        .withName(bsl)
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"phase\":\"" + phase + "\",\"message\":\"" + message + "\"}}");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(GenericKubernetesResource r, String name) {
    Object value = r.getAdditionalProperties().get(name);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The requests recorded since the last call, as {@code METHOD path}. */
  static List<String> drain(KubernetesMockServer server) throws InterruptedException {
    List<String> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r.getMethod() + " " + r.getPath());
    }
    return out;
  }

  /** The requests recorded since the last call. */
  static List<RecordedRequest> drainRaw(KubernetesMockServer server) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }

  /** A Kubernetes Status body. */
  static String status(int code, String reason, String message, String name) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
        + message
        + "\",\"reason\":\""
        + reason
        + "\",\"details\":{"
        + (name.isEmpty() ? "" : "\"name\":\"" + name + "\"")
        + "},\"code\":"
        + code
        + "}";
  }

  /** The write requests among recorded ones. */
  static List<String> writes(List<String> requests) {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }
}
