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
package dev.lattice.backup.translate;

/** How plugin names are spelled in a BSL's {@code provider}; Velero accepts both. */
public enum ProviderNaming {
  /** {@code aws}, {@code gcp}, {@code azure}. */
  SHORT,
  /** {@code velero.io/aws}, {@code velero.io/gcp}, {@code velero.io/azure}. */
  QUALIFIED;

  /**
   * The spelling of a plugin name.
   *
   * @param plugin the short name, such as {@code aws}
   * @return the name in this spelling
   */
  public String spell(String plugin) {
    return this == SHORT ? plugin : "velero.io/" + plugin;
  }
}
