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
package dev.lattice.backup.model.io.internal;

import org.jspecify.annotations.Nullable;

/**
 * Builds an engine's {@link DatabindMappers} on first use, once, whichever thread asks first, from
 * the engine's parser factories.
 */
final class LazyDatabind {
  private final ParserFactories factories;
  private volatile @Nullable DatabindMappers databind;

  LazyDatabind(ParserFactories factories) {
    this.factories = factories;
  }

  /** The databind side, built now if no one asked before. */
  DatabindMappers get() {
    DatabindMappers d = databind;
    if (d == null) {
      synchronized (this) {
        d = databind;
        if (d == null) {
          d = DatabindMappers.of(factories.json(), factories.yaml());
          databind = d;
        }
      }
    }
    return d;
  }
}
