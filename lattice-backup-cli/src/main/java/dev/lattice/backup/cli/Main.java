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

import dev.lattice.backup.model.io.ReadLimits;
import dev.lattice.backup.model.io.internal.CodecEngine;
import dev.lattice.backup.translate.ProviderNaming;
import dev.lattice.backup.translate.TranslationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lattice-backup} command line. Exit codes: {@value #OK} success, {@value #INVALID} a
 * store is invalid, {@value #NOT_A_VERDICT} anything that is not a verdict on a store (usage,
 * unreadable or malformed input), {@value #NO_STORES} no BackupStore in the input (unless {@code
 * --allow-empty}). Results go to stdout, every diagnostic to stderr.
 */
@Command(
    name = "lattice-backup",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Render and validate Lattice BackupStore manifests offline; print the BackupStore CRD.",
    subcommands = {
      RenderCommand.class,
      ValidateCommand.class,
      CrdCommand.class,
      AdmissionPolicyCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  lattice-backup render examples/",
      "  lattice-backup validate stores.yaml other/",
      "  lattice-backup crd | kubectl apply -f -"
    },
    exitCodeListHeading = Main.EXIT_CODES_HEADING,
    exitCodeList = {Main.EXIT_OK, Main.EXIT_INVALID, Main.EXIT_NOT_A_VERDICT, Main.EXIT_NO_STORES})
public final class Main implements Runnable {
  /** Exit code: success. */
  static final int OK = 0;

  /** Exit code: a BackupStore is invalid (the verdict is on stderr). */
  static final int INVALID = 1;

  /** Exit code: not a verdict on a store (usage error, unreadable or malformed input). */
  static final int NOT_A_VERDICT = 2;

  /** Exit code: the input holds no BackupStore and {@code --allow-empty} was not given. */
  static final int NO_STORES = 3;

  static final String EXIT_CODES_HEADING = "%nExit codes:%n";
  static final String EXIT_OK = "0:success";
  static final String EXIT_INVALID = "1:a BackupStore is invalid (errors on stderr)";
  static final String EXIT_NOT_A_VERDICT =
      "2:usage error, unreadable input, text that is not YAML/JSON";
  static final String EXIT_NO_STORES = "3:no BackupStore in the input (see --allow-empty)";

  /** Limits on what one input may hold: 16 Mi characters, depth 64, scalars of 1 Mi characters. */
  static final ReadLimits LIMITS = new ReadLimits(16 << 20, 64, 1 << 20);

  /** The strict codec with {@link #LIMITS}: immutable, and costly enough to build only once. */
  static final CodecEngine CODEC = CodecEngine.of(true, LIMITS);

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

  /**
   * Runs the command with the given streams; returns the exit code. The common command lines of
   * {@code render} and {@code validate} are parsed by {@link FastPath}, without building picocli's
   * command model (a large part of a short run's start-up); everything else goes through picocli.
   */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    var fast = FastPath.parse(args);
    if (fast.isPresent()) {
      Shared command = fast.get();
      command.stdin(stdin);
      try {
        return command.execute(out, err);
      } catch (UsageProblem e) {
        // nothing read or printed yet: picocli parses again and reports it as every usage error
      } catch (RuntimeException e) {
        return internalError(e, command.debug, err);
      } finally {
        out.flush();
        err.flush();
      }
    }
    return withPicocli(args, stdin, out, err);
  }

  private static int internalError(Exception e, boolean debug, PrintWriter err) {
    err.println("lattice-backup: internal error: " + e);
    if (debug) {
      e.printStackTrace(err);
    }
    return NOT_A_VERDICT;
  }

  /** The picocli command line of a new {@code Main}, its subcommands included. */
  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  /** Every command line through picocli: help, version, usage errors, {@code crd}, the rest. */
  private static int withPicocli(
      String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommand() instanceof Shared shared) {
        shared.stdin(stdin);
      }
    }
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (e, line, parse) ->
            internalError(e, parse.originalArgs().contains("--debug"), line.getErr()));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * A usage error is one line on stderr naming the problem and where help is, never the whole help.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
    String name = line.getCommandSpec().qualifiedName();
    line.getErr().println(name + ": " + message + " (see '" + name + " --help')");
    line.getErr().flush();
    return NOT_A_VERDICT;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        java.util.Objects.requireNonNull(spec).commandLine(),
        "a command is required: render, validate, crd or admission-policy");
  }

  /** What render and validate share: options, stdin, and reading. */
  abstract static class Shared implements java.util.concurrent.Callable<Integer> {
    private InputStream stdin = InputStream.nullInputStream();

    @CommandLine.Mixin TrustOptions trust = new TrustOptions();

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

    @CommandLine.Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @CommandLine.Option(
        names = "--allow-empty",
        description =
            "Succeed when the input holds no BackupStore (without it, that is exit 3: a wrong"
                + " path or an empty pipe is a mistake, not a success).")
    boolean allowEmpty;

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

    TranslationOptions options() throws UsageProblem {
      ProviderNaming naming =
          switch (providerNames) {
            case "short" -> ProviderNaming.SHORT;
            case "qualified" -> ProviderNaming.QUALIFIED;
            default ->
                throw new UsageProblem(
                    "--provider-names must be short or qualified, not '" + providerNames + "'");
          };
      return trust.options(naming);
    }

    Verdicts.Outcome judge(PrintWriter err) throws InputProblem, UsageProblem {
      TranslationOptions options = options();
      var inputs = new Inputs(stdin, LIMITS.maxTextChars()).read(paths);
      var loader = new Loader(CODEC, namespace == null ? options.platformNamespace() : namespace);
      Loader.Result loaded = loader.load(inputs);
      if (loaded.skipped() > 0) {
        err.println("skipped " + loaded.skipped() + " document(s) that are not BackupStores");
      }
      return Verdicts.judge(loaded, options);
    }

    /** Checks command-specific options before anything is read. */
    void checkOptions() throws UsageProblem {}

    /** Reports the outcome; returns the exit code. */
    abstract int report(Verdicts.Outcome outcome, PrintWriter out, PrintWriter err);

    @Override
    public Integer call() {
      CommandLine line = spec().commandLine();
      try {
        return execute(line.getOut(), line.getErr());
      } catch (UsageProblem e) {
        throw new CommandLine.ParameterException(line, e.getMessage());
      }
    }

    /**
     * Runs the command once its options are set, by picocli or by {@link FastPath}; returns the
     * exit code. Option values it cannot use are a {@link UsageProblem}, thrown before anything is
     * read or printed.
     */
    int execute(PrintWriter out, PrintWriter err) throws UsageProblem {
      checkOptions();
      try {
        Verdicts.Outcome outcome = judge(err);
        if (outcome.stores() == 0 && !allowEmpty) {
          err.println(
              "lattice-backup: no BackupStore found in "
                  + String.join(" ", paths)
                  + " (use --allow-empty if that is expected)");
          return NO_STORES;
        }
        return report(outcome, out, err);
      } catch (InputProblem e) {
        err.println("lattice-backup: " + e.getMessage());
        return NOT_A_VERDICT;
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
