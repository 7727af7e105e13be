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
package dev.lattice.backup.translate.internal.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The name of the BackupStorageLocation behind a BackupStore. Stable across versions: Velero
 * attaches backups to a location by name, so changing this algorithm is a breaking change.
 *
 * <p>The algorithm, for a store {@code name} in namespace {@code namespace}:
 *
 * <ol>
 *   <li>In the platform namespace, {@code lattice-<name>} (the original Rust controller's name, so
 *       locations and their backups survive a migration) when it is at most 63 characters and does
 *       not end like a hashed name ({@code -} and {@value #HASH_CHARS} characters of {@code
 *       a-z2-7}).
 *   <li>Otherwise {@code <base>-<hash>}: {@code hash} is the first {@value #HASH_BITS} bits of
 *       SHA-256({@code namespace + "/" + name}) in UTF-8, written as {@value #HASH_CHARS}
 *       characters of lowercase base32 (RFC 4648 alphabet {@code a-z2-7}, most significant bits
 *       first); {@code base} is {@code lattice-<namespace>-<name>} with every {@code .} replaced by
 *       {@code -}, cut to 36 characters, trailing {@code -} removed.
 * </ol>
 *
 * <p>Every result is a DNS-1123 subdomain of at most 63 characters (so it also fits Velero's {@code
 * velero.io/storage-location} label); hashed names are DNS-1123 labels. Legacy names never end like
 * hashed names, so the two forms cannot collide. Two hashed names are equal only if their {@value
 * #HASH_BITS}-bit hashes are: a collision between two given stores has probability
 * 2<sup>-130</sup>, and finding any colliding pair takes about 2<sup>65</sup> SHA-256 evaluations
 * (a birthday search), which is infeasible. Collisions are still detected where names are claimed:
 * the reconciler refuses the later store (its labels name the store that owns a location).
 */
public final class BslNames {
  /** Characters of the hash suffix: base32, five bits each. */
  public static final int HASH_CHARS = 26;

  /** Bits of SHA-256 the hash suffix carries. */
  public static final int HASH_BITS = HASH_CHARS * 5;

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int MAX = 63;
  private static final String PREFIX = "lattice-";

  /** Never used itself, only cloned, so never shared in a changing state. */
  private static final MessageDigest SHA_256 = newSha256();

  private BslNames() {}

  /**
   * The BSL name of a store.
   *
   * @param namespace the store's namespace, a DNS-1123 label
   * @param name the store's name, a DNS-1123 subdomain
   * @param platformNamespace the platform namespace, where legacy names are kept
   * @return the BSL name
   */
  public static String bslName(String namespace, String name, String platformNamespace) {
    String legacy = PREFIX + name;
    if (namespace.equals(platformNamespace)
        && legacy.length() <= MAX
        && !endsLikeHashedName(legacy)) {
      return legacy;
    }
    String hash = hash(namespace + "/" + name);
    String base = (PREFIX + namespace + "-" + name).replace('.', '-');
    int keep = MAX - 1 - HASH_CHARS;
    if (base.length() > keep) {
      base = base.substring(0, keep);
    }
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == '-') {
      end--;
    }
    return base.substring(0, end) + "-" + hash;
  }

  /**
   * The name of the Secret that mirrors a store's credentials into Velero's namespace.
   *
   * @param bslName the store's BSL name
   * @return {@code <bslName>-credentials}
   */
  public static String mirrorSecretName(String bslName) {
    return bslName + "-credentials";
  }

  /**
   * Whether the text matches {@code .*-[a-z2-7]{26}} (as a regex would, {@code .} matching no line
   * terminator), checked by hand: this runs for every store.
   */
  static boolean endsLikeHashedName(String text) {
    int dash = text.length() - HASH_CHARS - 1;
    if (dash < 0 || text.charAt(dash) != '-') {
      return false;
    }
    for (int i = dash + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
        return false;
      }
    }
    for (int i = 0; i < dash; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** The first {@value #HASH_BITS} bits of SHA-256(text), as lowercase base32. */
  static String hash(String text) {
    byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[HASH_CHARS];
    for (int i = 0; i < HASH_CHARS; i++) {
      int bit = i * 5;
      int twoBytes = (digest[bit / 8] & 0xff) << 8 | (digest[bit / 8 + 1] & 0xff);
      out[i] = BASE32.charAt(twoBytes >>> (11 - bit % 8) & 0x1f);
    }
    return new String(out);
  }

  /** A fresh SHA-256 digest: a clone of one made once, cheaper than a provider look-up. */
  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
