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
package dev.lattice.samples.josdk;

import dev.lattice.backup.josdk.LatticeBackupOperator;
import dev.lattice.backup.reconcile.plan.ReconcileOptions;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;

/**
 * A Java Operator SDK operator that keeps Velero's BackupStorageLocations in step with the
 * cluster's BackupStores. It connects as fabric8 finds its configuration (the pod's ServiceAccount,
 * or ~/.kube/config), and needs deploy/rbac.yaml and deploy/rbac-josdk.yaml.
 */
public final class SampleOperator {
  private SampleOperator() {}

  /**
   * Starts the operator; it runs until the JVM stops.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Operator operator = start();
    operator.installShutdownHook(Duration.ofSeconds(10));
  }

  /**
   * Registers lattice-backup's controller and starts the operator.
   *
   * @return the running operator
   */
  static Operator start() {
    Operator operator = new Operator();
    LatticeBackupOperator.register(operator, ReconcileOptions.defaults());
    operator.start();
    return operator;
  }
}
