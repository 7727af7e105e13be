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
package dev.lattice.backup.fabric8.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease: of the controllers that name the same
 * Lease, one leads and writes; the others keep their caches warm and take over when the leader
 * stops renewing, at the latest {@code leaseDuration} after its last renewal. A controller that
 * loses the Lease stops its workers at once and does not start them again (a process should exit
 * and be restarted, as its Deployment does).
 *
 * @param namespace the Lease's namespace
 * @param name the Lease's name
 * @param identity this controller's name in the Lease (a Pod name, say); unique per replica
 * @param leaseDuration how long a Lease holds without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates try to acquire and the leader renews
 */
public record LeaderElection(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /**
   * Checks the values: all present, and {@code leaseDuration > renewDeadline > retryPeriod > 0}.
   *
   * @param namespace the Lease's namespace
   * @param name the Lease's name
   * @param identity this controller's identity
   * @param leaseDuration the Lease's duration
   * @param renewDeadline the renew deadline
   * @param retryPeriod the retry period
   */
  public LeaderElection {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    if (retryPeriod.isNegative()
        || retryPeriod.isZero()
        || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "leader election needs leaseDuration > renewDeadline > retryPeriod > 0, not "
              + leaseDuration
              + ", "
              + renewDeadline
              + ", "
              + retryPeriod);
    }
  }

  /**
   * A Lease with client-go's usual timings: 15 s duration, 10 s renew deadline, 2 s retry period.
   *
   * @param namespace the Lease's namespace
   * @param name the Lease's name
   * @param identity this controller's identity
   * @return the settings
   */
  public static LeaderElection lease(String namespace, String name, String identity) {
    return new LeaderElection(
        namespace,
        name,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
