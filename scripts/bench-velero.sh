#!/usr/bin/env bash
# Time from creating BackupStores to all of them Ready, with real Velero (built from its Go module)
# validating their locations against S3Proxy: 1 store and 50 at once, three times each.
# A measurement, not a test: it is not part of `./mvnw -B verify`. Results: standard output and
# lattice-backup-fabric8/target/velero-ready.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -DskipITs -Dmaven.javadoc.skip=true -pl lattice-backup-junit -am
./mvnw -B verify -pl lattice-backup-fabric8 -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
  -Dlattice.kubernetes.versions.skip=true \
  -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=VeleroReadyBenchmark \
  | grep -E "store\(s\)|validation period|Tests run:|BUILD|ERROR"
cat lattice-backup-fabric8/target/velero-ready.txt
