package dev.lattice.backup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's generated input stays valid: a rule that rejects part of it (as the credential
 * boundary once did) would otherwise only show when someone runs the benchmark.
 */
class RenderBenchmarkInputTest {
  @Test
  void benchmarkStoresRenderWithoutErrors() {
    Cli cli = Cli.withStdin(RenderBenchmark.stores(120), "render", "-");

    assertThat(cli.err()).doesNotContain("error");
    assertThat(cli.code()).isZero();
    assertThat(cli.out().split("(?m)^---$", -1)).hasSize(121);
  }
}
