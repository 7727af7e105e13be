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

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's mixed (expectations + CRUD) dispatcher, taught the one thing its CRUD mode lacks:
 * server-side apply of an object that does not exist yet. An apply patch ({@code
 * application/apply-patch+yaml}) of a missing object becomes a create, of an existing one a JSON
 * merge patch.
 *
 * <p>What this cannot express: real server-side apply keeps per-field ownership (managedFields), so
 * that fields another manager set (Velero's status, an admin's extra label) survive and fields we
 * stop sending are removed. A merge patch keeps both. The tests therefore assert the adapter's side
 * at request level instead: every BSL and Secret write is a PATCH with the apply content type,
 * {@code fieldManager=lattice-backup} and {@code force=true}.
 */
final class ApplyingDispatcher extends KubernetesMixedDispatcher {

  private final Map<ServerRequest, Queue<ServerResponse>> responses;

  /** Every write's method, path and body, in arrival order (the mock server consumes bodies). */
  final List<String> writes = new CopyOnWriteArrayList<>();

  ApplyingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
    super(responses);
    this.responses = responses;
  }

  /** Whether a test set an expectation for exactly this request, which then wins. */
  private boolean expected(RecordedRequest request) {
    Queue<ServerResponse> queue =
        responses.get(new SimpleRequest(request.method(), request.getPath()));
    return queue != null && !queue.isEmpty();
  }

  @Override
  public MockResponse dispatch(RecordedRequest received) {
    byte[] bytes = received.getBody().getBytes();
    if (!"GET".equals(received.getMethod())) {
      writes.add(
          received.getMethod()
              + " "
              + received.getPath()
              + "\n"
              + new String(bytes, StandardCharsets.UTF_8));
    }
    RecordedRequest request =
        new RecordedRequest(
            "HTTP/1.1",
            HttpMethod.valueOf(received.getMethod()),
            received.getPath(),
            received.getHeaders(),
            new Buffer(bytes));
    String type = request.getHeader("Content-Type");
    if (!"PATCH".equals(request.getMethod())
        || type == null
        || !type.contains("apply-patch")
        || expected(request)) {
      return super.dispatch(request);
    }
    String path = request.getPath();
    int query = path.indexOf('?');
    String object = query < 0 ? path : path.substring(0, query);
    MockResponse existing =
        super.dispatch(
            new RecordedRequest(
                "HTTP/1.1", HttpMethod.GET, object, request.getHeaders(), new Buffer()));
    byte[] body = request.getBody().getBytes();
    if (existing.code() == 404) {
      String collection = object.substring(0, object.lastIndexOf('/'));
      return super.dispatch(
          new RecordedRequest(
              "HTTP/1.1",
              HttpMethod.POST,
              collection,
              Headers.builder().add("Content-Type", "application/json").build(),
              new Buffer(body)));
    }
    return super.dispatch(
        new RecordedRequest(
            "HTTP/1.1",
            HttpMethod.PATCH,
            object,
            Headers.builder().add("Content-Type", "application/merge-patch+json").build(),
            new Buffer(body)));
  }
}
