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
 * A JUnit 5 harness for operators: a real kube-apiserver and etcd (ControlPlane), its extension and
 * annotation, and its audit log. Reads the model, the fabric8 client API and JUnit Jupiter's API
 * transitively; the package is open to JUnit, which builds the extension.
 */
module dev.lattice.backup.junit {
  requires transitive dev.lattice.backup.reconcile;
  requires transitive kubernetes.client.api;
  requires transitive org.junit.jupiter.api;
  requires java.net.http;
  requires jdk.httpserver; // the fake Entra ID and Resource Manager (AzureEmulator)
  requires kubernetes.model.apiextensions;
  requires kubernetes.model.admissionregistration; // TokenReview lives there

  exports dev.lattice.backup.junit;
  exports dev.lattice.backup.junit.memory;

  opens dev.lattice.backup.junit to
      org.junit.platform.commons;
}
