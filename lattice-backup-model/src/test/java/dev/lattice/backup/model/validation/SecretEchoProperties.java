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
package dev.lattice.backup.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.backup.model.BackupStorageSpec;
import dev.lattice.backup.model.BackupStore;
import dev.lattice.backup.model.BackupStoreSpec;
import dev.lattice.backup.model.ObjectMetadata;
import dev.lattice.backup.model.S3StorageConfig;
import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.BackupStoreReadException;
import dev.lattice.backup.model.validation.internal.FieldRule;
import dev.lattice.backup.testing.arbitraries.Secrets;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No message of the model shows any piece of a password written into an endpoint: field rules, the
 * validator, Bean Validation (Hibernate Validator), a store's string form, and every error of
 * strict and lenient reading, where the endpoint stands where it belongs and where it does not (an
 * apiVersion, a provider, a timestamp) and in broken YAML. See {@link Secrets} for the passwords
 * and why a window of four characters is searched for.
 */
class SecretEchoProperties {
  private static final Validator validator = BeanValidation.validator();

  @Provide
  net.jqwik.api.Arbitrary<String> passwords() {
    return Secrets.passwords();
  }

  private static BackupStore store(String endpoint) {
    return new BackupStore(
        BackupStore.API_VERSION,
        BackupStore.KIND,
        ObjectMetadata.named("leaky").withNamespace("team-a"),
        new BackupStoreSpec(
            false,
            BackupStorageSpec.s3Compatible(
                S3StorageConfig.of("bucket-a").withEndpoint(endpoint).withForcePathStyle(true))),
        java.util.Optional.empty());
  }

  /** Every text the model prints about a store carrying the endpoint. */
  private static List<String> outputs(String endpoint) {
    List<String> out = new ArrayList<>();
    FieldRule.S3_ENDPOINT.check(endpoint).ifPresent(e -> out.add(e.toString()));
    out.add(FieldRule.redactUserInfo(endpoint));
    BackupStore store = store(endpoint);
    out.add(store.toString());
    BackupStoreValidator.validate(store).forEach(e -> out.add(e.toString()));
    BackupStoreValidator.fromViolations(validator.validate(store))
        .forEach(e -> out.add(e.toString()));
    validator.validate(store).forEach(v -> out.add(v.getMessage()));
    String json = BackupStoreCodec.strict().writeJson(store);
    String yaml = BackupStoreCodec.strict().writeYaml(store);
    List<String> texts = new ArrayList<>();
    texts.add(json);
    texts.add(yaml);
    String quoted = json.substring(json.indexOf("\"endpoint\":") + 11);
    quoted = quoted.substring(0, quoted.indexOf("\",\"") + 1);
    // the endpoint where it does not belong
    texts.add(json.replace("\"lattice.dev/v1alpha1\"", quoted));
    texts.add(json.replace("\"BackupStore\"", quoted));
    texts.add(json.replace("\"s3Compatible\"", quoted));
    texts.add(
        json.replace("\"name\":\"leaky\"", "\"name\":\"leaky\",\"creationTimestamp\":" + quoted));
    texts.add(json.replace("\"bucket\":\"bucket-a\"", "\"bucket\":\"bucket-a\"," + quoted + ":1"));
    // broken text around it
    texts.add(json.substring(0, json.length() - 3));
    texts.add(json.replace("\"endpoint\":", "\"endpoint\" "));
    texts.add(json.replace(quoted, quoted.substring(1, quoted.length() - 1)));
    texts.add(
        yaml.replace("endpoint: ", "endpoint: [").replace("forcePathStyle", "- forcePathStyle"));
    for (BackupStoreCodec codec : List.of(BackupStoreCodec.strict(), BackupStoreCodec.lenient())) {
      for (String text : texts) {
        try {
          BackupStore read = codec.read(text);
          BackupStoreValidator.validate(read).forEach(e -> out.add(e.toString()));
          if (text.equals(json) || text.equals(yaml)) {
            // a store's string form redacts its endpoint; other fields are not endpoints
            out.add(read.toString());
          }
        } catch (BackupStoreReadException e) {
          out.add(e.getMessage());
          e.errors().forEach(err -> out.add(err.toString()));
        }
      }
    }
    return out;
  }

