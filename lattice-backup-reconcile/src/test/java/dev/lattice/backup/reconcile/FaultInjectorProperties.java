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
package dev.lattice.backup.reconcile;

import static dev.lattice.backup.reconcile.Fixtures.PLATFORM;
import static dev.lattice.backup.reconcile.Fixtures.VELERO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lattice.backup.junit.memory.FaultInjector;
import dev.lattice.backup.junit.memory.FaultInjector.Target;
import dev.lattice.backup.junit.memory.InMemoryCluster;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.reconcile.port.ClusterPorts;
import dev.lattice.backup.reconcile.port.MirroredSecret;
import dev.lattice.backup.reconcile.port.PortException;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.testing.MutableClock;
import dev.lattice.backup.translate.StoreKey;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslLabels;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.ObjectStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Laws of the fault injector: exactly the calls a fault describes fail (the n-th call from now; the
 * next call or write to a port; every call to a port until cleared), each with the injected kind of
 * failure and a message naming the operation; every call is counted.
 */
class FaultInjectorProperties {
  private static final StoreKey KEY = new StoreKey(PLATFORM, "main");
  private static final List<Target> PORTS = List.of(Target.STORES, Target.BSLS, Target.SECRETS);

  /** A port call: which port, whether it writes, and which of the port's calls it is. */
  record Call(Target target, boolean write, int which) {}

  /** A fault: how it is injected, for which port (or the call number), and the failure. */
  record Fault(int how, Target target, int n, PortFailure failure) {}

  @Property(tries = 200)
  void exactlyTheCallsAFaultDescribesFail(
      @ForAll @IntRange(max = 3) int warmUp,
      @ForAll("faults") Fault fault,
      @ForAll @Size(max = 10) List<@From("calls") Call> calls) {
    InMemoryCluster cluster = new InMemoryCluster(VELERO, new MutableClock(Instant.EPOCH));
    cluster.createStore(Fixtures.store(PLATFORM, "main", false, Fixtures.s3("bucket")));
    ClusterPorts ports = cluster.ports();
    for (int i = 0; i < warmUp; i++) {
      assertThat(perform(ports, new Call(PORTS.get(i % 3), i % 2 == 0, i))).isEmpty();
    }
    FaultInjector faults = cluster.faults();
    switch (fault.how()) {
      case 0 -> faults.failNthCall(fault.n(), fault.failure());
      case 1 -> faults.failNext(fault.target(), fault.failure());
      case 2 -> faults.failNextWrite(fault.target(), fault.failure());
      default -> faults.failAlways(fault.target(), fault.failure());
    }

    boolean spent = false;
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      boolean matches = fault.target() == Target.ANY || fault.target() == call.target();
      boolean expected =
          switch (fault.how()) {
            case 0 -> i + 1 == fault.n();
            case 1 -> matches && !spent;
            case 2 -> matches && call.write() && !spent;
            default -> matches;
          };
      if (expected) {
        spent = true;
      }
      Optional<PortFailure> failed = perform(ports, call);
      assertThat(failed.isPresent()).as("call %s: %s failed", i + 1, call).isEqualTo(expected);
      if (expected) {
        assertThat(failed.get()).isExactlyInstanceOf(fault.failure().getClass());
        assertThat(failed.get().message())
            .contains("injected " + fault.failure().message())
            .isNotEqualTo("injected " + fault.failure().message());
      }
    }
    assertThat(faults.calls()).isEqualTo(warmUp + calls.size());

    faults.clear();
    for (Target target : PORTS) {
      assertThat(perform(ports, new Call(target, false, 0))).as("after clear").isEmpty();
      assertThat(perform(ports, new Call(target, true, 0))).as("after clear").isEmpty();
    }
  }

  @Provide
  Arbitrary<Fault> faults() {
    Arbitrary<PortFailure> failures =
        Arbitraries.of(
            new PortFailure.NotFound("gone"),
            new PortFailure.Conflict("stale"),
            new PortFailure.ResourceTypeMissing("no type"),
            new PortFailure.Forbidden("denied"),
            new PortFailure.Transient("timeout"));
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(Target.values()),
            Arbitraries.integers().between(1, 8),
            failures)
        .as(Fault::new);
  }

  @Provide
  Arbitrary<Call> calls() {
    return Combinators.combine(
            Arbitraries.of(PORTS),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 2))
        .as(Call::new);
  }

  @Example
  void callsCountFromOne() {
    FaultInjector faults = InMemoryCluster.create().faults();
    assertThatThrownBy(() -> faults.failNthCall(0, new PortFailure.Transient("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(faults.calls()).isZero();
  }

  /**
   * Performs one call; returns the injected failure, if any. A failure the cluster reports on its
   * own (deleting what is already gone, creating what exists) is not injected and counts as
   * passing.
   */
  private static Optional<PortFailure> perform(ClusterPorts ports, Call call) {
    try {
      switch (call.target()) {
        case STORES -> {
          if (!call.write()) {
            ports.stores().list(Set.of());
          } else if (call.which() == 0) {
            ports
                .stores()
                .patchStatus(KEY, Optional.empty(), BackupStoreStatus.of(BackupStorePhase.READY));
          } else if (call.which() == 1) {
            ports.stores().addFinalizer(KEY, Optional.empty(), "a.dev/hold");
          } else {
            ports.stores().removeFinalizer(KEY, Optional.empty(), "a.dev/hold");
          }
        }
        case BSLS -> {
          if (!call.write()) {
            ports.bsls().list();
          } else if (call.which() == 0) {
            ports.bsls().apply(ours(), Optional.empty());
          } else if (call.which() == 1) {
            ports.bsls().setDefault("lattice-main", false, "0");
          } else {
            ports.bsls().delete("lattice-main", "0");
          }
        }
        default -> {
          if (!call.write()) {
            if (call.which() == 0) {
              ports.secrets().read(PLATFORM, "source");
            } else {
              ports.secrets().listMirrored();
            }
          } else if (call.which() == 2) {
            ports.secrets().deleteMirrored("lattice-main-credentials", "0");
          } else {
            ports.secrets().applyMirrored(mirrored(), Optional.empty());
          }
        }
      }
      return Optional.empty();
    } catch (PortException e) {
      if (e.failure().message().contains("injected")) {
        return Optional.of(e.failure());
      }
      // the cluster's own answers: gone, or not at the version asked for (writes are conditional)
      assertThat(e.failure())
          .isInstanceOfAny(PortFailure.NotFound.class, PortFailure.Conflict.class);
      return Optional.empty();
    }
  }

  private static BackupStorageLocation ours() {
    return new BackupStorageLocation(
        owned("lattice-main"),
        new BslSpec(
            "aws",
            new ObjectStorage("bucket", Optional.empty()),
            Map.of("region", "eu-west-1"),
            Optional.empty(),
            false));
  }

  private static MirroredSecret mirrored() {
    return new MirroredSecret(owned("lattice-main-credentials"), Fixtures.cloud("k"));
  }

  private static ObjectMetadata owned(String name) {
    return BslLabels.ownedBy(
            ObjectMetadata.builder().name(name).namespace(VELERO), PLATFORM, "main")
        .build();
  }
}
