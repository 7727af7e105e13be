#!/usr/bin/env bash
# The cache-backed controller against the full-pass baseline, in one run on the real control plane:
# a burst of stores, one change among 100 and among the burst, a resync, the heap. A measurement,
# not a test: it is not part of `./mvnw -B verify`.
#   scripts/bench controller [stores] [extra stores for the heap figure] [baseline true|false]
#     [cache-backed true|false]
#   e.g. scripts/bench controller 1000 10000 true      (about an hour on 2 cores: the baseline's
#   burst of 1,000 takes 13 minutes, 10,000 stores for the heap figure 15)
# Results: standard output and benchmarks/target/controller-bench.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
stores="${1:-1000}"
heap="${2:-0}"
baseline="${3:-true}"
cached="${4:-true}"
./mvnw -B verify -pl benchmarks -am -Dlattice.bench.cluster.skip=false -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
  -Dlattice.kubernetes.versions.skip=true \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=ControllerBenchmark -Dlattice.bench.stores="$stores" -Dlattice.bench.heap="$heap" \
  -Dlattice.bench.baseline="$baseline" -Dlattice.bench.cached="$cached" -Dlattice.it.timeout=10800 -DargLine="-Xmx2g" -Djapicmp.skip=true \
  | grep -E "^\| |Tests run:|BUILD|ERROR"
cat benchmarks/target/controller-bench.md
