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
package dev.lattice.backup.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The controller's flags, defaults, usage errors and help, without a cluster. */
class MainTest {
  @Test
  void flagsBecomeOneOptionsObjectAndLeaseTimingsFollowTheDuration() {
    Main main = new Main();
    new CommandLine(main)
        .parseArgs(
            "--velero-namespace", "backup-system",
            "--platform-namespace", "platform",
            "--lease-duration", "PT30S",
            "--identity", "pod-1",
            "--workers", "8");
    assertThat(main.options().translation().veleroNamespace()).isEqualTo("backup-system");
    assertThat(main.options().translation().platformNamespace()).isEqualTo("platform");
    assertThat(main.election().identity()).isEqualTo("pod-1");
    assertThat(main.election().leaseDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(main.election().renewDeadline()).isEqualTo(Duration.ofSeconds(20));
    assertThat(main.election().retryPeriod()).isEqualTo(Duration.ofSeconds(4));
    assertThat(main.workers).isEqualTo(8);
  }

  @Test
  void aUsageErrorIsOneLineThatPointsToHelpAndExitsTwo() {
    StringWriter err = new StringWriter();
    assertThat(Main.run(new PrintWriter(err, true), "--workers", "many")).isEqualTo(2);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("--workers").contains("see --help");
  }

  @Test
  void theIdentityDefaultsToPodNameThenHostnameThenTheProgramsName() {
    assertThat(Main.defaultIdentity(Map.of("POD_NAME", "pod-7", "HOSTNAME", "host-3")))
        .isEqualTo("pod-7");
    assertThat(Main.defaultIdentity(Map.of("HOSTNAME", "host-3"))).isEqualTo("host-3");
    assertThat(Main.defaultIdentity(Map.of("POD_NAME", " ", "HOSTNAME", "host-3")))
        .as("a blank POD_NAME counts as unset")
        .isEqualTo("host-3");
    assertThat(Main.defaultIdentity(Map.of("POD_NAME", "", "HOSTNAME", "")))
        .isEqualTo("lattice-backup-controller");
    assertThat(Main.defaultIdentity(Map.of())).isEqualTo("lattice-backup-controller");
  }

  @Test
  void withoutTheFlagTheElectionUsesTheEnvironmentsIdentityAndTheFlagWins() {
    Main fromEnv = new Main();
    fromEnv.env = Map.of("POD_NAME", "pod-7", "HOSTNAME", "host-3");
    new CommandLine(fromEnv).parseArgs();
    assertThat(fromEnv.election().identity()).isEqualTo("pod-7");

    Main hostOnly = new Main();
    hostOnly.env = Map.of("HOSTNAME", "host-3");
    new CommandLine(hostOnly).parseArgs();
    assertThat(hostOnly.election().identity()).isEqualTo("host-3");

    Main neither = new Main();
    neither.env = Map.of();
    new CommandLine(neither).parseArgs();
    assertThat(neither.election().identity()).isEqualTo("lattice-backup-controller");

    Main flag = new Main();
    flag.env = Map.of("POD_NAME", "pod-7");
    new CommandLine(flag).parseArgs("--identity", "replica-a");
    assertThat(flag.election().identity()).isEqualTo("replica-a");
  }

  @Test
  void helpStatesTheExitCodesAndTheIdentitysDefault() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();
    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("Exit codes: 143 stopped by SIGTERM (130 by SIGINT), after the workers stopped")
        .contains("and the Lease was released; 1 lost the Lease")
        .contains("2 usage error; 3 could not start")
        .contains("default env POD_NAME, else HOSTNAME, else lattice-backup-controller")
        .doesNotContain("0 stopped by a signal");
  }
}
