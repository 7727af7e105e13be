#!/usr/bin/env bash
# Cold start, as whole processes, side by side in one run (issue 21, item 7):
#   1. a hello-world JVM vs `render examples/` (plain `java -jar`, and README's launcher with AppCDS);
#   2. a bare Jackson YAML parse of 10,000 stores vs `render` of the same file (both ways).
# Runs the six commands interleaved, RUNS rounds; prints each one's median wall time and the ratios.
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

# wall time in milliseconds of running "$@" once (output discarded)
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

# The six commands run interleaved, one of each per round, so that every one sees the same machine
# (this VM's speed changes from minute to minute); each figure is the median of its RUNS rounds.
names=(hello plain fast parse bigplain bigfast)
declare -A times
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$runs"); do
  times[hello]+=" $(wall java -cp "$work" Hello)"
  times[plain]+=" $(wall java -jar "$jar" render examples/)"
  times[fast]+=" $(wall scripts/lattice-backup render examples/)"
  times[parse]+=" $(wall java -cp "${tools[0]}" BenchTools parse "$work/stores.yaml")"
  times[bigplain]+=" $(wall java -jar "$jar" render "$work/stores.yaml")"
  times[bigfast]+=" $(wall scripts/lattice-backup render "$work/stores.yaml")"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median() { printf '%s\n' ${times[$1]} | sort -n | sed -n "$(((runs + 1) / 2))p"; }
spread() { printf '%s\n' ${times[$1]} | sort -n | sed -n '1p;$p' | paste -sd- -; }
for n in "${names[@]}"; do
  declare "$n=$(median "$n")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '%-46s %6s ms  (%s)  %s\n' "$1" "${!2}" "$(spread "$2")" "${3:-}"; }
echo "median of $runs interleaved rounds (range), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $load_before, after: $load_after"
row "hello-world JVM" hello
row "render examples/, java -jar" plain "$(ratio "$plain" "$hello")x hello"
row "render examples/, scripts/lattice-backup" fast "$(ratio "$fast" "$hello")x hello (goal <= 3.5x)"
row "bare Jackson YAML parse, $stores stores" parse
row "render $stores stores, java -jar" bigplain "$(ratio "$bigplain" "$parse")x parse"
row "render $stores stores, scripts/lattice-backup" bigfast "$(ratio "$bigfast" "$parse")x parse (goal <= 1.5x)"
