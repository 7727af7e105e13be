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

import dev.lattice.backup.reconcile.port.SecretData;
import dev.lattice.backup.translate.CredentialMirror;
import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import dev.lattice.backup.translate.internal.trust.TrustBundle;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a store's credentials Secret, as read, means for its location: which data to copy into
 * Velero's namespace, whether the location trusts a CA bundle, or why nothing may be applied and
 * whether the store's copy must go. A pure function of the translation and the read.
 */
final class CredentialsRule {
  private CredentialsRule() {}

  /** The rule's verdict. */
  sealed interface Verdict permits Apply, Blocked {}

  /**
   * Apply the translation, copying {@code copy} when the store's Secret is mirrored.
   *
   * @param translated the translation, trusting the bundle when the Secret has one
   * @param copy the data of the mirrored Secret; empty for a Secret Velero reads in place
   */
  record Apply(TranslationResult.Translated translated, Optional<SecretData> copy)
      implements Verdict {}

  /**
   * Apply nothing.
   *
   * @param blocker why, for the store's status
   * @param revoked whether the source no longer holds the credentials, so the store's copy in
   *     Velero's namespace must be deleted
   */
  record Blocked(StatusRules.Blocker blocker, boolean revoked) implements Verdict {}

  /**
   * Judges a translated store's credentials.
   *
   * @param translated the translation
   * @param source what reading the Secret the credentials come from found (null when it was not
   *     read: a store that names no credentials)
   * @param existingCaCertRef the {@code caCertRef} of the store's BSL as it stands, kept for a
   *     Secret of Velero's namespace that could not be read
   * @return the verdict
   */
  static Verdict judge(
      TranslationResult.Translated translated,
      @Nullable SourceSecret source,
      Optional<SecretKeyRef> existingCaCertRef) {
    Optional<CredentialMirror> mirror = translated.mirror();
    if (mirror.isEmpty()) {
      return direct(translated, source, existingCaCertRef);
    }
    CredentialMirror m = mirror.get();
    String secret = "Secret " + m.sourceNamespace() + "/" + m.sourceName();
    if (source instanceof SourceSecret.Present present) {
      Optional<byte[]> credentials = present.data().get(m.key());
      if (credentials.isEmpty()) {
        return revoked(secret + " has no key \"" + m.key() + "\"");
      }
      Optional<byte[]> bundle = present.data().get(TrustBundle.KEY);
      TreeMap<String, byte[]> copy = new TreeMap<>();
      copy.put(m.key(), credentials.get());
      if (bundle.isEmpty()) {
        return new Apply(translated, Optional.of(SecretData.of(copy)));
      }
      Optional<String> problem = TrustBundle.problem(bundle.get());
      if (problem.isPresent()) {
        return invalidBundle(secret, problem.get());
      }
      copy.put(TrustBundle.KEY, bundle.get());
      return new Apply(TrustBundle.trusting(translated), Optional.of(SecretData.of(copy)));
    }
    if (source instanceof SourceSecret.Unreadable unreadable) {
      return new Blocked(
          new StatusRules.Blocker(
              Conditions.REASON_CREDENTIALS_UNAVAILABLE,
              "cannot read " + secret + ": " + unreadable.failure().message()),
          false);
    }
    if (source instanceof SourceSecret.Absent) {
      return revoked(secret + " does not exist");
    }
    return new Blocked(
        new StatusRules.Blocker(
            Conditions.REASON_CREDENTIALS_UNAVAILABLE, secret + " was not read"),
        false);
  }

  /**
   * A Secret Velero reads in its own namespace: nothing to copy; trust its bundle if it has one.
   */
  private static Verdict direct(
      TranslationResult.Translated translated,
      @Nullable SourceSecret source,
      Optional<SecretKeyRef> existingCaCertRef) {
    Optional<SecretKeyRef> credential = translated.bsl().spec().credential();
    if (credential.isEmpty()) {
      return new Apply(translated, Optional.empty());
    }
    if (source instanceof SourceSecret.Present present) {
      Optional<byte[]> bundle = present.data().get(TrustBundle.KEY);
      if (bundle.isEmpty()) {
        return new Apply(translated, Optional.empty());
      }
      Optional<String> problem = TrustBundle.problem(bundle.get());
      if (problem.isPresent()) {
        return invalidBundle(
            "Secret "
                + translated.bsl().metadata().namespace().orElse("")
                + "/"
                + credential.get().name(),
            problem.get());
      }
      return new Apply(TrustBundle.trusting(translated), Optional.empty());
    }
    // Absent: Velero reports the location Unavailable, naming the Secret. Unreadable: keep what
    // the location trusts now rather than guess.
    TranslationResult.Translated trusting = TrustBundle.trusting(translated);
    boolean keep =
        source instanceof SourceSecret.Unreadable
            && existingCaCertRef.equals(trusting.bsl().spec().objectStorage().caCertRef());
    return new Apply(keep ? trusting : translated, Optional.empty());
  }

  private static Blocked revoked(String message) {
    return new Blocked(
        new StatusRules.Blocker(
            Conditions.REASON_CREDENTIALS_UNAVAILABLE,
            message + "; no copy of its credentials is kept in Velero's namespace"),
        true);
  }

  private static Blocked invalidBundle(String secret, String problem) {
    return new Blocked(
        new StatusRules.Blocker(
            Conditions.REASON_INVALID_CA_BUNDLE,
            secret
                + " key \""
                + TrustBundle.KEY
                + "\" "
                + Objects.requireNonNull(problem)
                + "; nothing was applied"),
        false);
  }
}
