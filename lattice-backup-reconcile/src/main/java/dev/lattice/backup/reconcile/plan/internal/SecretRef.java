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

import java.util.Comparator;
import java.util.Objects;

/**
 * The namespace and name of a Secret.
 *
 * @param namespace the namespace
 * @param name the name
 */
public record SecretRef(String namespace, String name) implements Comparable<SecretRef> {
  private static final Comparator<SecretRef> ORDER =
      Comparator.comparing(SecretRef::namespace).thenComparing(SecretRef::name);

  /**
   * Checks nothing is null.
   *
   * @param namespace the namespace
   * @param name the name
   */
  public SecretRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(SecretRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
