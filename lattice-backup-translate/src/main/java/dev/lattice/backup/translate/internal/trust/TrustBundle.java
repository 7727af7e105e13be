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
package dev.lattice.backup.translate.internal.trust;

import dev.lattice.backup.translate.TranslationResult;
import dev.lattice.backup.translate.bsl.BackupStorageLocation;
import dev.lattice.backup.translate.bsl.BslSpec;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The certificates a private object store's TLS is checked against: a PEM bundle under {@value
 * #KEY} in the Secret a store's credentials come from, beside the credentials. When the Secret
 * holds one, the location names it in {@code objectStorage.caCertRef} (Velero 1.18 and later reads
 * it there, in its own namespace, on every validation); the location never turns TLS checks off.
 *
 * <p>Pure functions: {@link #problem} judges a bundle without echoing any of it, {@link #trusting}
 * adds the reference to a translated location.
 */
public final class TrustBundle {
  /** The Secret key holding the bundle, as Kubernetes names a CA certificate in its Secrets. */
  public static final String KEY = "ca.crt";

  /**
   * The largest bundle accepted, in bytes: room for a whole public CA bundle (about 220 KB), well
   * below a Secret's limit of 1 MiB.
   */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);
  private static final Set<String> KNOWN_LABELS =
      Set.of(
          "PRIVATE KEY",
          "ENCRYPTED PRIVATE KEY",
          "RSA PRIVATE KEY",
          "EC PRIVATE KEY",
          "DSA PRIVATE KEY",
          "OPENSSH PRIVATE KEY",
          "PUBLIC KEY",
          "RSA PUBLIC KEY",
          "X509 CRL",
          "CERTIFICATE REQUEST",
          "NEW CERTIFICATE REQUEST",
          "TRUSTED CERTIFICATE",
          "PKCS7",
          "CMS",
          "ATTRIBUTE CERTIFICATE",
          "EC PARAMETERS",
          "DH PARAMETERS");
  private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]*");

  private TrustBundle() {}

  /**
   * Why a value cannot be the bundle Velero trusts, or empty when it can: it must be text of at
   * most {@value #MAX_BYTES} bytes holding one or more PEM {@code CERTIFICATE} blocks, each an
   * X.509 certificate, and no other kind of block (a private key beside the certificates would be
   * handed to Velero's plugins). Text between blocks is allowed, as RFC 7468 allows it. The reason
   * names the block's position and type, never its content.
   *
   * @param value the Secret value's bytes
   * @return the reason, such as {@code block 2 is a PRIVATE KEY, not CERTIFICATE}
   */
  public static Optional<String> problem(byte[] value) {
    if (value.length > MAX_BYTES) {
      return Optional.of("is larger than " + MAX_BYTES + " bytes");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.of("is not text (PEM certificates are text)");
    }
    Matcher m = BLOCK.matcher(text);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String type = m.group(1);
      if (!type.equals(m.group(3))) {
        return Optional.of("block " + blocks + " ends with another label than it begins with");
      }
      if (!type.equals("CERTIFICATE")) {
        // Only a label of RFC 7468 or OpenSSL is named; any other might be a secret.
        return Optional.of(
            "block "
                + blocks
                + (KNOWN_LABELS.contains(type) ? " is a " + type : " has another label")
                + ", not CERTIFICATE");
      }
      String body = m.group(2);
      if (!BASE64_BODY.matcher(body).matches()) {
        return Optional.of("block " + blocks + " is not base64 (PEM headers are not allowed)");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        return Optional.of("block " + blocks + " is not base64");
      }
      if (!isCertificate(der)) {
        return Optional.of("block " + blocks + " is not an X.509 certificate");
      }
    }
    if (blocks == 0) {
      return Optional.of("holds no PEM CERTIFICATE block");
    }
    String outside = BLOCK.matcher(text).replaceAll("");
    if (outside.contains("-----BEGIN") || outside.contains("-----END")) {
      return Optional.of("holds an unterminated PEM block");
    }
    return Optional.empty();
  }

  /**
   * Whether DER bytes have the shape of an X.509 certificate (RFC 5280, section 4.1): one SEQUENCE,
   * exactly filling them, of the to-be-signed SEQUENCE (whose first element is the explicit version
   * or the serial number's INTEGER), the signature algorithm's SEQUENCE and the signature's BIT
   * STRING. The signature is not checked: whoever fills the Secret chooses whom to trust, and
   * Velero's plugin parses the certificates again. Public for the translation engine's tests.
   *
   * @param der the bytes of one PEM block, decoded
   * @return true when they have the shape of a certificate
   */
  public static boolean isCertificate(byte[] der) {
    int[] outer = tlv(der, 0, der.length, 0x30);
    if (outer == null || outer[1] != der.length) {
      return false;
    }
    int[] tbs = tlv(der, outer[0], outer[1], 0x30);
    if (tbs == null) {
      return false;
    }
    int[] first = tlv(der, tbs[0], tbs[1], -1);
    if (first == null || (der[tbs[0]] & 0xff) != 0xa0 && der[tbs[0]] != 0x02) {
      return false;
    }
    int[] algorithm = tlv(der, tbs[1], outer[1], 0x30);
    if (algorithm == null) {
      return false;
    }
    int[] signature = tlv(der, algorithm[1], outer[1], 0x03);
    return signature != null && signature[1] == outer[1];
  }

  /**
   * One DER element at {@code at}, within {@code limit}, of the tag asked ({@code -1}: any): the
   * start of its content and its end, or null when there is none. Lengths use the definite forms
   * only, as DER requires.
   */
  private static int @Nullable [] tlv(byte[] der, int at, int limit, int tag) {
    if (at + 2 > limit || tag >= 0 && (der[at] & 0xff) != tag) {
      return null;
    }
    int first = der[at + 1] & 0xff;
    int content = at + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int bytes = first & 0x7f;
      if (bytes == 0 || bytes > 4 || content + bytes > limit) {
        return null;
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = length << 8 | der[content + i] & 0xff;
      }
      content += bytes;
    }
    long end = content + length;
    return end > limit ? null : new int[] {content, (int) end};
  }

  /**
   * A translated location that trusts the bundle under {@value #KEY} in the Secret its credentials
   * come from ({@code spec.credential}'s Secret, which is the mirrored copy for a tenant's store);
   * the location itself when it names no credentials, since then no Secret can carry a bundle.
   *
   * @param translated the translation
   * @return the translation with {@code objectStorage.caCertRef} set
   */
  public static TranslationResult.Translated trusting(TranslationResult.Translated translated) {
    BackupStorageLocation bsl = translated.bsl();
    BslSpec spec = bsl.spec();
    if (spec.credential().isEmpty()) {
      return translated;
    }
    SecretKeyRef ref = new SecretKeyRef(spec.credential().get().name(), KEY);
    BslSpec trusting =
        new BslSpec(
            spec.provider(),
            spec.objectStorage().withCaCertRef(Optional.of(ref)),
            spec.config(),
            spec.credential(),
            spec.isDefault());
    return new TranslationResult.Translated(
        new BackupStorageLocation(bsl.metadata(), trusting), translated.mirror());
  }
}
