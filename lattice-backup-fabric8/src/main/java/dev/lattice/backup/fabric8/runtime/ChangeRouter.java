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
package dev.lattice.backup.fabric8.runtime;

import java.util.function.Consumer;

/**
 * Turns a change in the {@link InformerCache} into queued work: the key of the store it concerns
 * ({@code namespace/name}), or {@link #ALL} when a foreign BSL's default flag changed and the
 * default may have to move.
 */
final class ChangeRouter implements Consumer<InformerCache.Change> {
  /** The key of a pass over every store. */
  static final String ALL = "";

  private final WorkQueue<String> queue;

  ChangeRouter(WorkQueue<String> queue) {
    this.queue = queue;
  }

  @Override
  public void accept(InformerCache.Change change) {
    if (change instanceof InformerCache.Change.Store s) {
      queue.add(s.key().toString());
    } else if (change instanceof InformerCache.Change.Bsl b) {
      if (b.owner().isPresent()) {
        queue.add(b.owner().get().toString());
      } else if (b.defaultChanged()) {
        // A foreign BSL became, or stopped being, the default: the default may have to move.
        queue.add(ALL);
      }
    } else if (change instanceof InformerCache.Change.Secret sec) {
      sec.owner().ifPresent(o -> queue.add(o.toString()));
    }
  }
}
