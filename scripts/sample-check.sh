#!/usr/bin/env bash
# A step of `./mvnw -B verify` (in the josdk module): the sample operator in samples/josdk-operator,
# built as a separate consumer of the artifacts this build has just made.
#
#   scripts/sample-check.sh [WORK_DIR [offline=true|false]]
#
# 1. The BOM pins the stack (fabric8, Jackson, SLF4J, JOSDK) at the versions the parent builds with.
# 2. The published modules the sample needs (parent, BOM, model, translate, reconcile, fabric8, josdk,
#    junit) are deployed from this build's outputs into a file repository, WORK_DIR/repo; nothing
#    goes to ~/.m2.
# 3. The sample is copied out and built with `verify` from a fresh local repository (WORK_DIR/m2) whose
#    settings know only that file repository, ~/.m2/repository read as a remote (release artifacts
#    only, so no stale lattice-backup SNAPSHOT can leak in) and Maven Central: its Enforcer rules
#    (dependencyConvergence, requireUpperBoundDeps) and its test on the real control plane must pass,
#    once with the JOSDK the BOM manages and once with the previous minor.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/lattice-backup-josdk/target/sample-check}"
offline="${2:-offline=false}"
# The JOSDK releases the sample is built with: the one the BOM manages, and the previous minor.
josdk_versions=(5.3.2 5.2.3)

fail() {
  echo "sample-check: FAILED: $*" >&2
  exit 1
}
property() { # $1: file, $2: property
  grep -m1 -o "<$2>[^<]*</$2>" "$1" | sed 's/<[^>]*>//g'
}

# 1. One stack.
for p in fabric8.version jackson.version slf4j.version josdk.version; do
  parent=$(property "$root/pom.xml" "$p")
  bom=$(property "$root/bom/pom.xml" "$p")
  [[ -n "$parent" && "$parent" == "$bom" ]] \
    || fail "$p is \"$parent\" in pom.xml but \"$bom\" in bom/pom.xml: the BOM must pin what the build tests"
done
[[ "$(property "$root/pom.xml" josdk.version)" == "${josdk_versions[0]}" ]] \
  || fail "the sample is checked with JOSDK ${josdk_versions[0]}, the BOM manages $(property "$root/pom.xml" josdk.version)"
version=$(grep -m1 -o '<version>[^<]*</version>' "$root/pom.xml" | sed 's/<[^>]*>//g')

rm -rf "$work"
mkdir -p "$work"
offline_flags=()
if [[ "$offline" == "offline=true" ]]; then
  # Offline, file:// repositories stay usable.
  offline_flags=(-o -Daether.offline.protocols=file)
fi

# 2. This build's artifacts, into a file repository. Compiling is skipped (the classes are this build's),
#    and so are tests, the control-plane and Velero builds, and installing into ~/.m2.
start=$SECONDS
if ! (cd "$root" && ./mvnw -B "${offline_flags[@]}" deploy \
  -pl bom,lattice-backup-josdk,lattice-backup-junit -am \
  -Dmaven.main.skip=true -DskipTests -Dexec.skip=true -Dmdep.skip=true \
  -Dspotless.check.skip=true -Dmaven.install.skip=true \
  -DaltDeploymentRepository="under-test::file://$work/repo" >"$work/deploy.log" 2>&1); then
  tail -n 40 "$work/deploy.log" >&2
  fail "deploying the artifacts into $work/repo (whole log: $work/deploy.log)"
fi
[[ -d "$work/repo/dev/lattice/lattice-backup-josdk" ]] || fail "nothing deployed to $work/repo"

cat >"$work/settings.xml" <<XML
<settings>
  <localRepository>$work/m2</localRepository>
  <profiles>
    <profile>
      <id>under-test</id>
      <repositories>
        <repository>
          <id>lattice-backup-under-test</id>
          <url>file://$work/repo</url>
          <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>
        </repository>
        <repository>
          <id>local-cache</id>
          <url>file://$HOME/.m2/repository</url>
          <snapshots><enabled>false</enabled></snapshots>
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          <id>local-cache</id>
          <url>file://$HOME/.m2/repository</url>
          <snapshots><enabled>false</enabled></snapshots>
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>under-test</activeProfile>
  </activeProfiles>
</settings>
XML

# 3. The sample, as a consumer, with each JOSDK.
for josdk in "${josdk_versions[@]}"; do
  dir="$work/sample-josdk-$josdk"
  cp -r "$root/samples/josdk-operator" "$dir"
  rm -rf "$dir/target"
  if ! (cd "$dir" && "$root/mvnw" -B "${offline_flags[@]}" -s "$work/settings.xml" \
    -Dlattice-backup.version="$version" -Djosdk.version="$josdk" verify >"$work/sample-josdk-$josdk.log" 2>&1); then
    tail -n 60 "$work/sample-josdk-$josdk.log" >&2
    fail "the sample with JOSDK $josdk (whole log: $work/sample-josdk-$josdk.log)"
  fi
  for rule in DependencyConvergence RequireUpperBoundDeps; do
    grep -q "rules.dependency.$rule passed" "$work/sample-josdk-$josdk.log" \
      || fail "Enforcer's $rule did not pass for the sample with JOSDK $josdk"
  done
  for a in lattice-backup-bom lattice-backup-josdk lattice-backup-fabric8 lattice-backup-junit; do
    grep -qs '>lattice-backup-under-test=' "$work/m2/dev/lattice/$a/$version/_remote.repositories" \
      || fail "the sample did not take $a from this build's artifacts"
  done
  tests=$(grep -o 'Tests run: [0-9]*, Failures: 0, Errors: 0, Skipped: 0$' "$work/sample-josdk-$josdk.log" | tail -n 1 | grep -o '[0-9]*' | head -n 1 || true)
  [[ -n "$tests" && "$tests" -gt 0 ]] || fail "the sample with JOSDK $josdk ran no test"
  resolved=$(find "$work/m2/io/javaoperatorsdk/operator-framework-core" -maxdepth 1 -name "$josdk" | wc -l)
  [[ "$resolved" -eq 1 ]] || fail "the sample did not resolve JOSDK $josdk"
  echo "sample-check: the sample operator with JOSDK $josdk: Enforcer convergence rules passed, $tests test(s) passed on the real control plane"
done
echo "sample-check: OK in $((SECONDS - start)) s (artifacts in $work/repo, consumer repository $work/m2)"
