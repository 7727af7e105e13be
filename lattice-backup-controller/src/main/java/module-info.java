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
 * The BackupStore controller as a program. Exports nothing: run it ({@code
 * dev.lattice.backup.controller.Main}), do not link against it.
 */
module dev.lattice.backup.controller {
  requires dev.lattice.backup.fabric8;
  requires kubernetes.client.api;
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  requires info.picocli;
  requires jdk.httpserver;
  requires org.jspecify;
  requires org.slf4j;

  // picocli sets the annotated option fields reflectively.
  opens dev.lattice.backup.controller to
      info.picocli;
}
