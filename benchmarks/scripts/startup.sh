#!/usr/bin/env bash
# Cold start, as whole processes, side by side in one run (issue 21, item 7):
#   1. a hello-world JVM vs `render examples/` (plain `java -jar`, and README's launcher with AppCDS);
#   2. a bare Jackson YAML parse of 10,000 stores (as a plain `java` command, and with the launcher's
#      JIT flags) vs `render` of the same file (both ways).
# Runs the seven commands interleaved, RUNS rounds; prints each one's median wall time (and range),
# the ratio of the medians, and the median of the ratios within each round (the same round sees the
# same machine, which on a shared machine matters more than anything measured here).
# Usage: scripts/bench startup [RUNS] [STORES]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
stores=${2:-10000}
jar=$PWD/lattice-backup-cli/target/lattice-backup.jar
[ -f "$jar" ] && [ -d benchmarks/target/classes ] || ./mvnw -q -B -DskipTests -pl lattice-backup-cli,benchmarks -am package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
classes=$PWD/benchmarks/target/classes
tools=("$classes:$jar")
java -cp "${tools[0]}" dev.lattice.backup.benchmarks.startup.BenchTools gen "$stores" "$work/stores.yaml"

# wall time in milliseconds of running "$@" once (output discarded)
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

# The seven commands run interleaved, one of each per round, so that every one sees the same machine
# (this VM's speed changes from minute to minute); each figure is the median of its RUNS rounds.
names=(hello plain fast parse parsec1 bigplain bigfast)
declare -A times
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$runs"); do
  times[hello]+=" $(wall java -cp "$classes" dev.lattice.backup.benchmarks.startup.Hello)"
  times[plain]+=" $(wall java -jar "$jar" render examples/)"
  times[fast]+=" $(wall scripts/lattice-backup render examples/)"
  times[parse]+=" $(wall java -cp "${tools[0]}" dev.lattice.backup.benchmarks.startup.BenchTools parse "$work/stores.yaml")"
  times[parsec1]+=" $(wall java -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "${tools[0]}" dev.lattice.backup.benchmarks.startup.BenchTools parse "$work/stores.yaml")"
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
# median over the rounds of (time of $1 / time of $2) in the same round
roundratio() {
  paste <(printf '%s\n' ${times[$1]}) <(printf '%s\n' ${times[$2]}) |
    awk '{ printf "%.3f\n", $1 / $2 }' | sort -n | sed -n "$(((runs + 1) / 2))p;1p;\$p" |
    awk 'NR == 1 { lo = $1 } NR == 2 { mid = $1 } NR == 3 { hi = $1 } END { printf "%.2fx (%.2f-%.2f)", mid, lo, hi }'
}
row() { printf '%-46s %6s ms  (%s)  %s\n' "$1" "${!2}" "$(spread "$2")" "${3:-}"; }
echo "median of $runs interleaved rounds (range), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $load_before, after: $load_after"
row "hello-world JVM" hello
row "render examples/, java -jar" plain "$(ratio "$plain" "$hello")x hello; per round $(roundratio plain hello)"
row "render examples/, scripts/lattice-backup" fast "$(ratio "$fast" "$hello")x hello; per round $(roundratio fast hello) (goal <= 3.5x)"
row "bare Jackson YAML parse, $stores stores" parse
row "  the same with the launcher's JIT flags" parsec1
row "render $stores stores, java -jar" bigplain "$(ratio "$bigplain" "$parse")x parse; per round $(roundratio bigplain parse)"
row "render $stores stores, scripts/lattice-backup" bigfast "$(ratio "$bigfast" "$parse")x parse; per round $(roundratio bigfast parse) (goal <= 1.5x)"
row "  (against the parse with the launcher's flags)" bigfast "$(ratio "$bigfast" "$parsec1")x; per round $(roundratio bigfast parsec1)"
