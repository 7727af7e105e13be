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
package dev.lattice.backup.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.testing.arbitraries.Secrets;
import dev.lattice.backup.testing.logs.CapturedLogs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * No output of the reconciler shows any piece of a password, written into an endpoint or held in
 * the credentials Secret: the status it writes (phase, message, every condition, as the cluster
 * stores it and as YAML), every log line at every level, the outcome and the plan as printed, the
 * cluster's record of writes, and the BSLs and mirrored Secrets it writes. See {@link Secrets} for
 * the passwords and the four-character window.
 */
class SecretEchoProperties {
  /** Endpoints without secrets, that a tenant store may name. */
  private static final List<String> CLEAN_ENDPOINTS =
      List.of(
          "https://minio.example.com", "https://minio.example.com:9000", "http://s3.example.org");

  @Provide
  Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  /**
   * Stores that are accepted: the index of a clean endpoint (or, past them, AWS S3 without one),
   * and whether the store is a tenant's.
   */
  @Provide
  Arbitrary<List<net.jqwik.api.Tuple.Tuple2<Integer, Boolean>>> accepted() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(0, CLEAN_ENDPOINTS.size()), Arbitraries.of(true, false))
        .as(net.jqwik.api.Tuple::of)
        .list()
        .ofMaxSize(6);
  }

  /**
   * Every store hiding the password in its endpoint is refused, every generated clean store is
   * accepted and mirrors the Secret that holds the password, and nothing printed shows it; a share
   * of the tries has accepted stores ({@code checkCoverage}), so the check of what accepted stores
   * produce is never empty.
   */
  @Property(tries = 100)
  void noReconcilerOutputShowsAnyPieceOfAPasswordInAnEndpointOrTheCredentials(
      @ForAll("passwords") String password,
      @ForAll("accepted") List<net.jqwik.api.Tuple.Tuple2<Integer, Boolean>> accepted) {
    World w = new World();
    w.cluster.putSecret("team-a", "k", Fixtures.cloud(password));
    w.cluster.putSecret(Fixtures.PLATFORM, "k", Fixtures.cloud(password));
    int i = 0;
    for (String endpoint : Secrets.endpointsHiding(password)) {
      for (String namespace : List.of("team-a", Fixtures.PLATFORM)) {
        w.create(
            Fixtures.store(
                namespace,
                "s" + i++,
                false,
                BackupStorageSpec.s3Compatible(
                        S3StorageConfig.of("bucket")
                            .withEndpoint(endpoint)
                            .withForcePathStyle(true))
                    .withCredentialsSecretRef("k")));
      }
    }
    int refused = i;
    for (var store : accepted) {
      String namespace = store.get2() ? "team-a" : Fixtures.PLATFORM;
      BackupStorageSpec spec =
          store.get1() < CLEAN_ENDPOINTS.size()
              ? BackupStorageSpec.s3Compatible(
                  S3StorageConfig.of("bucket-" + i)
                      .withEndpoint(CLEAN_ENDPOINTS.get(store.get1()))
                      .withForcePathStyle(true))
              : Fixtures.s3("bucket-" + i);
      w.create(Fixtures.store(namespace, "s" + i++, false, spec.withCredentialsSecretRef("k")));
    }
    List<String> outputs = outputsOfTwoPasses(w);

    Statistics.label("tries with accepted stores").collect(!accepted.isEmpty());
    Statistics.label("tries with accepted stores")
        .coverage(c -> c.check(true).percentage(p -> p >= 50));
    assertThat(w.cluster.bsls()).as("one BSL per accepted store").hasSize(accepted.size());
    List<SecretData> mirrored =
        w.cluster.secrets().entrySet().stream()
            .filter(e -> e.getKey().startsWith(Fixtures.VELERO + "/"))
            .map(Map.Entry::getValue)
            .toList();
    assertThat(mirrored).as("one mirrored Secret per accepted store").hasSize(accepted.size());
    assertThat(mirrored)
        .as("each copy holds the password, so the outputs above had it to leak")
        .allSatisfy(
            d ->
                assertThat(new String(d.toMap().get("cloud"), StandardCharsets.UTF_8))
                    .isEqualTo(password));
    for (int s = 0; s < refused; s++) {
      BackupStoreStatus status = w.status(s % 2 == 0 ? "team-a" : Fixtures.PLATFORM, "s" + s);
      assertThat(status.phase()).as("s%d", s).isEqualTo(BackupStorePhase.FAILED);
      assertThat(status.message()).as("s%d", s).isPresent();
    }
    for (String output : outputs) {
      assertThat(Secrets.leak(output, password)).as(output).isEmpty();
    }
  }

  /**
   * Nor does any output show a piece of a {@code ca.crt} beside the credentials, valid or not,
   * whatever shape its refusal takes; and the location trusts the bundle exactly when it is valid.
   */
  @Property(tries = 100)
  void noReconcilerOutputShowsAnyPieceOfACaBundle(
      @ForAll("passwords") String secret,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int shape,
      @ForAll boolean tenant) {
    String bundle =
        switch (shape) {
          case 0 -> secret;
          case 1 -> "-----BEGIN " + secret + "-----\nAAAA\n-----END " + secret + "-----\n";
          case 2 ->
              CredentialsLifetimeTest.CA
                  + "-----BEGIN PRIVATE KEY-----\n"
                  + secret
                  + "\n-----END PRIVATE KEY-----\n";
          default -> "# " + secret + "\n" + CredentialsLifetimeTest.CA;
        };
    boolean valid = shape == 3;
    World w = new World();
    java.util.Map<String, byte[]> data = new java.util.TreeMap<>();
    data.put("cloud", "v".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    data.put("ca.crt", bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String namespace = tenant ? "team-a" : Fixtures.VELERO;
    // A CloudProvider's Secret lives in Velero's namespace under the Lattice convention's name.
    w.cluster.putSecret(
        namespace,
        tenant ? "k" : "velero-credentials-k",
        dev.lattice.backup.reconcile.port.SecretData.of(data));
    w.create(
        Fixtures.store(
            tenant ? "team-a" : Fixtures.PLATFORM,
            "s",
            false,
            BackupStorageSpec.s3Compatible(
                    S3StorageConfig.of("bucket")
                        .withEndpoint("https://minio.example.com")
                        .withForcePathStyle(true))
                .withCredentialsSecretRef(tenant ? "k" : null)
                .withCloudProviderRef(tenant ? null : "k")));
    List<String> outputs = outputsOfTwoPasses(w);

    assertThat(
            w.cluster.bsls().stream()
                .anyMatch(b -> b.spec().objectStorage().caCertRef().isPresent()))
        .as("a location trusts the bundle: %s", outputs)
        .isEqualTo(valid);
    for (String output : outputs) {
      assertThat(Secrets.leak(output, secret)).as(output).isEmpty();
    }
  }

  /**
   * Runs two passes and a plan, and returns all they show: the outcomes, the plan, every line
   * logged meanwhile, the writes, each store's status (also as YAML) and the store itself, each
   * BSL, and the cluster's Secrets.
   */
  private static List<String> outputsOfTwoPasses(World w) {
    CapturedLogs.start();
    List<String> outputs = new ArrayList<>();
    outputs.add(w.reconcile().toString());
    outputs.add(w.reconcile().toString());
    outputs.add(w.plan().toString());
    outputs.addAll(CapturedLogs.stop());
    outputs.addAll(w.cluster.writes());
    for (BackupStore store : w.cluster.stores()) {
      outputs.add(store.status().orElseThrow().toString());
      outputs.add(BackupStoreCodec.strict().writeYaml(store.withSpec(null)));
      outputs.add(store.toString());
    }
    w.cluster.bsls().forEach(b -> outputs.add(b.toString()));
    outputs.add(w.cluster.secrets().toString());
    return outputs;
  }
}
