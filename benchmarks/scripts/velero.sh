#!/usr/bin/env bash
# Time from creating BackupStores to all of them Ready, with real Velero (built from its Go module)
# validating their locations against S3Proxy: 1 store and 50 at once, three times each.
# A measurement, not a test: it is not part of `./mvnw -B verify`. Results: standard output and
# benchmarks/target/velero-ready.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B verify -pl benchmarks -am -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
  -Dlattice.kubernetes.versions.skip=true -Djapicmp.skip=true \
  -Dlattice.bench.cluster.skip=false -Dlattice.bench.velero.skip=false \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=VeleroReadyBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  | grep -E "store\(s\)|validation period|Tests run:|BUILD|ERROR"
cat benchmarks/target/velero-ready.txt
