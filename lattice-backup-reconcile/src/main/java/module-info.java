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
 * The reconciler: ports to a cluster, the reconciler and its options, plans and actions (for dry
 * runs). The in-memory cluster these ports are tested with is lattice-backup-junit's. Reads
 * translate (and so the model) transitively; logs with SLF4J, which a consumer need not name.
 */
module dev.lattice.backup.reconcile {
  requires transitive dev.lattice.backup.translate;
  requires org.slf4j;

  exports dev.lattice.backup.reconcile;
  exports dev.lattice.backup.reconcile.plan;
  exports dev.lattice.backup.reconcile.port;
}
