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
package dev.lattice.backup.reconcile.plan.internal;

import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.validation.FieldError;
import dev.lattice.backup.reconcile.port.ObservedBsl;
import dev.lattice.backup.reconcile.port.PortFailure;
import dev.lattice.backup.reconcile.port.VeleroPhase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The status a store should show, as a pure function of what was observed. Phase: {@code Failed}
 * when the spec is invalid, the store is blocked (credentials, name conflict), applying failed
 * permanently, or Velero reports the BSL Unavailable; {@code Pending} when Velero is not installed
 * or has not validated the BSL; {@code Ready} only when Velero reports it Available.
 *
 * <p>Conditions follow Kubernetes semantics: a condition's {@code lastTransitionTime} changes only
 * when its status changes, so an unchanged situation yields an equal status and no write.
 */
public final class StatusRules {

  private StatusRules() {}

  /** Why a translated store's BSL is not applied. */
  record Blocker(String reason, String message) {}

  /** Whether and why a store is (not) the default. */
  record DefaultVerdict(ConditionStatus status, String reason, String message) {}

  /**
   * The facts the status is computed from.
   *
   * @param errors the spec's field errors
   * @param blocker why a valid store's BSL is not applied
   * @param bslName the BSL the status reports on
   * @param veleroNamespace Velero's namespace, for messages
   * @param bslTypeExists whether Velero is installed
   * @param observed the store's BSL as observed, if it exists
   * @param verdict the default verdict
   */
  record Facts(
      List<FieldError> errors,
      Optional<Blocker> blocker,
      Optional<String> bslName,
      String veleroNamespace,
      boolean bslTypeExists,
      Optional<ObservedBsl> observed,
      DefaultVerdict verdict) {}

  private record Verdict(
      BackupStorePhase phase, ConditionStatus ready, String reason, String message) {}

  /** The status for a live store. */
  static BackupStoreStatus desired(BackupStore store, Facts facts, Instant now) {
    Optional<BackupStoreStatus> prior = store.status();
    Optional<Long> generation = Optional.ofNullable(store.metadata()).flatMap(m -> m.generation());
    Verdict verdict = verdict(facts);
    String where =
        facts
            .bslName()
            .map(n -> "BackupStorageLocation " + facts.veleroNamespace() + "/" + n)
            .orElse("BackupStorageLocation");

    List<Condition> conditions = new ArrayList<>(4);
    conditions.add(
        condition(
            Conditions.READY,
            verdict.ready(),
            verdict.reason(),
            verdict.message(),
            generation,
            prior,
            now));
    if (facts.errors().isEmpty()) {
      conditions.add(
          condition(
              Conditions.SPEC_VALID,
              ConditionStatus.TRUE,
              Conditions.REASON_VALID,
              "",
              generation,
              prior,
              now));
    } else {
      conditions.add(
          condition(
              Conditions.SPEC_VALID,
              ConditionStatus.FALSE,
              Conditions.REASON_INVALID_SPEC,
              errorList(facts.errors()),
              generation,
              prior,
              now));
    }
    conditions.add(bslCondition(facts, where, generation, prior, now));
    DefaultVerdict d = facts.verdict();
    conditions.add(
        condition(Conditions.DEFAULT, d.status(), d.reason(), d.message(), generation, prior, now));
    return new BackupStoreStatus(
        verdict.phase(), facts.bslName(), conditions, Optional.of(verdict.message()), generation);
  }

  /**
   * The status to write when applying a store's BSL or Secret failed for good (for example, the
   * controller may not write in Velero's namespace): phase {@code Failed}, {@code Ready=False} with
   * reason {@value Conditions#REASON_APPLY_FAILED}, and the port's message.
   *
   * @param planned the status the plan meant to write
   * @param failure why applying failed
   * @param now the time of the failure, for transition times
   * @return the status
   */
  public static BackupStoreStatus afterFailure(
      BackupStoreStatus planned, PortFailure failure, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    String message = "applying failed: " + failure.message();
    List<Condition> conditions = new ArrayList<>();
    for (Condition c : planned.conditions()) {
      if (Conditions.READY.equals(c.type())) {
        Instant since = c.status() == ConditionStatus.FALSE ? c.lastTransitionTime() : at;
        conditions.add(
            new Condition(
                c.type(),
                ConditionStatus.FALSE,
                Conditions.REASON_APPLY_FAILED,
                message,
                since,
                c.observedGeneration()));
      } else {
        conditions.add(c);
      }
    }
    return planned
        .withPhase(BackupStorePhase.FAILED)
        .withMessage(message)
        .withConditions(conditions);
  }

