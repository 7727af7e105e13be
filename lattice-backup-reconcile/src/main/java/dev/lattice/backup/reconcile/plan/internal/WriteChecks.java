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
import dev.lattice.backup.reconcile.port.ObservedBsl;

/**
 * What the planner's writes check against an observed object: the resourceVersion a write is
 * conditional on, and whether the object already carries the labels and annotations we write.
 */
final class WriteChecks {

  private WriteChecks() {}

  /** The resourceVersion observed; an object read from a cluster always has one. */
  static String version(ObservedBsl bsl) {
    return version(bsl.metadata());
  }

  /** The resourceVersion observed; an object read from a cluster always has one. */
  static String version(ObjectMetadata meta) {
    return meta.resourceVersion().orElse("");
  }

  /** Whether {@code have} carries every label and annotation of {@code want}. */
  static boolean owns(ObjectMetadata have, ObjectMetadata want) {
    return have.labels().entrySet().containsAll(want.labels().entrySet())
        && have.annotations().entrySet().containsAll(want.annotations().entrySet());
  }
}
