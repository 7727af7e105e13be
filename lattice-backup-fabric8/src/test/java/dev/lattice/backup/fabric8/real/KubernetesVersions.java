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
package dev.lattice.backup.fabric8.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The README's Kubernetes row, generated from what the suite ran, and the check that the README
 * says exactly that. Run by Maven in {@code verify}, after the Failsafe executions:
 *
 * <pre>
 * KubernetesVersions check|write README.md target SupportedVersionIT,... default,kubernetes-1.34,...
 * </pre>
 *
 * <p>For each execution it needs {@code target/kubernetes-versions/<execution>.json}, which {@link
 * SupportedVersionIT} writes (the server's gitVersion and emulation version), and, in the
 * execution's reports directory ({@code failsafe-reports} for {@code default}, else {@code
 * failsafe-reports-<execution>}), a report of every class of the suite with tests, none failed,
 * none in error, none skipped. {@code check} fails when README.md's row differs from the one
 * rendered; {@code write} puts the rendered row in its place.
 */
final class KubernetesVersions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROW = "| Kubernetes |";
  private static final String PACKAGE = KubernetesVersions.class.getPackageName() + ".";
  private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*>");
  private static final Pattern COUNT =
      Pattern.compile("\\b(tests|failures|errors|skipped)=\"(\\d+)\"");

  private KubernetesVersions() {}

  /** A server the suite ran on: what its /version said. */
  record Server(String gitVersion, String emulationVersion) {
    /** Major and minor of the build, such as {@code 1.37}. */
    String buildMinor() {
      String[] parts = gitVersion.substring(1).split("\\.", -1);
      return parts[0] + "." + parts[1];
    }

    boolean emulated() {
      return !buildMinor().equals(emulationVersion);
    }

    @Override
    public String toString() {
      return emulated() ? gitVersion + " emulating " + emulationVersion : gitVersion;
    }
  }

  /**
   * Checks or writes the README's row.
   *
   * @param args {@code check} or {@code write}, the README, the target directory, the suite's
   *     classes (comma-separated simple names), the executions (comma-separated ids)
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 5 || !List.of("check", "write").contains(args[0])) {
      throw new IllegalArgumentException(
          "usage: check|write README.md target-dir Suite1IT,Suite2IT execution1,execution2");
    }
    Path readme = Path.of(args[1]);
    Path target = Path.of(args[2]);
    List<String> suite = List.of(args[3].split(",", -1));
    List<Server> servers = new ArrayList<>();
    for (String execution : args[4].split(",", -1)) {
      servers.add(ran(target, execution.strip(), suite));
    }
    String row = ROW + " " + cell(servers) + " |";
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(ROW)) {
        at.add(i);
      }
    }
    if (at.size() != 1) {
      throw new IllegalStateException(readme + " must have one line starting " + ROW);
    }
    String found = lines.get(at.get(0));
    if (found.equals(row)) {
      System.out.println("kubernetes-versions: README.md says what the suite ran: " + row);
    } else if (args[0].equals("write")) {
      lines.set(at.get(0), row);
      Files.write(readme, lines, StandardCharsets.UTF_8);
      System.out.println("kubernetes-versions: README.md now says: " + row);
    } else {
      throw new IllegalStateException(
          "README.md's Kubernetes row is not what the suite ran.\n  README: "
              + found
              + "\n  ran:    "
              + row
              + "\n(-Dlattice.kubernetes.readme=write puts the second in README.md)");
    }
  }

  /** What one execution ran on, after checking that every class of the suite passed there. */
  static Server ran(Path target, String execution, List<String> suite) throws IOException {
    Path record = target.resolve("kubernetes-versions").resolve(execution + ".json");
    if (!Files.isRegularFile(record)) {
      throw new IllegalStateException("execution " + execution + " left no record: " + record);
    }
    JsonNode json = JSON.readTree(record.toFile());
    Path reports =
        target.resolve(
            execution.equals("default") ? "failsafe-reports" : "failsafe-reports-" + execution);
    for (String test : suite) {
      Path report = reports.resolve("TEST-" + PACKAGE + test.strip() + ".xml");
      Map<String, Integer> counts = counts(report);
      if (counts.getOrDefault("tests", 0) == 0
          || counts.getOrDefault("failures", 1) != 0
          || counts.getOrDefault("errors", 1) != 0
          || counts.getOrDefault("skipped", 1) != 0) {
        throw new IllegalStateException(
            "execution " + execution + ": " + test + " did not pass in full: " + counts);
      }
    }
    return new Server(json.path("gitVersion").asText(), json.path("emulationVersion").asText());
  }

  private static Map<String, Integer> counts(Path report) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    if (!Files.isRegularFile(report)) {
      return counts;
    }
    String xml = Files.readString(report, StandardCharsets.UTF_8);
    Matcher suite = SUITE.matcher(xml);
    if (suite.find()) {
      Matcher m = COUNT.matcher(suite.group());
      while (m.find()) {
        counts.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    return counts;
  }

  /**
   * The Kubernetes cell: each minor version proven, oldest first, with the servers that proved it
   * (real builds before emulations).
   *
   * @param servers what the executions ran on
   * @return such as {@code 1.34 (v1.34.4; v1.37.2 emulating 1.34), 1.35 (v1.37.2 emulating 1.35)}
   */
  static String cell(List<Server> servers) {
    Map<String, List<Server>> byMinor =
        servers.stream()
            .collect(
                Collectors.groupingBy(
                    Server::emulationVersion,
                    () -> new TreeMap<>(Comparator.comparing(KubernetesVersions::minorNumber)),
                    Collectors.toList()));
    List<String> parts = new ArrayList<>();
    byMinor.forEach(
        (minor, on) ->
            parts.add(
                minor
                    + " ("
                    + on.stream()
                        .sorted(
                            Comparator.comparing(Server::emulated)
                                .thenComparing(Server::gitVersion))
                        .map(Server::toString)
                        .distinct()
                        .collect(Collectors.joining("; "))
                    + ")"));
    return String.join(", ", parts);
  }

  private static int minorNumber(String version) {
    String[] parts = version.split("\\.", -1);
    return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]);
  }
}
