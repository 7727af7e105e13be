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
package dev.lattice.backup.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.AzureStorageConfig;
import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.GcsStorageConfig;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.translate.bsl.BslJson;
import dev.lattice.backup.translate.bsl.SecretKeyRef;
import dev.lattice.backup.translate.internal.trust.TrustBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The CA bundle rule ({@link TrustBundle}): which {@code ca.crt} values a location may trust, that
 * a refusal never shows the value, and that a trusting location names the credentials' Secret and
 * is still one Velero's schema accepts.
 */
class TrustBundleProperties {
  private static final String EC = resource("ca-ec.pem");
  private static final String RSA = resource("ca-rsa.pem");

  private static String resource(String name) {
    try (InputStream in =
        TrustBundleProperties.class.getResourceAsStream(
            "/dev/lattice/backup/translate/trust/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no test certificate " + name, e);
    }
  }

  private static Optional<String> problem(String text) {
    return TrustBundle.problem(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder()
        .decode(
            pem.replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", ""));
  }

  @Example
  void certificatesAloneTogetherAndWithTextBetweenAreTrusted() {
    assertThat(problem(EC)).isEmpty();
    assertThat(problem(RSA)).isEmpty();
    assertThat(problem(EC + RSA)).isEmpty();
    assertThat(problem("# our private CA\n" + EC + "\nand its successor:\n" + RSA)).isEmpty();
    assertThat(problem(EC.replace("\n", "\r\n"))).isEmpty();
  }

  @Example
  void whatIsNotPemCertificatesIsRefusedWithAReason() {
    assertThat(problem("")).contains("holds no PEM CERTIFICATE block");
    assertThat(problem("not a certificate")).contains("holds no PEM CERTIFICATE block");
    String key =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(new byte[48])
            + "\n-----END PRIVATE KEY-----\n";
    assertThat(problem(EC + key)).contains("block 2 is a PRIVATE KEY, not CERTIFICATE");
    assertThat(problem(EC.replace("END CERTIFICATE", "END X509 CRL")))
        .contains("block 1 ends with another label than it begins with");
    assertThat(problem(EC + "-----BEGIN CERTIFICATE-----\nMIIB\n"))
        .contains("holds an unterminated PEM block");
    assertThat(
            problem(
                EC.replace(
                    "-----BEGIN CERTIFICATE-----\n",
                    "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n")))
        .contains("block 1 is not base64 (PEM headers are not allowed)");
    String notDer =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getEncoder().encodeToString("hello, world".getBytes(StandardCharsets.UTF_8))
            + "\n-----END CERTIFICATE-----\n";
    assertThat(problem(RSA + notDer)).contains("block 2 is not an X.509 certificate");
    assertThat(problem(EC.replace("CERTIFICATE", "MY TOKEN")))
        .contains("block 1 has another label, not CERTIFICATE");
    assertThat(TrustBundle.problem(new byte[] {(byte) 0xc3, (byte) 0x28}))
        .contains("is not text (PEM certificates are text)");
  }

  @Example
  void aBundleOverTheBoundIsRefusedAndOneAtItIsNot() {
    StringBuilder bundle = new StringBuilder();
    while (bundle.length() + EC.length() <= TrustBundle.MAX_BYTES) {
      bundle.append(EC);
    }
    String padding = "#".repeat(TrustBundle.MAX_BYTES - bundle.length());
    assertThat(problem(bundle + padding)).isEmpty();
    assertThat(problem(bundle + padding + "#")).contains("is larger than 262144 bytes");
  }

  /** Every proper prefix of a certificate, and the certificate with bytes after it, is refused. */
  @Property(tries = 300)
  void aCutOrExtendedCertificateIsNotACertificate(
      @ForAll boolean rsa, @ForAll @IntRange(min = 1, max = 2000) int cut) {
    byte[] der = der(rsa ? RSA : EC);
    assertThat(TrustBundle.isCertificate(der)).isTrue();
    int keep = Math.max(0, der.length - cut);
    assertThat(TrustBundle.isCertificate(Arrays.copyOf(der, keep))).isFalse();
    assertThat(TrustBundle.isCertificate(Arrays.copyOf(der, der.length + Math.min(cut, 4))))
        .isFalse();
  }

  /** Whatever the value, a refusal never repeats it: a secret inside it never reaches a status. */
  @Property(tries = 500)
  void aRefusalNeverShowsTheValue(
      @ForAll("secrets") String secret, @ForAll @IntRange(min = 0, max = 5) int shape) {
    String value =
        switch (shape) {
          case 0 -> secret;
          case 1 -> "-----BEGIN " + secret + "-----\nAAAA\n-----END " + secret + "-----\n";
          case 2 -> "-----BEGIN CERTIFICATE-----\n" + secret + "\n-----END CERTIFICATE-----\n";
          case 3 -> EC + "-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----";
          case 4 -> EC + "-----BEGIN CERTIFICATE-----\n" + secret;
          default -> secret.repeat(TrustBundle.MAX_BYTES / secret.length() + 1);
        };
    Optional<String> problem = problem(value);
    assertThat(problem).isPresent();
    assertThat(problem.get()).doesNotContain(secret);
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(12).ofMaxLength(40);
  }

  /** A trusting location names {@code ca.crt} of the Secret its credentials come from. */
  @Property(tries = 200)
  void aTrustingLocationNamesTheCredentialsSecretAndVeleroAcceptsIt(
      @ForAll("storesWithCredentials") BackupStore store) {
    TranslationResult result = Translator.translate(store, TranslationOptions.defaults());
    assertThat(result).isInstanceOf(TranslationResult.Translated.class);
    TranslationResult.Translated plain = (TranslationResult.Translated) result;
    TranslationResult.Translated trusting = TrustBundle.trusting(plain);

    SecretKeyRef credential = plain.bsl().spec().credential().orElseThrow();
    assertThat(plain.bsl().spec().objectStorage().caCertRef()).isEmpty();
    assertThat(trusting.bsl().spec().objectStorage().caCertRef())
        .contains(new SecretKeyRef(credential.name(), TrustBundle.KEY));
    assertThat(trusting.mirror()).isEqualTo(plain.mirror());
    assertThat(trusting.bsl().spec().withDefault(false).config())
        .isEqualTo(plain.bsl().spec().config());
    assertThat(VeleroSchema.problems(BslJson.toTree(trusting.bsl()))).isEmpty();
    assertThat(BslJson.toTree(trusting.bsl()).path("spec").path("objectStorage").has("caCert"))
        .isFalse();
    assertThat(BslJson.toTree(trusting.bsl()).toString()).doesNotContain("insecureSkipTLSVerify");
    assertThat(BslJson.fromTree(BslJson.toTree(trusting.bsl()))).isEqualTo(trusting.bsl());
    assertThat(TrustBundle.trusting(trusting)).isEqualTo(trusting);
  }

  @Provide
  Arbitrary<BackupStore> storesWithCredentials() {
    return Arbitraries.of(
        Stores.seed("minio-store.yaml"),
        Stores.seed("s3-store.yaml"),
        Stores.store(
            "team-a",
            "gcs",
            BackupStorageSpec.gcs(GcsStorageConfig.of("team-a-backups"))
                .withCredentialsSecretRef("gcs-key")),
        Stores.store(
            "lattice-system",
            "archive",
            BackupStorageSpec.azure(
                    AzureStorageConfig.of("velero-archive").withStorageAccount("latticearchive"))
                .withCloudProviderRef("azure-prod")));
  }

  @Example
  void aLocationWithoutCredentialsCannotTrustABundle() {
    BackupStore noCredentials =
        Stores.store(
            "lattice-system",
            "plain",
            BackupStorageSpec.s3(S3StorageConfig.of("lattice-backups").withRegion("us-east-1")));
    TranslationResult.Translated t =
        (TranslationResult.Translated)
            Translator.translate(noCredentials, Stores.PLATFORM_DEFAULT_CREDENTIALS);
    assertThat(t.bsl().spec().credential()).isEmpty();
    assertThat(TrustBundle.trusting(t)).isSameAs(t);
  }
}
