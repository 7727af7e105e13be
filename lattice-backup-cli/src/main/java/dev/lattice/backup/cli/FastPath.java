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
package dev.lattice.backup.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The common command lines of {@code render} and {@code validate}, parsed without picocli. Building
 * picocli's command model (reflection over every annotated field, help sections, proxies) is a
 * large part of a short run's start-up, and the arguments of {@code render examples/} need none of
 * it.
 *
 * <p>This parser accepts only what it understands exactly: the subcommand first, then paths ({@code
 * -} for stdin) and the options of {@link Main.Shared} and {@link RenderCommand} as {@code --name
 * value}, {@code --name=value} or {@code -o value}, each single-valued option at most once.
 * Anything else (help, version, {@code crd}, a usage error, {@code @file} arguments, {@code --},
 * clustered or attached short options, a value that starts with {@code -}, an empty value) answers
 * empty, and picocli parses the command line as it always has. Where it accepts, it sets the same
 * fields to the same values as picocli ({@code FastPathProperties} proves it).
 */
final class FastPath {
  private FastPath() {}

  /**
   * The command with its options set, or empty when picocli must parse these arguments.
   *
   * @param args the command line
   * @return the command, ready to {@link Main.Shared#execute run}
   */
  static Optional<Main.Shared> parse(String[] args) {
    if (args.length < 2) {
      return Optional.empty();
    }
    for (String arg : args) {
      if (arg.startsWith("@")) {
        return Optional.empty(); // picocli reads arguments from @files
      }
    }
    RenderCommand render = null;
    Main.Shared command;
    switch (args[0]) {
      case "render" -> {
        render = new RenderCommand();
        command = render;
      }
      case "validate" -> command = new ValidateCommand();
      default -> {
        return Optional.empty();
      }
    }
    Set<String> seen = new HashSet<>();
    List<String> paths = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-") || !arg.startsWith("-")) {
        paths.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (name.equals("--debug") || name.equals("--allow-empty")) {
        if (value != null || !seen.add(name)) {
          return Optional.empty();
        }
        if (name.equals("--debug")) {
          command.debug = true;
        } else {
          command.allowEmpty = true;
        }
        continue;
      }
      if (value == null) {
        if (i + 1 == args.length) {
          return Optional.empty();
        }
        value = args[++i];
      }
      if (value.isEmpty() || value.startsWith("-")) {
        return Optional.empty();
      }
      if (!set(command, render, name, value, seen)) {
        return Optional.empty();
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    command.paths = paths;
    return Optional.of(command);
  }

  /** Sets one option; false for an option this parser does not know or a repeated single one. */
  private static boolean set(
      Main.Shared command,
      @org.jspecify.annotations.Nullable RenderCommand render,
      String name,
      String value,
      Set<String> seen) {
    switch (name) {
      case "--trusted-namespace" -> command.trust.trustedNamespaces.add(value);
      case "--default-credentials" -> command.trust.defaultCredentials.add(value);
      case "--allow-endpoint" -> command.trust.allowEndpoints.add(value);
      case "--deny-endpoint" -> command.trust.denyEndpoints.add(value);
      default -> {
        String option = name.equals("-o") ? "--output" : name;
        if (!seen.add(option)) {
          return false;
        }
        switch (option) {
          case "--velero-namespace" -> command.trust.veleroNamespace = value;
          case "--platform-namespace" -> command.trust.platformNamespace = value;
          case "--namespace" -> command.namespace = value;
          case "--provider-names" -> command.providerNames = value;
          case "--cluster-domain" -> command.trust.clusterDomain = value;
          case "--output" -> {
            if (render == null) {
              return false;
            }
            render.output = value;
          }
          default -> {
            return false;
          }
        }
      }
    }
    return true;
  }
}
