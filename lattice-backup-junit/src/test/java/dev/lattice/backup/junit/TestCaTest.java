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
package dev.lattice.backup.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throw-away CAs: what they issue is signed by them and names what was asked, nothing more. */
class TestCaTest {
  @TempDir Path dir;

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aLeafIsASignedServerCertificateForExactlyItsNames() throws Exception {
    TestCa ca = TestCa.create("lattice-unit-ca");
    TestCa.Leaf leaf = ca.issue("*.blob.core.windows.net", "login.microsoftonline.com");
    X509Certificate caCert = parse(ca.certificatePem());
    X509Certificate cert = parse(leaf.certificatePem());

    cert.verify(caCert.getPublicKey());
    assertThat(caCert.getBasicConstraints()).as("the CA is a CA").isGreaterThanOrEqualTo(0);
    assertThat(cert.getBasicConstraints()).as("the leaf is not").isEqualTo(-1);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    assertThat(cert.getSubjectAlternativeNames())
        .extracting(n -> (Object) n.get(1))
        .containsExactlyInAnyOrder((Object) "*.blob.core.windows.net", "login.microsoftonline.com");
    assertThatThrownBy(
            () -> cert.verify(parse(TestCa.create("other").certificatePem()).getPublicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void thePemFilesHoldTheCertificateAndAPrivateKeyOnlyItsOwnerReads() throws Exception {
    TestCa.Leaf leaf = TestCa.create("lattice-unit-ca").issue("minio.lattice.test");
    leaf.writePem(dir.resolve("certs"), "public.crt", "private.key");

    assertThat(Files.readString(dir.resolve("certs/public.crt"))).isEqualTo(leaf.certificatePem());
    String key = Files.readString(dir.resolve("certs/private.key"));
    assertThat(key)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(dir.resolve("certs/private.key")))
        .extracting(Object::toString)
        .containsExactlyInAnyOrderElementsOf(List.of("OWNER_READ", "OWNER_WRITE"));
  }
}
