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

/**
 * The direct binder met something only the general path handles: it gives up, and the text is read
 * the general way, which reports every problem with its location. One shared instance without a
 * stack trace, so giving up costs nothing.
 */
final class GiveUp extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The one instance. */
  static final GiveUp INSTANCE = new GiveUp();

  private GiveUp() {
    super("not a plain BackupStore text", null, false, false);
  }
}
