#!/usr/bin/env bash
# Cold start, as whole processes, side by side in one run (issue 21, item 7):
#   1. a hello-world JVM vs `render examples/` (plain `java -jar`, and README's launcher with AppCDS);
#   2. a bare Jackson YAML parse of 10,000 stores vs `render` of the same file (both ways).
# Prints the median wall time of RUNS runs of each and the ratios.
# Usage: scripts/bench-startup.sh [RUNS] [STORES]      (build first: ./mvnw -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
stores=${2:-10000}
jar=$PWD/lattice-backup-cli/target/lattice-backup.jar
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "$jar" scripts/bench/BenchTools.java scripts/bench/Hello.java
tools=("$work:$jar")
java -cp "${tools[0]}" BenchTools gen "$stores" "$work/stores.yaml"

# median wall time in milliseconds of running "$@" $runs times (output discarded)
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

hello=$(median java -cp "$work" Hello)
plain=$(median java -jar "$jar" render examples/)
fast=$(median scripts/lattice-backup render examples/)
parse=$(median java -cp "${tools[0]}" BenchTools parse "$work/stores.yaml")
bigplain=$(median java -jar "$jar" render "$work/stores.yaml")
bigfast=$(median scripts/lattice-backup render "$work/stores.yaml")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "median of $runs runs, milliseconds, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "hello-world JVM                      $hello"
echo "render examples/ (java -jar)         $plain   $(ratio "$plain" "$hello")x hello   (goal <= 3.5x)"
echo "render examples/ (scripts/lattice-backup, AppCDS) $fast   $(ratio "$fast" "$hello")x hello"
echo "bare Jackson parse, $stores stores   $parse"
echo "render $stores stores (java -jar)    $bigplain   $(ratio "$bigplain" "$parse")x parse   (goal <= 1.5x)"
echo "render $stores stores (launcher)     $bigfast   $(ratio "$bigfast" "$parse")x parse"
