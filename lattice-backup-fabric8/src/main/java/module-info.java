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
 * The reconciler's ports on a fabric8 Kubernetes client ({@code
 * dev.lattice.backup.fabric8.adapter}), and a controller runtime that runs it ({@code
 * dev.lattice.backup.fabric8.runtime}). Reads reconcile and the fabric8 client API transitively.
 * The adapters' implementation, {@code dev.lattice.backup.fabric8.adapter.internal}, is not
 * exported.
 */
module dev.lattice.backup.fabric8 {
  requires transitive dev.lattice.backup.reconcile;
  requires transitive kubernetes.client.api;
  requires org.slf4j;

  exports dev.lattice.backup.fabric8.adapter;
  exports dev.lattice.backup.fabric8.runtime;
}
