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
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
}
