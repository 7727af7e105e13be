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
package dev.lattice.backup.translate.defaults;

import java.util.Objects;

/**
 * A BackupStorageLocation in Velero's namespace that this library does not manage, as observed.
 *
 * @param name its name
 * @param isDefault whether it is marked default
 */
public record ForeignBsl(String name, boolean isDefault) {
  /**
   * Checks the name is not null.
   *
   * @param name its name
   * @param isDefault whether it is default
   */
  public ForeignBsl {
    Objects.requireNonNull(name, "name");
  }
}
