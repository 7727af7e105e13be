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
package dev.lattice.backup.testing.arbitraries;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageProvider;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStorePhase;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.BackupStoreStatus;
import dev.lattice.backup.model.Condition;
import dev.lattice.backup.model.ConditionStatus;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.validation.internal.FieldRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of valid BackupStores and their parts, shared with other modules' tests through
 * the model's test-jar. Generators build valid values by construction and keep only what the
 * model's own rules accept, so a generator that drifts from the rules shows up as filter misses.
 */
public final class ModelArbitraries {
  private ModelArbitraries() {}

  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = LOWER + DIGITS;

  /** One lowercase letter or digit. */
  public static Arbitrary<Character> alnum() {
    return Arbitraries.of(ALNUM.toCharArray());
  }

  /**
   * A DNS-1123 label of 1..max characters, with hyphens inside and hex-looking tails now and then.
   */
  public static Arbitrary<String> dnsLabel(int max) {
    Arbitrary<String> built =
        Combinators.combine(
                alnum(),
                Arbitraries.strings().withChars(ALNUM + "-").ofMaxLength(Math.max(0, max - 2)),
                alnum(),
                Arbitraries.integers().between(0, 2))
            .as((a, mid, z, shape) -> shape == 0 ? "" + a : a + mid + z);
    Arbitrary<String> hexTail =
        Combinators.combine(
                Arbitraries.strings().withChars(LOWER).ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(8))
            .as((p, h) -> p + "-" + h);
    Arbitrary<String> samples =
        Arbitraries.of("lattice-system", "team-a", "team-a-b", "b", "a", "velero");
    return Arbitraries.frequencyOf(Tuple.of(6, built), Tuple.of(2, hexTail), Tuple.of(2, samples))
        .map(s -> s.length() > max ? s.substring(0, max) : s)
        .filter(FieldRule.DNS1123_LABEL::accepts);
  }

  /** A DNS-1123 subdomain of at most max characters. */
  public static Arbitrary<String> dnsSubdomain(int max) {
    return dnsLabel(63)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(parts -> String.join(".", parts))
        .map(s -> s.length() > max ? s.substring(0, max) : s)
        .filter(FieldRule.DNS1123_SUBDOMAIN::accepts);
  }

  /** An object name: a DNS-1123 subdomain, sometimes the longest allowed. */
  public static Arbitrary<String> objectName() {
    Arbitrary<String> longest =
        Arbitraries.strings().withChars(ALNUM).ofLength(251).map(s -> "n" + s + "0");
    return Arbitraries.frequencyOf(Tuple.of(9, dnsSubdomain(253)), Tuple.of(1, longest));
  }

