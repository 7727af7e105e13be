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

import dev.lattice.backup.model.validation.internal.FieldRule;
import java.util.Objects;

/**
 * The choices a translation depends on. Immutable; {@link #defaults()} gives the documented
 * defaults and {@link #toBuilder()} changes some of them.
 *
 * @param veleroNamespace where Velero runs and BSLs live; default {@code velero}
 * @param platformNamespace the only namespace whose stores may be the cluster default, and the
 *     second place an explicit storeRef is looked up; default {@code lattice-system}
 * @param providerNaming how plugin names are spelled; default {@link ProviderNaming#SHORT}
 * @param credentialKey the key inside credential Secrets; default {@code cloud}
 * @param pathStyleRegion the region given to S3-compatible stores that name none (the aws plugin
 *     needs one with path-style addressing); default {@code us-east-1}
 * @param cloudProviderCredentials where a CloudProvider's credentials live; default {@link
 *     CloudProviderCredentials#latticeConvention()}
 * @param foreignDefaultPolicy what to do about a default BSL we do not manage; default {@link
 *     ForeignDefaultPolicy#RESPECT}
 * @param trust the trust boundary: which namespaces are the platform's, and what only their stores
 *     may do (name no credentials, use a CloudProvider's, point Velero inside the cluster); default
 *     {@link TrustPolicy#defaults()}
 */
