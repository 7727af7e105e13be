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

import dev.lattice.backup.fabric8.adapter.internal.BslAdapter;
import dev.lattice.backup.fabric8.adapter.internal.CacheView;
import dev.lattice.backup.fabric8.adapter.internal.SecretAdapter;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.bsl.BslLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CacheView} over {@link CachedReads}: the framework's objects are converted on every
 * read. A name a mirror would take is known when the framework's cache holds a mirrored Secret of
 * that name (our label); any other name is left to a GET, as the cache holds only mirrored Secrets
 * and the name may belong to someone else.
 */
record CachedReadsView(CachedReads reads) implements CacheView {

  @Override
  public List<BackupStore> stores() {
    return new ArrayList<>(reads.stores());
  }

  @Override
  public Optional<List<ObservedBsl>> bsls() {
    if (!reads.bslsWatched()) {
      return Optional.empty();
    }
    List<ObservedBsl> out = new ArrayList<>();
    for (GenericKubernetesResource item : reads.bsls()) {
      out.add(BslAdapter.observe(item));
    }
    return Optional.of(out);
  }

  @Override
  public List<MirroredSecret> mirrored() {
    List<MirroredSecret> out = new ArrayList<>();
    for (Secret s : reads.mirroredSecrets()) {
      ObjectMetadata meta = ObjectMetadata.fromFabric8(s.getMetadata());
      if (BslLabels.isManaged(meta)) {
        out.add(new MirroredSecret(meta, SecretAdapter.data(s)));
      }
    }
    return out;
  }

  @Override
  public Optional<ObjectMetadata> knownSecret(String name) {
    for (MirroredSecret m : mirrored()) {
      if (m.name().equals(name)) {
        return Optional.of(m.metadata());
      }
    }
    return Optional.empty();
  }
}