  /** A namespace: a DNS-1123 label, sometimes the platform namespace. */
  public static Arbitrary<String> namespace() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just("lattice-system")), Tuple.of(7, dnsLabel(63)));
  }

  /** A valid S3 bucket name. */
  public static Arbitrary<String> s3Bucket() {
    return dnsLabel(20)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(parts -> String.join(".", parts))
        .map(s -> s.length() > 63 ? s.substring(0, 63) : s)
        .map(s -> s.length() < 3 ? s + "bkt" : s)
        .filter(FieldRule.S3_BUCKET::accepts);
  }

  /** A valid AWS region. */
  public static Arbitrary<String> region() {
    return Arbitraries.oneOf(
        Arbitraries.of("us-east-1", "eu-west-3", "ap-southeast-2", "minio", "us-gov-west-1"),
        dnsLabel(63));
  }

  /** A valid endpoint URL without user information. */
  public static Arbitrary<String> endpoint() {
    // A name's last label starts with a letter (an all-numeric one would read as an address); an
    // IPv4 address avoids 0/8, 127/8, 169.254/16 and 224/3; an IPv6 address starts 2xxx or fdxx.
    Arbitrary<String> name =
        Combinators.combine(dnsSubdomain(40), Arbitraries.chars().range('a', 'z'), dnsLabel(10))
            .as((d, c, l) -> d + "." + c + l);
    Arbitrary<String> v4 =
        Combinators.combine(
                Arbitraries.integers().between(1, 223).filter(a -> a != 127 && a != 169),
                Arbitraries.integers().between(0, 255).list().ofSize(3))
            .as((a, l) -> a + "." + l.get(0) + "." + l.get(1) + "." + l.get(2));
    Arbitrary<String> v6 =
        Combinators.combine(
                Arbitraries.of("2001:db8", "2a05:d018", "fd12:3456", "2600:1f18"),
                Arbitraries.integers().between(0, 0xffff).list().ofMinSize(0).ofMaxSize(4))
            .as(
                (p, l) -> {
                  StringBuilder b = new StringBuilder("[").append(p);
                  l.forEach(g -> b.append(':').append(Integer.toHexString(g)));
                  return b.append(l.size() == 4 ? ":1" : "::1").append(']').toString();
                });
    Arbitrary<String> host =
        Arbitraries.frequencyOf(Tuple.of(6, name), Tuple.of(3, v4), Tuple.of(1, v6));
    Arbitrary<String> port =
        Arbitraries.oneOf(
            Arbitraries.just(""), Arbitraries.integers().between(1, 65535).map(p -> ":" + p));
    Arbitrary<String> path = Arbitraries.of("", "/", "/s3", "/minio/api");
    return Combinators.combine(Arbitraries.of("http", "https"), host, port, path)
        .as((s, h, p, pa) -> s + "://" + h + p + pa)
        .filter(FieldRule.S3_ENDPOINT::accepts);
  }

  /** A valid GCS bucket name, with dots now and then (up to 222 characters). */
  public static Arbitrary<String> gcsBucket() {
    Arbitrary<String> part =
        Combinators.combine(
                alnum(), Arbitraries.strings().withChars(ALNUM + "-_").ofMaxLength(61), alnum())
            .as((a, m, z) -> a + m + z);
    return part.list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(parts -> String.join(".", parts))
        .map(s -> s.length() > 222 ? s.substring(0, 222) : s)
        .filter(FieldRule.GCS_BUCKET::accepts);
  }

  /** A valid Azure container name. */
  public static Arbitrary<String> azureContainer() {
    return Arbitraries.strings()
        .withChars(ALNUM)
        .ofMinLength(1)
        .ofMaxLength(12)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(parts -> String.join("-", parts))
        .map(s -> s.length() < 3 ? s + "box" : s)
        .map(s -> s.length() > 63 ? s.substring(0, 63) : s)
        .filter(FieldRule.AZURE_CONTAINER::accepts);
  }

  /** A valid Azure storage account name. */
  public static Arbitrary<String> storageAccount() {
    return Arbitraries.strings().withChars(ALNUM).ofMinLength(3).ofMaxLength(24);
  }

  /** A whole-second instant between 2000 and 2100, as the API server writes timestamps. */
  public static Arbitrary<Instant> timestamp() {
    return Arbitraries.longs().between(946_684_800L, 4_102_444_800L).map(Instant::ofEpochSecond);
  }

  /** A valid S3 block for native S3. */
  public static Arbitrary<S3StorageConfig> nativeS3() {
    return Combinators.combine(
            s3Bucket(),
            region(),
            endpoint().optional(0.2),
            Arbitraries.of(true, false).optional(0.5))
        .as((b, r, e, f) -> new S3StorageConfig(b, Optional.of(r), e, f));
  }

  /** A valid S3 block for S3-compatible storage. */
  public static Arbitrary<S3StorageConfig> compatibleS3() {
    return Combinators.combine(
            s3Bucket(), region().optional(0.5), endpoint(), Arbitraries.of(true, false))
        .as((b, r, e, f) -> new S3StorageConfig(b, r, Optional.of(e), Optional.of(f)));
  }

  /** A valid storage spec of any provider, with none or one credential source. */
  public static Arbitrary<BackupStorageSpec> storage() {
    Arbitrary<BackupStorageSpec> blocks =
        Arbitraries.oneOf(
            nativeS3().map(BackupStorageSpec::s3),
            compatibleS3().map(BackupStorageSpec::s3Compatible),
            gcsBucket().map(b -> BackupStorageSpec.gcs(GcsStorageConfig.of(b))),
            Combinators.combine(azureContainer(), storageAccount().optional(0.8))
                .as((c, a) -> BackupStorageSpec.azure(new AzureStorageConfig(c, a))));
    return Combinators.combine(blocks, Arbitraries.integers().between(0, 2), dnsSubdomain(253))
        .as(
            (spec, which, ref) ->
                switch (which) {
                  case 1 -> spec.withCloudProviderRef(ref);
                  case 2 -> spec.withCredentialsSecretRef(ref);
                  default -> spec;
                });
  }

  /** A valid storage spec of the given provider. */
  public static Arbitrary<BackupStorageSpec> storage(BackupStorageProvider provider) {
    return storage().filter(s -> s.provider() == provider);
  }

  /** Valid metadata, in a namespace, with server-set fields now and then. */
  public static Arbitrary<ObjectMetadata> metadata() {
    Arbitrary<java.util.Map<String, String>> labels =
        Arbitraries.maps(
                Arbitraries.strings()
                    .withChars(LOWER)
                    .ofMinLength(1)
                    .ofMaxLength(12)
                    .map(k -> "lattice.dev/" + k),
                dnsLabel(20))
            .ofMaxSize(3);
    return Combinators.combine(
            objectName(),
            namespace(),
            timestamp().optional(0.7),
            Arbitraries.longs().between(1, 1000).optional(0.7),
            labels,
            Arbitraries.of(List.<String>of(), List.of("lattice.dev/backup-store")),
            timestamp().optional(0.1))
        .as(
            (name, ns, created, gen, lbls, fin, deleted) ->
                ObjectMetadata.builder()
                    .name(name)
                    .namespace(ns)
                    .creationTimestamp(created.orElse(null))
                    .generation(gen.orElse(null))
                    .labels(lbls)
                    .finalizers(fin)
                    .deletionTimestamp(deleted.orElse(null))
                    .uid(created.map(c -> "uid-" + c.getEpochSecond()).orElse(null))
                    .resourceVersion(gen.map(String::valueOf).orElse(null))
                    .build());
  }

  /** A valid controller-written status. */
  public static Arbitrary<BackupStoreStatus> status() {
    Arbitrary<Condition> condition =
        Combinators.combine(
                Arbitraries.of("Ready", "SpecValid", "Default", "BackupStorageLocationAvailable"),
                Arbitraries.of(ConditionStatus.class),
                Arbitraries.of("Available", "InvalidSpec", "DefaultConflict"),
                Arbitraries.strings().ofMaxLength(40),
                timestamp(),
                Arbitraries.longs().between(1, 1000).optional(0.5))
            .as(Condition::new);
    return Combinators.combine(
            Arbitraries.of(BackupStorePhase.class),
            dnsLabel(63).optional(0.7),
            condition.list().ofMaxSize(3),
            Arbitraries.strings().ofMaxLength(60).optional(0.5),
            Arbitraries.longs().between(1, 1000).optional(0.5))
        .as(BackupStoreStatus::new);
  }

  /** A valid BackupStore of any provider, sometimes with a status. */
  public static Arbitrary<BackupStore> validStores() {
    return Combinators.combine(
            metadata(), Arbitraries.of(true, false), storage(), status().optional(0.3))
        .as(
            (meta, dflt, storage, status) ->
                BackupStore.of(meta, new BackupStoreSpec(dflt, storage))
                    .withStatus(status.orElse(null)));
  }
}