  private static Verdict verdict(Facts facts) {
    if (!facts.errors().isEmpty()) {
      return new Verdict(
          BackupStorePhase.FAILED,
          ConditionStatus.FALSE,
          Conditions.REASON_INVALID_SPEC,
          "spec is invalid: " + errorList(facts.errors()));
    }
    if (facts.blocker().isPresent()) {
      Blocker b = facts.blocker().get();
      return new Verdict(BackupStorePhase.FAILED, ConditionStatus.FALSE, b.reason(), b.message());
    }
    String where =
        "BackupStorageLocation " + facts.veleroNamespace() + "/" + facts.bslName().orElse("");
    if (!facts.bslTypeExists()) {
      return new Verdict(
          BackupStorePhase.PENDING,
          ConditionStatus.FALSE,
          Conditions.REASON_VELERO_NOT_INSTALLED,
          veleroMissing());
    }
    Optional<VeleroPhase> phase = facts.observed().flatMap(ObservedBsl::phase);
    if (phase.isEmpty()) {
      return new Verdict(
          BackupStorePhase.PENDING,
          ConditionStatus.FALSE,
          Conditions.REASON_VALIDATION_PENDING,
          "waiting for Velero to validate " + where);
    }
    if (phase.get() == VeleroPhase.UNAVAILABLE) {
      String velero = facts.observed().flatMap(ObservedBsl::message).orElse("no message");
      return new Verdict(
          BackupStorePhase.FAILED,
          ConditionStatus.FALSE,
          Conditions.REASON_UNAVAILABLE,
          "Velero reports " + where + " Unavailable: " + velero);
    }
    return new Verdict(
        BackupStorePhase.READY,
        ConditionStatus.TRUE,
        Conditions.REASON_AVAILABLE,
        where + " is Available");
  }

  private static Condition bslCondition(
      Facts facts,
      String where,
      Optional<Long> generation,
      Optional<BackupStoreStatus> prior,
      Instant now) {
    String type = Conditions.BSL_AVAILABLE;
    if (!facts.bslTypeExists()) {
      return condition(
          type,
          ConditionStatus.UNKNOWN,
          Conditions.REASON_VELERO_NOT_INSTALLED,
          veleroMissing(),
          generation,
          prior,
          now);
    }
    if (facts.observed().isEmpty() && (!facts.errors().isEmpty() || facts.blocker().isPresent())) {
      return condition(
          type,
          ConditionStatus.FALSE,
          Conditions.REASON_NOT_APPLIED,
          "no BackupStorageLocation exists for this store",
          generation,
          prior,
          now);
    }
    Optional<ObservedBsl> observed = facts.observed().filter(b -> b.phase().isPresent());
    if (observed.isEmpty()) {
      return condition(
          type,
          ConditionStatus.UNKNOWN,
          Conditions.REASON_VALIDATION_PENDING,
          "waiting for Velero to validate " + where,
          generation,
          prior,
          now);
    }
    ObservedBsl bsl = observed.get();
    String message = bsl.message().orElse("");
    return bsl.phase().get() == VeleroPhase.AVAILABLE
        ? condition(
            type,
            ConditionStatus.TRUE,
            Conditions.REASON_AVAILABLE,
            message,
            generation,
            prior,
            now)
        : condition(
            type,
            ConditionStatus.FALSE,
            Conditions.REASON_UNAVAILABLE,
            message,
            generation,
            prior,
            now);
  }

  private static String veleroMissing() {
    return "Velero is not installed: the resource type backupstoragelocations.velero.io does not"
        + " exist";
  }

  private static String errorList(List<FieldError> errors) {
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }

  private static Condition condition(
      String type,
      ConditionStatus status,
      String reason,
      String message,
      Optional<Long> generation,
      Optional<BackupStoreStatus> prior,
      Instant now) {
    Instant since =
        prior
            .flatMap(p -> p.condition(type))
            .filter(c -> c.status() == status && c.lastTransitionTime() != null)
            .map(c -> Objects.requireNonNull(c.lastTransitionTime()))
            .orElse(now.truncatedTo(ChronoUnit.SECONDS));
    return new Condition(type, status, reason, message, since, generation);
  }
}
