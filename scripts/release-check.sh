#!/usr/bin/env bash
# A step of `./mvnw -B verify` (in the bom module): a dry run of the release, twice, compared.
#
#   scripts/release-check.sh [WORK_DIR [JAVA_HOME]]
#
# 1. Every Java source file starts with the licence header (Spotless checks all but package-info.java).
# 2. Two clean copies of the sources, in two different directories, are built as the release would
#    be (-Prelease, the version without -SNAPSHOT, up to deploy), with tests skipped (verify has just
#    run them), signing skipped, and the Central Publisher Portal bundle assembled but not uploaded.
# 3. The bundle holds, for every published module, its POM, jar, sources, javadoc and SBOMs, and
#    nothing of the modules that are not published; and the builds skip their tests with a Go that
#    always fails (GO=/bin/false): a build that skips tests needs no Go.
# 4. The two bundles are identical file for file, byte for byte; any difference fails the build and
#    names the files (and, for jars, the entries) that differ.
#
# The copies build online so that the CycloneDX plugin runs (it skips itself offline); with the
# dependencies already in ~/.m2 nothing is downloaded.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/bom/target/release-check}"
# The JDK's jar tool unpacks the bundles (unzip is not on every CI image).
jar="${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}/bin/jar"
[[ -x "$jar" ]] || jar=jar
published_jars=(lattice-backup-model lattice-backup-translate lattice-backup-reconcile
  lattice-backup-junit lattice-backup-fabric8 lattice-backup-josdk lattice-backup-cli lattice-backup-controller)
published_poms=(lattice-backup-parent lattice-backup-bom)
unpublished=(lattice-backup-benchmarks lattice-backup-testing)

fail() {
  echo "release-check: FAILED: $*" >&2
  exit 1
}

# 1. Licence headers.
missing=$(cd "$root" && find . -path ./bom/target -prune -o -path '*/src/*' -name '*.java' -print \
  | grep -v '/target/' | while read -r f; do
      head -n 5 "$f" | grep -q 'Licensed under the Apache License, Version 2.0' || echo "$f"
    done || true)
[[ -z "$missing" ]] || fail "no Apache-2.0 header in: $missing"

snapshot=$(grep -m1 -o '<version>[^<]*</version>' "$root/pom.xml" | sed 's/<[^>]*>//g')
version=${snapshot%-SNAPSHOT}

rm -rf "$work"
mkdir -p "$work"
# The publishing plugin wants the credentials of server "central" even when it uploads nothing.
cat >"$work/dry-run-settings.xml" <<'EOF'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>dry-run</username>
      <password>dry-run</password>
    </server>
  </servers>
</settings>
EOF

# 2. Two release builds from clean copies, side by side (most of a Maven build is one thread).
copy() {
  local dir="$work/$1"
  mkdir -p "$dir"
  (cd "$root" && tar --exclude=./.git --exclude=target --exclude=.jqwik-database -cf - .) | (cd "$dir" && tar -xf -)
  find "$dir" -name pom.xml -exec sed -i "s/$snapshot/$version/g" {} +
}
build() {
  local name=$1 modules=$2 dir="$work/$1"
  # GO=/bin/false: the junit module's Go builds take $GO first, so a build with tests skipped that
  # still tried to build kube-apiserver, Velero or a store would fail here (it must need no Go).
  (cd "$dir" && GO=/bin/false ./mvnw -B -ntp -gs "$work/dry-run-settings.xml" -Prelease ${modules:+-pl "$modules"} \
    -DskipTests -Dspotless.check.skip=true -Dgpg.skip=true \
    -Dmaven.install.skip=true -DskipUpload=true -Drelease.check.skip=true \
    deploy >"$work/$name.log" 2>&1)
}
unpack() {
  local name=$1 bundle
  bundle=$(find "$work/$name" -path '*/target/central-publishing/central-bundle.zip' | head -n 1)
  [[ -n "$bundle" ]] || fail "release build $name assembled no central-bundle.zip"
  mkdir -p "$work/$name-bundle"
  (cd "$work/$name-bundle" && "$jar" xf "$bundle")
}
copy a
copy b
start=$SECONDS
# The first build includes the benchmarks, to prove that the publishing plugin leaves them out.
build a '' &
pid_a=$!
build b '!benchmarks' &
pid_b=$!
status_a=0 status_b=0
wait "$pid_a" || status_a=$?
wait "$pid_b" || status_b=$?
for name in a b; do
  status_var="status_$name"
  if [[ ${!status_var} -ne 0 ]]; then
    tail -n 60 "$work/$name.log" >&2
    fail "release build $name failed (whole log: $work/$name.log)"
  fi
done
echo "release-check: two release builds of $version side by side: $((SECONDS - start)) s"
unpack a
unpack b

# 3. What the bundle holds.
bundle="$work/a-bundle/dev/lattice"
need() { [[ -s "$bundle/$1/$version/$1-$version$2" ]] || fail "the bundle lacks $1-$version$2"; }
for a in "${published_poms[@]}"; do
  need "$a" .pom
done
for a in "${published_jars[@]}"; do
  for suffix in .pom .jar -sources.jar -javadoc.jar -cyclonedx.json -cyclonedx.xml; do
    need "$a" "$suffix"
  done
done
for a in "${unpublished[@]}"; do
  [[ ! -e "$bundle/$a" ]] || fail "the bundle holds $a, which is not published"
done

# 4. Byte for byte.
(cd "$work/a-bundle" && find . -type f | LC_ALL=C sort | xargs sha256sum) >"$work/a.sha256"
(cd "$work/b-bundle" && find . -type f | LC_ALL=C sort | xargs sha256sum) >"$work/b.sha256"
if ! diff -u "$work/a.sha256" "$work/b.sha256" >"$work/difference.txt"; then
  echo "release-check: the two builds differ:" >&2
  grep '^[-+][0-9a-f]' "$work/difference.txt" >&2 || true
  for f in $(grep '^-[0-9a-f]' "$work/difference.txt" | awk '{print $2}' | grep '\.jar$' || true); do
    echo "== $f: differing entries" >&2
    mkdir -p "$work/ja" "$work/jb" && rm -rf "$work/ja/"* "$work/jb/"*
    (cd "$work/ja" && "$jar" xf "$work/a-bundle/$f") && (cd "$work/jb" && "$jar" xf "$work/b-bundle/$f") || true
    diff -rq "$work/ja" "$work/jb" >&2 || true
  done
  fail "the release artifacts are not reproducible"
fi
files=$(wc -l <"$work/a.sha256")
echo "release-check: OK: $files files in the bundle, identical in both builds (${#published_jars[@]} jars with sources, javadoc and SBOMs; ${#published_poms[@]} POMs); signing skipped in this dry run"
