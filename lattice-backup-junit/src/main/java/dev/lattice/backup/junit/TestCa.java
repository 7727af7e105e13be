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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority for tests, made with the JDK's own {@code keytool} (no OpenSSL
 * needed): EC P-256 keys, valid for 30 days. It issues server certificates for DNS names (wildcards
 * allowed), whose certificate and PKCS#8 key a test writes as PEM files for a server (Azurite,
 * MinIO's {@code public.crt}/{@code private.key}) or uses as an {@link SSLContext} in the JVM;
 * clients trust {@link #certificatePem()}.
 *
 * <pre>{@code
 * TestCa ca = TestCa.create("private-a");
 * TestCa.Leaf leaf = ca.issue("minio.minio-system.svc");
 * leaf.writePem(certsDir, "public.crt", "private.key");
 * }</pre>
 */
public final class TestCa {
  private static final String PASSWORD = "lattice-test-ca";
  private static final AtomicInteger LEAVES = new AtomicInteger();

  private final Path dir;
  private final String name;
  private final String certificatePem;

  private TestCa(Path dir, String name, String certificatePem) {
    this.dir = dir;
    this.name = name;
    this.certificatePem = certificatePem;
  }

  /**
   * Makes a new CA with a fresh key, in a temporary directory of its own.
   *
   * @param name its common name, such as {@code lattice-public-test-ca}
   * @return the CA
   * @throws ControlPlaneException when keytool fails
   */
  public static TestCa create(String name) {
    Objects.requireNonNull(name, "name");
    try {
      Path dir = Files.createTempDirectory("lattice-test-ca-");
      Path keystore = dir.resolve("ca.p12");
      keytool(
          dir,
          keystore,
          "-genkeypair",
          "-alias",
          "ca",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + name + ",O=lattice-backup tests",
          "-ext",
          "bc:c",
          "-ext",
          "ku:c=keyCertSign,cRLSign",
          "-validity",
          "30",
          "-storetype",
          "PKCS12");
      Path pem = dir.resolve("ca.crt");
      keytool(dir, keystore, "-exportcert", "-alias", "ca", "-rfc", "-file", pem.toString());
      return new TestCa(dir, name, Files.readString(pem, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new ControlPlaneException("cannot make test CA " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The CA's certificate, which clients trust.
   *
   * @return one PEM {@code CERTIFICATE} block
   */
  public String certificatePem() {
    return certificatePem;
  }

  /**
   * The CA's common name.
   *
   * @return the name given to {@link #create}
   */
  public String name() {
    return name;
  }

  /**
   * Issues a server certificate (extended key usage serverAuth) for DNS names.
   *
   * @param dnsNames its subject alternative names, the first also its common name; {@code *.x.y}
   *     wildcards allowed
   * @return the certificate and its key
   */
  public Leaf issue(String... dnsNames) {
    if (dnsNames.length == 0) {
      throw new IllegalArgumentException("a leaf needs at least one DNS name");
    }
    List<String> san = new ArrayList<>();
    for (String n : dnsNames) {
      san.add("dns:" + Objects.requireNonNull(n, "dnsNames"));
    }
    try {
      Path leafDir = Files.createDirectories(dir.resolve("leaf-" + LEAVES.incrementAndGet()));
      Path keystore = leafDir.resolve("leaf.p12");
      keytool(
          leafDir,
          keystore,
          "-genkeypair",
          "-alias",
          "leaf",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + dnsNames[0].replace("*", "wildcard"),
          "-validity",
          "30",
          "-storetype",
          "PKCS12");
      Path csr = leafDir.resolve("leaf.csr");
      keytool(leafDir, keystore, "-certreq", "-alias", "leaf", "-file", csr.toString());
      Path crt = leafDir.resolve("leaf.crt");
      keytool(
          leafDir,
          dir.resolve("ca.p12"),
          "-gencert",
          "-alias",
          "ca",
          "-infile",
          csr.toString(),
          "-outfile",
          crt.toString(),
          "-rfc",
          "-validity",
          "30",
          "-ext",
          "san=" + String.join(",", san),
          "-ext",
          "ku:c=digitalSignature",
          "-ext",
          "eku=serverAuth");
      keytool(
          leafDir,
          keystore,
          "-importcert",
          "-noprompt",
          "-alias",
          "ca",
          "-file",
          dir.resolve("ca.crt").toString());
      keytool(
          leafDir, keystore, "-importcert", "-noprompt", "-alias", "leaf", "-file", crt.toString());
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      PrivateKey key = (PrivateKey) store.getKey("leaf", PASSWORD.toCharArray());
      Certificate cert = store.getCertificate("leaf");
      return new Leaf(
          store, pem("CERTIFICATE", cert.getEncoded()), pem("PRIVATE KEY", key.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlPlaneException(
          "cannot issue a certificate for " + List.of(dnsNames) + ": " + e.getMessage(), e);
    }
  }

  /** A client TLS context that trusts this CA only. */
  SSLContext trustingContext() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca",
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new java.io.ByteArrayInputStream(
                      certificatePem.getBytes(StandardCharsets.US_ASCII))));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ControlPlaneException("cannot trust the test CA: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Runs the JDK's keytool in {@code dir} on a keystore, opened with {@link #PASSWORD}. */
  private static void keytool(Path dir, Path keystore, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-keystore", keystore.toString(), "-storepass", PASSWORD));
    Path out = dir.resolve("keytool.log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool " + args[0] + " timed out");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "keytool " + args[0] + " failed (exit " + p.exitValue() + "): " + Files.readString(out));
    }
  }

  /** A server certificate issued by a {@link TestCa}, with its private key. */
  public static final class Leaf {
    private final KeyStore keyStore;
    private final String certificatePem;
    private final String privateKeyPem;

    private Leaf(KeyStore keyStore, String certificatePem, String privateKeyPem) {
      this.keyStore = keyStore;
      this.certificatePem = certificatePem;
      this.privateKeyPem = privateKeyPem;
    }

    /**
     * The certificate.
     *
     * @return one PEM {@code CERTIFICATE} block
     */
    public String certificatePem() {
      return certificatePem;
    }

    /**
     * The private key, unencrypted.
     *
     * @return one PEM {@code PRIVATE KEY} block (PKCS#8)
     */
    public String privateKeyPem() {
      return privateKeyPem;
    }

    /**
     * Writes the certificate and the key as PEM files (the key readable by its owner only).
     *
     * @param dir the directory, created if missing
     * @param certificateFile the certificate's file name, such as {@code public.crt}
     * @param keyFile the key's file name, such as {@code private.key}
     * @return {@code dir}
     */
    public Path writePem(Path dir, String certificateFile, String keyFile) {
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(certificateFile), certificatePem, StandardCharsets.US_ASCII);
        Path key = dir.resolve(keyFile);
        Files.writeString(key, privateKeyPem, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(
            key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return dir;
      } catch (IOException e) {
        throw new ControlPlaneException("cannot write a certificate to " + dir, e);
      }
    }

    /**
     * A TLS server context presenting this certificate, for a server in the test JVM.
     *
     * @return the context
     */
    public SSLContext sslContext() {
      try {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new ControlPlaneException("cannot make a TLS context: " + e.getMessage(), e);
      }
    }
  }
}
