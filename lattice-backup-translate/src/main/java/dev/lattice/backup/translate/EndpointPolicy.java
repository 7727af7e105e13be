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

import dev.lattice.backup.model.validation.internal.Endpoint;
import dev.lattice.backup.model.validation.internal.Host;
import dev.lattice.backup.model.validation.internal.IpRange;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tenant store's endpoint may point Velero, beyond the rules every endpoint obeys (the
 * model's {@code S3_ENDPOINT} rule: no loopback, link-local, unspecified, metadata, multicast or
 * reserved host in any notation). Platform stores are not subject to it.
 *
 * <p>A tenant endpoint's host is judged in this order:
 *
 * <ol>
 *   <li>a host matching an entry of {@code deny} is refused;
 *   <li>a host matching an entry of {@code allow} is accepted;
 *   <li>when {@code allow} is not empty, any other host is refused;
 *   <li>the built-in tenant refusals: an in-cluster name (one or two labels, which the cluster's
 *       DNS search path completes to a Service, {@code <service>.<namespace>.svc}; a name under
 *       {@code svc}, {@code pod} or the cluster domain), a private-use name (under {@code
 *       internal}, {@code local}, {@code localdomain} or {@code home.arpa}), a private address
 *       ({@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}, {@code 100.64.0.0/10},
 *       {@code 198.18.0.0/15}, {@code fc00::/7}, {@code fec0::/10}): Velero runs inside the
 *       cluster's network, and these reach it;
 *   <li>anything else is accepted.
 * </ol>
 *
 * <p>An entry is a CIDR block or address ({@code 10.20.0.0/16}, {@code fd00::/8}, {@code
 * 192.0.2.7}), a host name ({@code minio.minio-system.svc}, matched exactly, ignoring case and a
 * trailing dot), or a domain with a leading {@code *.} ({@code *.s3.example.com}: every name under
 * it, not the domain itself). Names are never resolved: a public name that resolves to an internal
 * address is not detected (deny such names, or run Velero's egress through a policy), nor is a name
 * of three labels that the search path completes to a pod of a headless Service ({@code
 * <pod>.<service>.<namespace>}): deny {@code *.<namespace>} for namespaces that hold such Services,
 * or give Velero's pod {@code ndots: 1}.
 *
 * @param allow entries that admit a tenant host; when not empty, nothing else is admitted
 * @param deny entries that refuse a tenant host, whatever {@code allow} says
 * @param clusterDomain the cluster's DNS domain, default {@code cluster.local}
 */
public record EndpointPolicy(List<String> allow, List<String> deny, String clusterDomain) {

  private static final EndpointPolicy DEFAULTS =
      new EndpointPolicy(List.of(), List.of(), "cluster.local");

  private static final List<IpRange> PRIVATE =
      List.of(
          range("10.0.0.0/8"),
          range("172.16.0.0/12"),
          range("192.168.0.0/16"),
          range("100.64.0.0/10"),
          range("198.18.0.0/15"),
          range("fc00::/7"),
          range("fec0::/10"));

  private static final List<String> PRIVATE_NAMES =
      List.of("internal", "local", "localdomain", "home.arpa");

  /**
   * Copies the lists, lower-cases names, and checks every entry.
   *
   * @param allow the allow list
   * @param deny the deny list
   * @param clusterDomain the cluster domain
   * @throws IllegalArgumentException naming the first entry that is neither a CIDR block, an
   *     address, a host name nor a {@code *.} domain
   */
  public EndpointPolicy {
    allow = normalized("allow", allow);
    deny = normalized("deny", deny);
    clusterDomain = name(Objects.requireNonNull(clusterDomain, "clusterDomain"));
    if (!isName(clusterDomain)) {
      throw new IllegalArgumentException("clusterDomain: not a DNS name: " + clusterDomain);
    }
  }

  /**
   * No lists, cluster domain {@code cluster.local}: tenants get the built-in refusals only.
   *
   * @return the default policy
   */
  public static EndpointPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another allow list.
   *
   * @param entries the entries
   * @return the copy
   */
  public EndpointPolicy withAllow(List<String> entries) {
    return new EndpointPolicy(entries, deny, clusterDomain);
  }

  /**
   * A copy with another deny list.
   *
   * @param entries the entries
   * @return the copy
   */
  public EndpointPolicy withDeny(List<String> entries) {
    return new EndpointPolicy(allow, entries, clusterDomain);
  }

  /**
   * A copy with another cluster domain.
   *
   * @param domain the cluster's DNS domain
   * @return the copy
   */
  public EndpointPolicy withClusterDomain(String domain) {
    return new EndpointPolicy(allow, deny, domain);
  }

  /**
   * Why a tenant store may not use an endpoint that every store may use.
   *
   * @param endpoint an endpoint that obeys {@link Endpoint}'s rules
   * @return what is wrong, never showing the endpoint (see {@code FieldError}); empty when it may
   */
  Optional<String> tenantProblem(Endpoint endpoint) {
    Host host = endpoint.host();
    String shown = "the host";
    for (String entry : deny) {
      if (matches(entry, host)) {
        return Optional.of(shown + " matches the platform's deny list (" + entry + ")");
      }
    }
    for (String entry : allow) {
      if (matches(entry, host)) {
        return Optional.empty();
      }
    }
    if (!allow.isEmpty()) {
      return Optional.of(shown + " is not on the platform's allow list for tenants");
    }
    String unless = ": only platform stores may point Velero there, unless the allow list says so";
    if (host instanceof Host.Name name) {
      int labels = name.labels().size();
      if (labels <= 2) {
        return Optional.of(
            shown
                + " is an in-cluster name (the cluster's DNS search path completes a name of "
                + (labels == 1 ? "one label" : "two labels")
                + " to a Service, <service>.<namespace>.svc)"
                + unless);
      }
      if (name.isUnder("svc") || name.isUnder("pod") || name.isUnder(clusterDomain)) {
        return Optional.of(shown + " is an in-cluster name" + unless);
      }
      for (String suffix : PRIVATE_NAMES) {
        if (name.isUnder(suffix)) {
          return Optional.of(shown + " is a private-use name (." + suffix + ")" + unless);
        }
      }
      return Optional.empty();
    }
    for (IpRange range : PRIVATE) {
      if (range.contains(host)) {
        return Optional.of(shown + " is a private address (" + range + ")" + unless);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(String entry, Host host) {
    if (entry.startsWith("*.")) {
      return host instanceof Host.Name name && name.name().endsWith(entry.substring(1));
    }
    Optional<IpRange> range = IpRange.parse(entry);
    if (range.isPresent()) {
      return range.get().contains(host);
    }
    return host instanceof Host.Name name && name.name().equals(entry);
  }

  private static List<String> normalized(String list, List<String> entries) {
    Objects.requireNonNull(entries, list);
    return entries.stream()
        .map(
            e -> {
              String entry = name(Objects.requireNonNull(e, list + " entry"));
              boolean ok =
                  IpRange.parse(entry).isPresent()
                      || isName(entry)
                      || (entry.startsWith("*.") && isName(entry.substring(2)));
              if (!ok) {
                throw new IllegalArgumentException(
                    list
                        + ": "
                        + Endpoint.redact(e)
                        + " is neither a CIDR block, an address, a host name nor *.domain");
              }
              return entry;
            })
        .toList();
  }

  /** Lower case, without one trailing dot. */
  private static String name(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Whether the text is dot-separated labels of letters, digits and hyphens. */
  private static boolean isName(String text) {
    if (text.isEmpty() || text.length() > 253) {
      return false;
    }
    for (String label : text.split("\\.", -1)) {
      if (label.isEmpty()
          || label.length() > 63
          || label.startsWith("-")
          || label.endsWith("-")
          || !label.chars().allMatch(EndpointPolicy::isLdh)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdh(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static IpRange range(String text) {
    return IpRange.parse(text).orElseThrow();
  }
}
