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
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trust boundary between the platform and its tenants: which namespaces are the platform's, and
 * what their stores may do that a tenant's may not. This is the one option that says what a
 * platform namespace is; {@link TranslationOptions#isPlatformNamespace(String)} reads it.
 *
 * <ul>
 *   <li><b>Platform namespaces</b>: {@link TranslationOptions#platformNamespace()} (always) and
 *       {@code platformNamespaces}. Every other namespace is a tenant's. Velero's own namespace is
 *       not a platform namespace unless listed: a store there would hand Velero any Secret of that
 *       namespace (Velero's own credentials, other stores' mirrored ones), so a store in Velero's
 *       namespace that is not a platform namespace is refused.
 *   <li><b>Credentials</b>: a tenant store must name its credentials ({@code credentialsSecretRef},
 *       a Secret of its own namespace, mirrored into Velero's). A store that names none makes
 *       Velero use its own, the platform's, credentials: only stores in the platform namespaces of
 *       {@code defaultCredentialNamespaces} may do that, and every namespace listed there must be a
 *       platform namespace.
 *   <li><b>CloudProvider credentials</b> ({@code cloudProviderRef}) are the platform's too: only
 *       platform stores may use them unless {@code tenantCloudProviders} is true.
 *   <li><b>Endpoints</b>: a tenant store's endpoint obeys {@code tenantEndpoints} besides the rules
 *       every endpoint obeys.
 * </ul>
 *
 * @param platformNamespaces namespaces trusted like the platform namespace; default none
 * @param defaultCredentialNamespaces platform namespaces whose stores may name no credentials, so
 *     that Velero uses its own (workload identity, say); default none
 * @param tenantCloudProviders whether tenant stores may use {@code cloudProviderRef}; default false
 * @param tenantEndpoints where tenant endpoints may point; default {@link
 *     EndpointPolicy#defaults()}
 */
public record TrustPolicy(
    Set<String> platformNamespaces,
    Set<String> defaultCredentialNamespaces,
    boolean tenantCloudProviders,
    EndpointPolicy tenantEndpoints) {

  private static final TrustPolicy DEFAULTS =
      new TrustPolicy(Set.of(), Set.of(), false, EndpointPolicy.defaults());

  /**
   * Copies the sets (sorted) and checks every namespace is a DNS-1123 label.
   *
   * @param platformNamespaces namespaces trusted like the platform namespace
   * @param defaultCredentialNamespaces platform namespaces that may use Velero's credentials
   * @param tenantCloudProviders whether tenant stores may use cloudProviderRef
   * @param tenantEndpoints where tenant endpoints may point
   * @throws IllegalArgumentException when a namespace is not a DNS-1123 label
   */
  public TrustPolicy {
    platformNamespaces = labels("platformNamespaces", platformNamespaces);
    defaultCredentialNamespaces =
        labels("defaultCredentialNamespaces", defaultCredentialNamespaces);
    Objects.requireNonNull(tenantEndpoints, "tenantEndpoints");
  }

  /**
   * No extra platform namespace, no store without credentials, no CloudProvider for tenants, and
   * the default endpoint policy.
   *
   * @return the defaults
   */
  public static TrustPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with other extra platform namespaces.
   *
   * @param value the namespaces
   * @return the copy
   */
  public TrustPolicy withPlatformNamespaces(Set<String> value) {
    return new TrustPolicy(
        value, defaultCredentialNamespaces, tenantCloudProviders, tenantEndpoints);
  }

  /**
   * A copy with other namespaces whose stores may use Velero's default credentials.
   *
   * @param value the namespaces, each a platform namespace
   * @return the copy
   */
  public TrustPolicy withDefaultCredentialNamespaces(Set<String> value) {
    return new TrustPolicy(platformNamespaces, value, tenantCloudProviders, tenantEndpoints);
  }

  /**
   * A copy that allows or forbids tenant stores to use cloudProviderRef.
   *
   * @param value true to allow
   * @return the copy
   */
  public TrustPolicy withTenantCloudProviders(boolean value) {
    return new TrustPolicy(platformNamespaces, defaultCredentialNamespaces, value, tenantEndpoints);
  }

  /**
   * A copy with another tenant endpoint policy.
   *
   * @param value the policy
   * @return the copy
   */
  public TrustPolicy withTenantEndpoints(EndpointPolicy value) {
    return new TrustPolicy(
        platformNamespaces, defaultCredentialNamespaces, tenantCloudProviders, value);
  }

  private static Set<String> labels(String field, Set<String> values) {
    Objects.requireNonNull(values, field);
    TreeSet<String> out = new TreeSet<>();
    for (String v : values) {
      FieldRule.DNS1123_LABEL
          .check(Objects.requireNonNull(v, field))
          .ifPresent(
              e -> {
                throw new IllegalArgumentException(field + ": " + e.message());
              });
      out.add(v);
    }
    return Collections.unmodifiableSortedSet(out);
  }
}
