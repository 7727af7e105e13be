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

/** What to do when a BSL this library does not manage is already Velero's default. */
public enum ForeignDefaultPolicy {
  /** Leave it the default; no store of ours becomes default (reason {@code ForeignDefault}). */
  RESPECT,
  /** Make our winner the default and report which foreign BSLs must have {@code default} unset. */
  TAKE_OVER
}
