#!/usr/bin/env bash
# Render benchmark: 10,000 stores from one YAML text vs a bare Jackson YAML parse of the same text.
# Usage: scripts/bench render [STORES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.lattice.backup.cli.RenderBenchmark "${1:-10000}" "${2:-10}"
