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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.reconcile.ActionFailure;
import dev.lattice.backup.reconcile.ReconcileOutcome;
import dev.lattice.backup.reconcile.Reconciler;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import dev.lattice.backup.reconcile.port.BackupStorePort;
import dev.lattice.backup.reconcile.port.BslPort;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.testing.arbitraries.Secrets;
import dev.lattice.backup.testing.cluster.TestCluster;
import dev.lattice.backup.testing.logs.CapturedLogs;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No output of the fabric8 adapters shows Secret data or a value under {@code spec.storage}, even
 * when the API server (or a proxy before it) answers a refusal with a message that quotes the
 * request, the credentials and the store's values. A tenant store's credentials Secret holds a
 * generated password ({@link Secrets#passwords()}), its bucket and region a generated token; each
 * {@link Fault} makes one request of a reconcile pass fail with such an echo; and neither the
 * exceptions the ports throw (message, failure and full stack trace with causes), nor the pass's
 * outcome and failures, nor the store's status as written, nor any line the library logs at any
 * level ({@link CapturedLogs}) holds a piece of the password, its base64 form or the token.
 */
class AdapterNoEchoProperties {
  private static final String NS = "team-a";
  private static final String STORE = "s";
  private static final String BSLS = "/apis/velero.io/v1/namespaces/velero/backupstoragelocations";
  private static final String STORE_PATH =
      "/apis/lattice.dev/v1alpha1/namespaces/" + NS + "/backupstores/" + STORE;

  /** A request of the pass and the refusal that answers it. */
  enum Fault {
    BSL_CREATE_INVALID("POST", BSLS + "?fieldManager=lattice-backup", 422, "Invalid", true),
    BSL_CREATE_TAKEN("POST", BSLS + "?fieldManager=lattice-backup", 409, "AlreadyExists", true),
    MIRROR_CREATE_INVALID(
        "POST", "/api/v1/namespaces/velero/secrets?fieldManager=lattice-backup", 422, "", true),
    FINALIZER_CONFLICT("PUT", STORE_PATH, 409, "Conflict", true),
    STATUS_ERROR("PUT", STORE_PATH + "/status", 500, "token", true),
    SECRET_READ_PROXY_PAGE("GET", "/api/v1/namespaces/" + NS + "/secrets/k", 502, "", false),
    BSL_LIST_FORBIDDEN("GET", BSLS, 403, "Forbidden", true);

    final String method;
    final String path;
    final int code;
    final String reason;
    final boolean json;

    Fault(String method, String path, int code, String reason, boolean json) {
      this.method = method;
      this.path = path;
      this.code = code;
      this.reason = reason;
      this.json = json;
    }
  }

  @Provide
  Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
        .ofLength(16)
        .map(s -> "q" + s + "z");
  }

  @Property(tries = 4)
  void noAdapterOutputShowsSecretDataOrAStorageValueWhateverTheServerEchoes(
      @ForAll("passwords") String password, @ForAll("tokens") String token) throws Exception {
    for (Fault fault : Fault.values()) {
      check(fault, new Planted(password, token));
    }
  }

  /** The planted values, and the search for them. */
  record Planted(String password, String token) {
    String base64() {
      return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    }

    Optional<String> leak(String output) {
      Optional<String> piece = Secrets.leak(output, password);
      if (piece.isPresent()) {
        return piece;
      }
      for (String whole : List.of(token, base64())) {
        if (output.contains(whole)) {
          return Optional.of(whole);
        }
      }
      return Optional.empty();
    }

    /** What a careless server answers: the request, the credentials and the values, quoted. */
    String echo(Fault fault, String request) {
      String text =
          "refused "
              + request
              + " (credentials "
              + password
              + " base64 "
              + base64()
              + ", spec.objectStorage.bucket: Invalid value: \"lbx-"
              + token
              + "\")";
      if (!fault.json) {
        return "<html><body>502 Bad Gateway: " + text + "</body></html>";
      }
      ObjectNode status =
          MockCluster.JSON
              .createObjectNode()
              .put("kind", "Status")
              .put("apiVersion", "v1")
              .put("status", "Failure")
              .put("message", text)
              .put("reason", "token".equals(fault.reason) ? token : fault.reason)
              .put("code", fault.code);
      ObjectNode details = status.putObject("details").put("name", STORE);
      details
          .putArray("causes")
          .addObject()
          .put("field", "spec.objectStorage.bucket")
          .put("message", "Invalid value: " + token + " " + password);
      return status.toString();
    }
  }

  private void check(Fault fault, Planted planted) throws Exception {
    KubernetesMockServer server = MockCluster.start();
    List<String> outputs = new ArrayList<>();
    List<String> echoes = new CopyOnWriteArrayList<>();
    try (KubernetesClient admin = server.createClient();
        KubernetesClient client = noRetries(admin)) {
      TestCluster.secret(admin, NS, "k", planted.password());
      MockCluster.create(
          admin,
          BackupStore.of(
              ObjectMetadata.named(STORE).withNamespace(NS),
              BackupStoreSpec.of(
                  BackupStorageSpec.s3(
                          S3StorageConfig.of("lbx-" + planted.token()).withRegion(planted.token()))
                      .withCredentialsSecretRef("k"))));
      (switch (fault.method) {
            case "POST" -> server.expect().post();
            case "PUT" -> server.expect().put();
            default -> server.expect().get();
          })
          .withPath(fault.path)
          .andReply(
              fault.code,
              (RecordedRequest r) -> {
                String echo =
                    planted.echo(
                        fault, r.getMethod() + " " + r.getPath() + " " + r.getBody().readUtf8());
                echoes.add(echo);
                return echo;
              })
          .always();
      List<String> thrown = new CopyOnWriteArrayList<>();
      ClusterPorts ports = recorded(Fabric8Ports.create(client, "velero"), thrown);
      Reconciler reconciler = new Reconciler(ports, ReconcileOptions.defaults());

      CapturedLogs.start();
      List<ReconcileOutcome> outcomes;
      try {
        outcomes = List.of(reconciler.reconcile(), reconciler.reconcile());
      } finally {
        outputs.addAll(CapturedLogs.stop());
      }

      assertThat(echoes).as("%s: the server echoed", fault).isNotEmpty();
      assertThat(echoes).allSatisfy(e -> assertThat(planted.leak(e)).isPresent());
      assertThat(thrown).as("%s: a port threw", fault).isNotEmpty();
      if (fault == Fault.SECRET_READ_PROXY_PAGE) {
        // An unreadable Secret fails no action: the store reports it in its status.
        assertThat(MockCluster.section(MockCluster.store(admin, NS, STORE).orElseThrow(), "status"))
            .as("%s: the store's status", fault)
            .containsKey("message");
      } else {
        assertThat(outcomes.stream().flatMap(o -> o.failures().stream()))
            .as("%s: the pass failed", fault)
            .isNotEmpty();
      }
      assertThat(outputs).as("%s: the reconciler logged the failure", fault).isNotEmpty();
      outputs.addAll(thrown);
      for (ReconcileOutcome o : outcomes) {
        outputs.add(o.toString());
        for (ActionFailure f : o.failures()) {
          outputs.add(f.failure().message());
        }
      }
      MockCluster.store(admin, NS, STORE)
          .ifPresent(s -> outputs.add(MockCluster.section(s, "status").toString()));
    } finally {
      server.destroy();
    }
    for (String output : outputs) {
      assertThat(planted.leak(output)).as("%s leaks in: %s", fault, output).isEmpty();
    }
  }

  private static KubernetesClient noRetries(KubernetesClient client) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build())
        .build();
  }

  /** The ports, recording every exception they throw with its message and full stack trace. */
  private static ClusterPorts recorded(ClusterPorts ports, List<String> thrown) {
    return new ClusterPorts(
        recorded(BackupStorePort.class, ports.stores(), thrown),
        recorded(BslPort.class, ports.bsls(), thrown),
        recorded(SecretPort.class, ports.secrets(), thrown),
        ports.veleroNamespace());
  }

  private static <T> T recorded(Class<T> type, T target, List<String> thrown) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            thrown.add(e.getCause().getMessage() + "\n" + trace);
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
