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
package dev.lattice.backup.junit.memory;

import static dev.lattice.backup.junit.memory.ApiServerRules.expect;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.reconcile.port.SecretPort;
import dev.lattice.backup.translate.bsl.BslLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-memory cluster's Secrets, in every namespace, keyed {@code namespace/name}: what a user or
 * another tool writes, and the {@link SecretPort} the reconciler reads credentials and writes its
 * mirrored copies in Velero's namespace through. The user's side is called with the cluster's lock
 * held; the port takes it.
 */
final class MemorySecrets implements SecretPort {
  private final InMemoryCluster cluster;
  private final String veleroNamespace;
  private final FaultInjector faults;
  private final WriteScore score;
  private final TreeMap<String, StoredSecret> secrets = new TreeMap<>();

  /** A Secret as stored. */
  private record StoredSecret(ObjectMetadata metadata, SecretData data) {}

  MemorySecrets(
      InMemoryCluster cluster, String veleroNamespace, FaultInjector faults, WriteScore score) {
    this.cluster = cluster;
    this.veleroNamespace = veleroNamespace;
    this.faults = faults;
    this.score = score;
  }

  // ---- the user's side ------------------------------------------------------------------------

  /** Creates or replaces a Secret with bare metadata. */
  void put(String namespace, String name, SecretData data) {
    put(ObjectMetadata.builder().namespace(namespace).name(name).build(), data);
  }

  /** Creates or replaces a Secret with the given metadata, at a new resourceVersion. */
  void put(ObjectMetadata metadata, SecretData data) {
    String namespace = metadata.namespace().orElseThrow();
    String name = Objects.requireNonNull(metadata.name(), "name");
    secrets.put(
        namespace + "/" + name,
        new StoredSecret(
            metadata.toBuilder().resourceVersion(cluster.nextVersion()).build(), data));
  }

  Optional<ObjectMetadata> metadata(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name)).map(StoredSecret::metadata);
  }

  void delete(String namespace, String name) {
    secrets.remove(namespace + "/" + name);
  }

  Optional<SecretData> data(String namespace, String name) {
    return Optional.ofNullable(secrets.get(namespace + "/" + name)).map(StoredSecret::data);
  }

  /** Every Secret's data, keyed {@code namespace/name}. */
  Map<String, SecretData> all() {
    TreeMap<String, SecretData> out = new TreeMap<>();
    secrets.forEach((k, v) -> out.put(k, v.data()));
    return out;
  }

  // ---- the port -------------------------------------------------------------------------------

  @Override
  public Optional<SecretData> read(String namespace, String name) throws PortException {
    synchronized (cluster) {
      faults.check(FaultInjector.Target.SECRETS, "read Secret " + namespace + "/" + name);
      return data(namespace, name);
    }
  }

  @Override
  public List<MirroredSecret> listMirrored() throws PortException {
    synchronized (cluster) {
      faults.check(FaultInjector.Target.SECRETS, "list mirrored Secrets");
      List<MirroredSecret> out = new ArrayList<>();
      for (StoredSecret s : secrets.values()) {
        if (s.metadata().namespace().filter(veleroNamespace::equals).isPresent()
            && BslLabels.isManaged(s.metadata())) {
          out.add(new MirroredSecret(s.metadata(), s.data()));
        }
      }
      return out;
    }
  }

  @Override
  public Optional<ObjectMetadata> find(String name) throws PortException {
    synchronized (cluster) {
      faults.check(FaultInjector.Target.SECRETS, "read Secret " + veleroNamespace + "/" + name);
      return metadata(veleroNamespace, name);
    }
  }

  @Override
  public void applyMirrored(MirroredSecret secret, Optional<String> resourceVersion)
      throws PortException {
    synchronized (cluster) {
      score.wrote("apply Secret " + secret.name());
      faults.checkWrite(FaultInjector.Target.SECRETS, "apply Secret " + secret.name());
      String key = veleroNamespace + "/" + secret.name();
      StoredSecret old = secrets.get(key);
      expect("Secret " + key, old == null ? null : old.metadata(), resourceVersion);
      if (old != null && !ApiServerRules.sameOwner(old.metadata(), secret.metadata())) {
        score.foreign("apply Secret " + secret.name());
      }
      ObjectMetadata meta =
          (old == null
                  ? secret.metadata()
                  : ApiServerRules.merge(old.metadata(), secret.metadata()))
              .toBuilder()
                  .namespace(veleroNamespace)
                  .resourceVersion(cluster.nextVersion())
                  .build();
      secrets.put(key, new StoredSecret(meta, secret.data()));
    }
  }

  @Override
  public void deleteMirrored(String name, String resourceVersion) throws PortException {
    synchronized (cluster) {
      score.wrote("delete Secret " + name);
      faults.checkWrite(FaultInjector.Target.SECRETS, "delete Secret " + name);
      StoredSecret old = secrets.get(veleroNamespace + "/" + name);
      if (old == null) {
        throw ApiServerRules.notFound("Secret " + veleroNamespace + "/" + name);
      }
      expect(
          "Secret " + veleroNamespace + "/" + name, old.metadata(), Optional.of(resourceVersion));
      if (BslLabels.provenOwner(old.metadata()).isEmpty()) {
        score.foreign("delete Secret " + name);
      }
      secrets.remove(veleroNamespace + "/" + name);
    }
  }
}
