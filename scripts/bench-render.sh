#!/usr/bin/env bash
# Render benchmark: 10,000 stores from one YAML text vs a bare Jackson YAML parse of the same text.
# Usage: scripts/bench-render.sh [STORES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f lattice-backup-cli/target/lattice-backup.jar ] || ./mvnw -q -B -DskipTests package
java -Xmx2g -cp lattice-backup-cli/target/lattice-backup.jar dev.lattice.backup.cli.RenderBenchmark "${1:-10000}" "${2:-10}"