public record TranslationOptions(
    String veleroNamespace,
    String platformNamespace,
    ProviderNaming providerNaming,
    String credentialKey,
    String pathStyleRegion,
    CloudProviderCredentials cloudProviderCredentials,
    ForeignDefaultPolicy foreignDefaultPolicy,
    TrustPolicy trust) {

  private static final TranslationOptions DEFAULTS =
      new TranslationOptions(
          "velero",
          "lattice-system",
          ProviderNaming.SHORT,
          "cloud",
          "us-east-1",
          CloudProviderCredentials.latticeConvention(),
          ForeignDefaultPolicy.RESPECT,
          TrustPolicy.defaults());

  /**
   * Checks the values: namespaces are DNS-1123 labels, the region and key are not empty, and only
   * platform namespaces may use Velero's default credentials.
   *
   * @param veleroNamespace where Velero runs
   * @param platformNamespace the platform namespace
   * @param providerNaming plugin name spelling
   * @param credentialKey the key inside credential Secrets
   * @param pathStyleRegion the region for S3-compatible stores without one
   * @param cloudProviderCredentials where CloudProvider credentials live
   * @param foreignDefaultPolicy the foreign default policy
   * @param trust the trust boundary
   * @throws IllegalArgumentException when a value is unusable
   */
  public TranslationOptions {
    Objects.requireNonNull(providerNaming, "providerNaming");
    Objects.requireNonNull(cloudProviderCredentials, "cloudProviderCredentials");
    Objects.requireNonNull(foreignDefaultPolicy, "foreignDefaultPolicy");
    Objects.requireNonNull(trust, "trust");
    requireLabel("veleroNamespace", veleroNamespace);
    requireLabel("platformNamespace", platformNamespace);
    for (String ns : trust.defaultCredentialNamespaces()) {
      if (!ns.equals(platformNamespace) && !trust.platformNamespaces().contains(ns)) {
        throw new IllegalArgumentException(
            "defaultCredentialNamespaces: "
                + ns
                + " is not a platform namespace; only platform namespaces may use Velero's"
                + " default credentials");
      }
    }
    if (credentialKey.isEmpty()) {
      throw new IllegalArgumentException("credentialKey must not be empty");
    }
    FieldRule.S3_REGION
        .check(pathStyleRegion)
        .ifPresent(
            e -> {
              throw new IllegalArgumentException("pathStyleRegion: " + e.message());
            });
  }

  private static void requireLabel(String field, String value) {
    FieldRule.DNS1123_LABEL
        .check(value)
        .ifPresent(
            e -> {
              throw new IllegalArgumentException(field + ": " + e.message());
            });
  }

  /**
   * Whether a namespace is one of the platform's: {@link #platformNamespace()} or one of {@link
   * TrustPolicy#platformNamespaces()}. Every other namespace is a tenant's.
   *
   * @param namespace a namespace
   * @return true for a platform namespace
   */
  public boolean isPlatformNamespace(String namespace) {
    return namespace.equals(platformNamespace) || trust.platformNamespaces().contains(namespace);
  }

  /**
   * Whether stores outside the platform namespaces may use {@code cloudProviderRef}, that is, make
   * Velero use credentials their namespace does not hold: {@link
   * TrustPolicy#tenantCloudProviders()}.
   *
   * @return true when tenants may
   */
  public boolean tenantCloudProviders() {
    return trust.tenantCloudProviders();
  }

  /**
   * The defaults: Velero in {@code velero}, platform {@code lattice-system}, short plugin names,
   * key {@code cloud}, region {@code us-east-1}, the Lattice credential convention, foreign
   * defaults respected, the default trust policy.
   *
   * @return the default options
   */
  public static TranslationOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link TranslationOptions}, starting from given options. Not thread-safe. */
  public static final class Builder {
    private String veleroNamespace;
    private String platformNamespace;
    private ProviderNaming providerNaming;
    private String credentialKey;
    private String pathStyleRegion;
    private CloudProviderCredentials cloudProviderCredentials;
    private ForeignDefaultPolicy foreignDefaultPolicy;
    private TrustPolicy trust;

    private Builder(TranslationOptions from) {
      veleroNamespace = from.veleroNamespace;
      platformNamespace = from.platformNamespace;
      providerNaming = from.providerNaming;
      credentialKey = from.credentialKey;
      pathStyleRegion = from.pathStyleRegion;
      cloudProviderCredentials = from.cloudProviderCredentials;
      foreignDefaultPolicy = from.foreignDefaultPolicy;
      trust = from.trust;
    }

    /**
     * Sets Velero's namespace.
     *
     * @param value the namespace
     * @return this builder
     */
    public Builder veleroNamespace(String value) {
      veleroNamespace = value;
      return this;
    }

    /**
     * Sets the platform namespace.
     *
     * @param value the namespace
     * @return this builder
     */
    public Builder platformNamespace(String value) {
      platformNamespace = value;
      return this;
    }

    /**
     * Sets the plugin name spelling.
     *
     * @param value the spelling
     * @return this builder
     */
    public Builder providerNaming(ProviderNaming value) {
      providerNaming = value;
      return this;
    }

    /**
     * Sets the key inside credential Secrets.
     *
     * @param value the key
     * @return this builder
     */
    public Builder credentialKey(String value) {
      credentialKey = value;
      return this;
    }

    /**
     * Sets the region for S3-compatible stores without one.
     *
     * @param value the region
     * @return this builder
     */
    public Builder pathStyleRegion(String value) {
      pathStyleRegion = value;
      return this;
    }

    /**
     * Sets where CloudProvider credentials live.
     *
     * @param value the function
     * @return this builder
     */
    public Builder cloudProviderCredentials(CloudProviderCredentials value) {
      cloudProviderCredentials = value;
      return this;
    }

    /**
     * Sets the foreign default policy.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder foreignDefaultPolicy(ForeignDefaultPolicy value) {
      foreignDefaultPolicy = value;
      return this;
    }

    /**
     * Sets whether stores outside the platform namespace may use cloudProviderRef.
     *
     * @param value true to allow it
     * @return this builder
     */
    public Builder tenantCloudProviders(boolean value) {
      trust = trust.withTenantCloudProviders(value);
      return this;
    }

    /**
     * Sets the trust boundary.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder trust(TrustPolicy value) {
      trust = value;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException when a value is unusable
     */
    public TranslationOptions build() {
      return new TranslationOptions(
          veleroNamespace,
          platformNamespace,
          providerNaming,
          credentialKey,
          pathStyleRegion,
          cloudProviderCredentials,
          foreignDefaultPolicy,
          trust);
    }
  }
}
