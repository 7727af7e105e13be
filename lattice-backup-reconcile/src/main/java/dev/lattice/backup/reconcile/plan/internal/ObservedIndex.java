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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.defaults.ForeignBsl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The planner's first step: the BSLs and Secrets observed in Velero's namespace (mirrored Secrets
 * and the occupants of mirror names), indexed by name and by the store their metadata proves they
 * belong to ({@link BslLabels#provenOwner}), each owner parsed once; and the BSLs that are the
 * default, and the foreign BSLs, in observation order.
 *
 * <p>Look-ups only: no order of these maps is ever observable (whatever is emitted from them is
 * sorted when the plan is assembled), so they are hash maps, sized up front. The owners' entries
 * are taken out as the stores are planned ({@link #takeOwned}), so that what is left at the end is
 * the orphans ({@link #forEachOrphan}). Confined to one planning run.
 */
final class ObservedIndex {
  private final Map<String, Named<ObservedBsl>> bslByName;
  private final Map<String, Named<SecretAt>> secretByName;
  private final Map<StoreKey, Owned> byOwner;
  private final List<ObservedBsl> defaultBsls = new ArrayList<>();
  private final List<ForeignBsl> foreign = new ArrayList<>();

  private ObservedIndex(int bsls, int secrets) {
    this.bslByName = new HashMap<>(capacity(bsls));
    this.secretByName = new HashMap<>(capacity(secrets));
    this.byOwner = new HashMap<>(capacity(bsls));
  }

  /**
   * Indexes what was observed: the BSLs, then the occupants of mirror names, then the mirrored
   * Secrets (a mirrored Secret hides an occupant of the same name).
   */
  static ObservedIndex of(ObservedState observed) {
    ObservedIndex index =
        new ObservedIndex(
            observed.bsls().size(), observed.mirrored().size() + observed.occupants().size());
    for (ObservedBsl bsl : observed.bsls()) {
      StoreKey owner = BslLabels.provenOwner(bsl.metadata()).orElse(null);
      index.bslByName.put(bsl.name(), new Named<>(bsl, owner));
      if (owner != null) {
        index.byOwner.computeIfAbsent(owner, k -> new Owned()).bsls.add(bsl);
      } else {
        index.foreign.add(new ForeignBsl(bsl.name(), bsl.isDefault()));
      }
      if (bsl.isDefault()) {
        index.defaultBsls.add(bsl);
      }
    }
    for (ObjectMetadata occupant : observed.occupants()) {
      index.secretByName.put(
          Objects.requireNonNull(occupant.name(), "name"),
          new Named<>(new SecretAt(occupant, null), BslLabels.provenOwner(occupant).orElse(null)));
    }
    for (MirroredSecret secret : observed.mirrored()) {
      StoreKey owner = BslLabels.provenOwner(secret.metadata()).orElse(null);
      index.secretByName.put(
          secret.name(), new Named<>(new SecretAt(secret.metadata(), secret), owner));
      if (owner != null) {
        index.byOwner.computeIfAbsent(owner, k -> new Owned()).secrets.add(secret);
      }
    }
    return index;
  }

  /** The BSL of a name (the last observed, if several), or null. */
  @Nullable Named<ObservedBsl> bsl(String name) {
    return bslByName.get(name);
  }

  /** The Secret in Velero's namespace of a name, mirrored or occupant, or null. */
  @Nullable Named<SecretAt> secret(String name) {
    return secretByName.get(name);
  }

  /** The BSLs that are the default, in observation order. */
  List<ObservedBsl> defaultBsls() {
    return defaultBsls;
  }

  /** The BSLs whose metadata proves no owner, in observation order. */
  List<ForeignBsl> foreign() {
    return foreign;
  }

  /** Takes out what a store owns, so that it is not collected as an orphan. */
  Owned takeOwned(StoreKey key) {
    return Objects.requireNonNullElse(byOwner.remove(key), Owned.NONE);
  }

  /** Visits what is owned by stores that were not taken out: the orphans. */
  void forEachOrphan(BiConsumer<StoreKey, Owned> visit) {
    byOwner.forEach(visit);
  }

  /** A hash map's initial capacity for {@code n} entries at the default load factor. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n * 4L / 3 + 1);
  }

  /** An observed object found by name, with the store its metadata proves it belongs to. */
  record Named<T>(T value, @Nullable StoreKey proven) {
    Optional<StoreKey> owner() {
      return Optional.ofNullable(proven);
    }
  }

  /**
   * A Secret in Velero's namespace: its metadata, and the Secret itself when it is one we list as
   * mirrored (null for an occupant someone else made).
   */
  record SecretAt(ObjectMetadata metadata, @Nullable MirroredSecret mirrored) {}

  /** The BSLs and mirrored Secrets whose metadata proves they belong to one store. */
  static final class Owned {
    static final Owned NONE = new Owned(List.of(), List.of());

    final List<ObservedBsl> bsls;
    final List<MirroredSecret> secrets;

    Owned() {
      this(new ArrayList<>(1), new ArrayList<>(1));
    }

    private Owned(List<ObservedBsl> bsls, List<MirroredSecret> secrets) {
      this.bsls = bsls;
      this.secrets = secrets;
    }
  }
}
