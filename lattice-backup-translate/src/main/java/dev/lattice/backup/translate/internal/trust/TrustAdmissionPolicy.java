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

import dev.lattice.backup.model.validation.internal.IpRange;
import dev.lattice.backup.translate.EndpointPolicy;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.Translator;
import dev.lattice.backup.translate.TrustPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trust boundary at admission: a {@code ValidatingAdmissionPolicy} (Kubernetes 1.30+, no
 * webhook) that refuses, when a BackupStore is created or its spec changes, what {@link
 * Translator#validate} refuses beyond the CRD's schema: the rules that need the store's namespace
 * ({@link TrustPolicy}: Velero's namespace, credentials, CloudProvider references, tenant
 * endpoints) and an Azure store without {@code storageAccount}. The library stays the rule; the
 * policy is its mirror, and a differential property on the real API server keeps the two equal.
 *
 * <p>Three objects: the policy (the same for every cluster), its binding, and the ConfigMap the
 * binding names as its parameter, in the platform namespace, which holds the {@link
 * TranslationOptions} the rules read ({@link #parameters}). Changing the trust policy means
 * changing that ConfigMap only. Without it, every BackupStore write is refused.
 *
 * <p>The API server reports the first rule a store breaks, as {@code ValidatingAdmissionPolicy
 * 'backupstores.lattice.dev' with binding 'backupstores.lattice.dev' denied request:
 * spec.storage.credentialsSecretRef: Required value: ...}: the field, then the library's kind of
 * error. The rules come in {@link Translator#validate}'s order. A write that leaves the spec as it
 * was (a finalizer, a label) is never refused, so a store admitted before a stricter policy can
 * still be deleted. No message shows a value of the store.
 */
public final class TrustAdmissionPolicy {
  /** The name of the policy and of its binding. */
  public static final String NAME = "backupstores.lattice.dev";

  /** The name of the parameter ConfigMap, in the platform namespace. */
  public static final String PARAMETERS = "lattice-backup-trust-policy";

  private TrustAdmissionPolicy() {}

  /**
   * The data of the parameter ConfigMap: the options the rules read, lists comma-separated, tenant
   * endpoint entries in a canonical form (CIDR blocks as {@code address/bits}, names lower case).
   *
   * @param options the platform's options
   * @return the keys and values, in a fixed order
   */
  public static Map<String, String> parameters(TranslationOptions options) {
    TrustPolicy trust = options.trust();
    EndpointPolicy endpoints = trust.tenantEndpoints();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("platformNamespace", options.platformNamespace());
    data.put("veleroNamespace", options.veleroNamespace());
    data.put("platformNamespaces", String.join(",", trust.platformNamespaces()));
    data.put("defaultCredentialNamespaces", String.join(",", trust.defaultCredentialNamespaces()));
    data.put("tenantCloudProviders", String.valueOf(trust.tenantCloudProviders()));
    data.put("tenantEndpointAllow", entries(endpoints.allow()));
    data.put("tenantEndpointDeny", entries(endpoints.deny()));
    data.put("clusterDomain", endpoints.clusterDomain());
    return data;
  }

  /**
   * CIDR blocks and addresses as {@code address/bits}; names and {@code *.} domains as they are.
   */
  private static String entries(List<String> entries) {
    return entries.stream()
        .map(e -> e.startsWith("*.") ? e : IpRange.parse(e).map(IpRange::toString).orElse(e))
        .collect(Collectors.joining(","));
  }

  /**
   * The policy, its binding and its parameters, as one YAML stream to apply.
   *
   * @param options the platform's options
   * @return three YAML documents
   */
  public static String yaml(TranslationOptions options) {
    StringBuilder out = new StringBuilder(HEADER).append(POLICY).append(bindingYaml(options));
    out.append("---\n")
        .append("apiVersion: v1\n")
        .append("kind: ConfigMap\n")
        .append("metadata:\n")
        .append("  name: ")
        .append(PARAMETERS)
        .append('\n')
        .append("  namespace: ")
        .append(options.platformNamespace())
        .append('\n')
        .append("  labels:\n")
        .append("    app.kubernetes.io/part-of: lattice-backup\n")
        .append("data:\n");
    parameters(options)
        .forEach((k, v) -> out.append("  ").append(k).append(": \"").append(v).append("\"\n"));
    return out.toString();
  }

  private static String bindingYaml(TranslationOptions options) {
    return "---\n"
        + "apiVersion: admissionregistration.k8s.io/v1\n"
        + "kind: ValidatingAdmissionPolicyBinding\n"
        + "metadata:\n"
        + "  name: "
        + NAME
        + "\n"
        + "spec:\n"
        + "  policyName: "
        + NAME
        + "\n"
        + "  validationActions: [Deny]\n"
        + "  paramRef:\n"
        + "    name: "
        + PARAMETERS
        + "\n"
        + "    namespace: "
        + options.platformNamespace()
        + "\n"
        + "    parameterNotFoundAction: Deny\n";
  }

  /**
   * The CEL of one tenant endpoint entry {@code e} matching the host: a {@code *.} domain matches
   * the names under it, a CIDR block the addresses in it, a name itself (see {@link
   * EndpointPolicy}).
   */
  private static final String MATCHES =
      "(e.startsWith('*.') ? (!variables.isAddress && variables.host.endsWith(e.substring(1)))"
          + " : e.contains('/') ? (variables.isAddress && cidr(e).containsIP(ip(variables.host)))"
          + " : variables.host == e)";

  /** {@link EndpointPolicy}'s private ranges and names. */
  private static final String PRIVATE_RANGES =
      "['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '198.18.0.0/15',"
          + " 'fc00::/7', 'fec0::/10']";

  private static final String HEADER =
      """
      # The BackupStore trust policy at admission, generated by lattice-backup (Apache-2.0) from
      # its TrustPolicy: `lattice-backup admission-policy [options] | kubectl apply -f -`.
      # Needs Kubernetes 1.30+. Change the trust policy in the ConfigMap at the end.
      """;

  private static final String POLICY =
      """
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata:
        name: %s
      spec:
        failurePolicy: Fail
        paramKind:
          apiVersion: v1
          kind: ConfigMap
        matchConstraints:
          resourceRules:
            - apiGroups: [lattice.dev]
              apiVersions: ["*"]
              operations: [CREATE, UPDATE]
              resources: [backupstores]
        matchConditions:
          # a write that leaves the spec alone (a finalizer, a label) is never refused
          - name: spec-written
            expression: request.operation == 'CREATE' || oldObject.spec != object.spec
        variables:
          - name: storage
            expression: object.spec.storage
          - name: platform
            expression: >-
              request.namespace == params.data.platformNamespace
              || request.namespace in params.data.platformNamespaces.split(',').map(n, n.trim())
          - name: namesCredentials
            expression: >-
              has(variables.storage.credentialsSecretRef) || has(variables.storage.cloudProviderRef)
          - name: endpoint
            expression: >-
              has(variables.storage.s3) && has(variables.storage.s3.endpoint)
              ? variables.storage.s3.endpoint : ''
          # the host as EndpointPolicy compares it: lower case, without a trailing dot
          - name: rawHost
            expression: >-
              variables.endpoint == '' ? '' : url(variables.endpoint).getHostname().lowerAscii()
          - name: host
            expression: >-
              variables.rawHost.endsWith('.')
              ? variables.rawHost.substring(0, size(variables.rawHost) - 1) : variables.rawHost
          - name: isAddress
            expression: variables.host != '' && isIP(variables.host)
          - name: allow
            expression: >-
              params.data.tenantEndpointAllow.split(',').map(e, e.trim()).filter(e, e != '')
          - name: deny
            expression: >-
              params.data.tenantEndpointDeny.split(',').map(e, e.trim()).filter(e, e != '')
          - name: builtInRefusal
            expression: >-
              variables.isAddress
              ? %s.exists(c, cidr(c).containsIP(ip(variables.host)))
              : size(variables.host.split('.')) <= 2
                || ['svc', 'pod', string(params.data.clusterDomain), 'internal', 'local', 'localdomain',
                    'home.arpa'].exists(s, variables.host == s || variables.host.endsWith('.' + s))
          - name: tenantEndpointAllowed
            expression: >-
              variables.platform || variables.endpoint == ''
              || (!variables.deny.exists(e, %s)
                  && (variables.allow.exists(e, %s)
                      || (size(variables.allow) == 0 && !variables.builtInRefusal)))
        validations:
          - expression: variables.platform || request.namespace != params.data.veleroNamespace
            reason: Invalid
            message: >-
              metadata.namespace: Forbidden: BackupStores in Velero's namespace are refused unless
              it is a platform namespace: a store there could hand Velero any Secret of that
              namespace
          - expression: variables.namesCredentials || variables.platform
            reason: Invalid
            message: >-
              spec.storage.credentialsSecretRef: Required value: a store outside the platform
              namespaces must name its credentials: a Secret of its namespace (without one, Velero
              would use the platform's own credentials)
          - expression: >-
              variables.namesCredentials || !variables.platform
              || request.namespace in params.data.defaultCredentialNamespaces.split(',').map(n, n.trim())
            reason: Invalid
            message: >-
              spec.storage.credentialsSecretRef: Required value: name the credentials
              (credentialsSecretRef or cloudProviderRef): this namespace may not use Velero's
              default credentials unless the trust policy's defaultCredentialNamespaces lists it
          - expression: >-
              !has(variables.storage.cloudProviderRef) || variables.platform
              || params.data.tenantCloudProviders == 'true'
            reason: Invalid
            message: >-
              spec.storage.cloudProviderRef: Forbidden: only stores in the platform namespaces may
              use a CloudProvider's credentials; use credentialsSecretRef with a Secret of this
              namespace
          - expression: variables.tenantEndpointAllowed
            reason: Invalid
            message: >-
              spec.storage.s3.endpoint: Forbidden: the trust policy refuses this host for tenant
              stores (an in-cluster or private-use name, a private address, the deny list, or not
              on the allow list); only platform stores may point Velero there
          - expression: >-
              variables.storage.provider != 'azure' || !has(variables.storage.azure)
              || has(variables.storage.azure.storageAccount)
            reason: Invalid
            message: >-
              spec.storage.azure.storageAccount: Required value: Velero's azure plugin requires
              storageAccount
      """
          .formatted(NAME, PRIVATE_RANGES, MATCHES, MATCHES);
}
