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

import dev.lattice.backup.model.io.BackupStoreCodec;
import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.translate.EndpointPolicy;
import dev.lattice.backup.translate.ProviderNaming;
import dev.lattice.backup.translate.TranslationOptions;
import dev.lattice.backup.translate.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lattice-backup} command line. Exit codes: 0 success, 1 a store is invalid, 2 anything
 * that is not a verdict on a store (usage, unreadable or malformed input).
 */
@Command(
    name = "lattice-backup",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Render and validate Lattice BackupStore manifests offline; print the BackupStore CRD.",
    subcommands = {RenderCommand.class, ValidateCommand.class, CrdCommand.class},
    footer = {
      "",
      "Examples:",
      "  lattice-backup render examples/",
      "  lattice-backup validate stores.yaml other/",
      "  lattice-backup crd | kubectl apply -f -",
      "Exit codes: 0 ok, 1 a BackupStore is invalid, 2 usage or unreadable input."
    })
public final class Main implements Runnable {
  /** Limits on what one input may hold: 16 Mi characters, depth 64, scalars of 1 Mi characters. */
  static final ReadLimits LIMITS = new ReadLimits(16 << 20, 64, 1 << 20);

  /** The strict codec with {@link #LIMITS}: immutable, and costly enough to build only once. */
  static final BackupStoreCodec CODEC = BackupStoreCodec.strict().withLimits(LIMITS);

  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  private Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.in, out, err));
  }

  /** Runs the command with the given streams; returns the exit code. */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommand() instanceof Shared shared) {
        shared.stdin(stdin);
      }
    }
    cli.setExecutionExceptionHandler(
        (e, line, parse) -> {
          boolean debug = parse.originalArgs().contains("--debug");
          line.getErr().println("lattice-backup: internal error: " + e);
          if (debug) {
            e.printStackTrace(line.getErr());
          }
          return 2;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        java.util.Objects.requireNonNull(spec).commandLine(),
        "a command is required: render, validate or crd");
  }

  /** What render and validate share: options, stdin, and reading. */
  abstract static class Shared implements java.util.concurrent.Callable<Integer> {
    private InputStream stdin = InputStream.nullInputStream();

    @CommandLine.Option(
        names = "--velero-namespace",
        defaultValue = "velero",
        description = "Velero's namespace (default: ${DEFAULT-VALUE}).")
    String veleroNamespace = "velero";

    @CommandLine.Option(
        names = "--platform-namespace",
        defaultValue = "lattice-system",
        description = "The platform namespace (default: ${DEFAULT-VALUE}).")
    String platformNamespace = "lattice-system";

    @CommandLine.Option(
        names = "--namespace",
        description = "Namespace for stores that name none (default: the platform namespace).")
    @org.jspecify.annotations.Nullable
    String namespace;

    @CommandLine.Option(
        names = "--provider-names",
        defaultValue = "short",
        description =
            "Plugin names: short (aws) or qualified (velero.io/aws). Default: ${DEFAULT-VALUE}.")
    String providerNames = "short";

    @CommandLine.Option(
        names = "--trusted-namespace",
        paramLabel = "NAMESPACE",
        description =
            "Another namespace whose stores are platform stores, like the platform namespace's"
                + " (repeatable). Every other namespace is a tenant's.")
    java.util.List<String> trustedNamespaces = new java.util.ArrayList<>();

    @CommandLine.Option(
        names = "--default-credentials",
        paramLabel = "NAMESPACE",
        description =
            "A platform namespace whose stores may name no credentials, so that Velero uses its"
                + " own (repeatable). Tenant stores must always name theirs.")
    java.util.List<String> defaultCredentials = new java.util.ArrayList<>();

    @CommandLine.Option(
        names = "--allow-endpoint",
        paramLabel = "ENTRY",
        description =
            "A CIDR block, address, host name or *.domain tenant endpoints may use (repeatable);"
                + " with any, tenants may use nothing else.")
    java.util.List<String> allowEndpoints = new java.util.ArrayList<>();

    @CommandLine.Option(
        names = "--deny-endpoint",
        paramLabel = "ENTRY",
        description =
            "A CIDR block, address, host name or *.domain tenant endpoints may not use"
                + " (repeatable).")
    java.util.List<String> denyEndpoints = new java.util.ArrayList<>();

    @CommandLine.Option(
        names = "--cluster-domain",
        defaultValue = "cluster.local",
        description = "The cluster's DNS domain, for in-cluster names (default: ${DEFAULT-VALUE}).")
    String clusterDomain = "cluster.local";

    @CommandLine.Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @CommandLine.Parameters(
        arity = "1..*",
        paramLabel = "PATH",
        description = "Files, directories (*.yaml, *.yml, *.json, recursively) or - for stdin.")
    java.util.List<String> paths = java.util.List.of();

    @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

    void stdin(InputStream in) {
      this.stdin = in;
    }

    CommandLine.Model.CommandSpec spec() {
      return java.util.Objects.requireNonNull(spec);
    }

    TranslationOptions options() throws InputProblem {
      ProviderNaming naming =
          switch (providerNames) {
            case "short" -> ProviderNaming.SHORT;
            case "qualified" -> ProviderNaming.QUALIFIED;
            default ->
                throw new CommandLine.ParameterException(
                    spec().commandLine(),
                    "--provider-names must be short or qualified, not '" + providerNames + "'");
          };
      try {
        TrustPolicy trust =
            TrustPolicy.defaults()
                .withPlatformNamespaces(java.util.Set.copyOf(trustedNamespaces))
                .withDefaultCredentialNamespaces(java.util.Set.copyOf(defaultCredentials))
                .withTenantEndpoints(
                    new EndpointPolicy(allowEndpoints, denyEndpoints, clusterDomain));
        return TranslationOptions.defaults().toBuilder()
            .veleroNamespace(veleroNamespace)
            .platformNamespace(platformNamespace)
            .providerNaming(naming)
            .trust(trust)
            .build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec().commandLine(), e.getMessage());
      }
    }

    Verdicts.Outcome judge(PrintWriter err) throws InputProblem {
      TranslationOptions options = options();
      var inputs = new Inputs(stdin, LIMITS.maxTextChars()).read(paths);
      var loader = new Loader(CODEC, namespace == null ? options.platformNamespace() : namespace);
      Loader.Result loaded = loader.load(inputs);
      if (loaded.skipped() > 0) {
        err.println("skipped " + loaded.skipped() + " document(s) that are not BackupStores");
      }
      return Verdicts.judge(loaded, options);
    }

    /** Checks command-specific options before anything is read; throws a usage error. */
    void checkOptions() {}

    /** Reports the outcome; returns the exit code. */
    abstract int report(Verdicts.Outcome outcome, PrintWriter out, PrintWriter err);

    @Override
    public Integer call() {
      checkOptions();
      PrintWriter err = spec().commandLine().getErr();
      try {
        return report(judge(err), spec().commandLine().getOut(), err);
      } catch (InputProblem e) {
        err.println("lattice-backup: " + e.getMessage());
        return 2;
      }
    }
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"lattice-backup " + p.getProperty("version", "unknown")};
    }
  }
}