  @Property(tries = 150)
  void noModelOutputShowsAnyPieceOfAPasswordInAnEndpoint(@ForAll("passwords") String password) {
    for (String endpoint : Secrets.endpointsHiding(password)) {
      for (String output : outputs(endpoint)) {
        assertThat(Secrets.leak(output, password)).as(output).isEmpty();
      }
    }
  }

  @Property(tries = 50)
  void theSearchFindsAPasswordThatIsShown(@ForAll("passwords") String password) {
    // The property above can fail: an unredacted message is caught.
    String endpoint = Secrets.endpointsHiding(password).get(0);
    assertThat(Secrets.leak("Invalid value: \"" + endpoint + "\"", password)).isPresent();
    assertThat(
            Secrets.leak(
                FieldError.invalid("x", "a", "").toString() + endpoint.substring(20, 24), password))
        .isPresent();
  }

  /** A valid store of the provider whose storage holds the field, as JSON. */
  private static String storeWith(String field, String secret) {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            BackupStoreCodec.strict()
                .toTree(
                    new BackupStore(
                        BackupStore.API_VERSION,
                        BackupStore.KIND,
                        ObjectMetadata.named("leaky").withNamespace("team-a"),
                        new BackupStoreSpec(
                            false,
                            field.startsWith("gcs.")
                                ? BackupStorageSpec.gcs(
                                        dev.lattice.backup.model.GcsStorageConfig.of("bucket-a"))
                                    .withCredentialsSecretRef("k")
                                : field.startsWith("azure.")
                                    ? BackupStorageSpec.azure(
                                            dev.lattice.backup.model.AzureStorageConfig.of("box-a"))
                                        .withCredentialsSecretRef("k")
                                    : BackupStorageSpec.s3Compatible(
                                            S3StorageConfig.of("bucket-a")
                                                .withRegion("us-east-1")
                                                .withEndpoint("https://minio.example")
                                                .withForcePathStyle(true))
                                        .withCredentialsSecretRef("k")),
                        java.util.Optional.empty()));
    com.fasterxml.jackson.databind.node.ObjectNode parent =
        (com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/spec/storage");
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      parent = (com.fasterxml.jackson.databind.node.ObjectNode) parent.get(parts[i]);
    }
    parent.put(parts[parts.length - 1], secret);
    if (field.equals("cloudProviderRef")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/spec/storage"))
          .remove("credentialsSecretRef");
    }
    return tree.toString();
  }

  @Provide
  net.jqwik.api.Arbitrary<String> storageFields() {
    return net.jqwik.api.Arbitraries.of(
        "provider",
        "s3.bucket",
        "s3.region",
        "s3.endpoint",
        "gcs.bucket",
        "azure.container",
        "azure.storageAccount",
        "cloudProviderRef",
        "credentialsSecretRef");
  }

  /**
   * A secret pasted into any string field of the storage, whole or cut to a field's length, is
   * refused without showing any piece of it: reading errors (strict and lenient), the validator,
   * Bean Validation, and the store's string form.
   */
  @Property(tries = 300)
  void aSecretPastedIntoAnyStorageFieldIsShownNowhere(
      @ForAll("storageFields") String field,
      @ForAll("passwords") String password,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 4, max = 300) int length) {
    String secret = password.repeat(3).substring(0, Math.min(length, 3 * password.length()));
    String json = storeWith(field, secret);
    List<String> out = new ArrayList<>();
    for (BackupStoreCodec codec : List.of(BackupStoreCodec.strict(), BackupStoreCodec.lenient())) {
      try {
        BackupStore read = codec.read(json);
        BackupStoreValidator.validate(read).forEach(e -> out.add(e.toString()));
        BackupStoreValidator.fromViolations(validator.validate(read))
            .forEach(e -> out.add(e.toString()));
        validator.validate(read).forEach(v -> out.add(v.getMessage()));
        out.add(read.toString());
      } catch (BackupStoreReadException e) {
        out.add(e.getMessage());
        e.errors().forEach(err -> out.add(err.toString()));
      }
    }
    assertThat(out).as("something was said").isNotEmpty();
    for (String output : out) {
      assertThat(Secrets.leak(output, secret)).as(field + ": " + output).isEmpty();
    }
  }
}
