#!/usr/bin/env bash
# Regenerates api-baseline/: the packaged jar of each published module, which the API compatibility check
# (japicmp, in `./mvnw verify`) compares the built jars with. Run it only to change the public API on
# purpose, commit the new jars in the same commit as the change, and say what changed in CHANGELOG.md
# (docs/api.md, "Changing the API").
#
#   scripts/api-baseline.sh [--no-build]     (--no-build: take the jars already in */target)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
modules=(lattice-backup-model lattice-backup-translate lattice-backup-reconcile lattice-backup-junit
  lattice-backup-fabric8 lattice-backup-josdk lattice-backup-cli lattice-backup-controller)
if [[ "${1:-}" != "--no-build" ]]; then
  list=$(IFS=,; echo "${modules[*]}")
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dmaven.javadoc.skip=true package -pl "$list" -am
fi
mkdir -p api-baseline
for m in "${modules[@]}"; do
  jar="$m/target/$m-$version.jar"
  [[ -f "$jar" ]] || { echo "missing $jar: build first" >&2; exit 1; }
  cp "$jar" "api-baseline/$m.jar"
done
echo "api-baseline/ updated from $version; commit it with the API change and a CHANGELOG entry"
