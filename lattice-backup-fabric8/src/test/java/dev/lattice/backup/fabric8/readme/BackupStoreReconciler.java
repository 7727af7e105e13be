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
package dev.lattice.backup.fabric8.readme;

import dev.lattice.backup.reconcile.ReconcileOutcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** The README's JOSDK snippet: a Java Operator SDK reconciler that delegates to lattice-backup. */
@ControllerConfiguration
class BackupStoreReconciler
    implements io.javaoperatorsdk.operator.api.reconciler.Reconciler<GenericKubernetesResource> {
  private final dev.lattice.backup.reconcile.Reconciler lattice; // over Fabric8Ports.create(...)

  BackupStoreReconciler(dev.lattice.backup.reconcile.Reconciler lattice) {
    this.lattice = lattice;
  }

  @Override
  public UpdateControl<GenericKubernetesResource> reconcile(
      GenericKubernetesResource store, Context<GenericKubernetesResource> context) {
    ReconcileOutcome outcome =
        lattice.reconcile(store.getMetadata().getNamespace(), store.getMetadata().getName());
    // lattice-backup writes the status and its own finalizer; JOSDK only requeues.
    UpdateControl<GenericKubernetesResource> control = UpdateControl.noUpdate();
    return outcome.requeueAfter().map(control::rescheduleAfter).orElse(control);
  }
}
