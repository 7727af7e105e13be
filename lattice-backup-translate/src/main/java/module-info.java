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
/**
 * BackupStores to Velero BackupStorageLocations: the translator and its options, the BSL records,
 * the default selection. Reads the model transitively. The BSL records' package is open to Jackson,
 * which writes them.
 */
module dev.lattice.backup.translate {
  requires transitive dev.lattice.backup.model;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;

  exports dev.lattice.backup.translate;
  exports dev.lattice.backup.translate.bsl;
  exports dev.lattice.backup.translate.defaults;
  // The default selection's rules, which the planner applies with its own set of stores that
  // cannot win: not an API.
  exports dev.lattice.backup.translate.internal.defaults to
      dev.lattice.backup.reconcile;
  // The CA bundle rules, for the reconciler, and the admission policy, for the command line's
  // admission-policy: not an API.
  exports dev.lattice.backup.translate.internal.trust to
      dev.lattice.backup.reconcile,
      dev.lattice.backup.cli;

  opens dev.lattice.backup.translate.bsl to
      com.fasterxml.jackson.databind;
}
