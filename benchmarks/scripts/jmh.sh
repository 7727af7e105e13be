#!/usr/bin/env bash
# JMH benchmarks with short settings (about 12 minutes on 2 cores); prints a table.
# For how the converged pass scales with the number of stores, use scripts/bench scaling.
# Usage: scripts/bench jmh [extra JMH args, e.g. -prof gc or a benchmark regex]
# Full-length runs: java -jar benchmarks/target/benchmarks.jar (JMH defaults).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
out=$(mktemp)
# -XX:+AlwaysPreTouch: touch the whole heap at start-up (about 10 s per fork here), so that no
# iteration pays for the first use of heap pages; without it, on this VM, the first ~15 s of
# every fork are several times slower (see README).
# -Xmn3g: a fixed young generation, so that G1 does not shrink it and copy the live working set of
# a 100,000-store pass at every young collection (see docs/performance.md).
java -jar benchmarks/target/benchmarks.jar -f 1 -wi 6 -w 1s -i 5 -r 1s \
  -jvmArgs "-Xms6g -Xmx6g -Xmn3g -XX:+AlwaysPreTouch" -rf csv -rff "$out" "$@" >&2
echo
echo "| benchmark | params | score | error | unit |"
echo "|---|---|---|---|---|"
# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params...
python3 - "$out" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head, body = rows[0], rows[1:]
for r in body:
    name = r[0].replace("dev.lattice.backup.benchmarks.", "")
    params = ", ".join(f"{h.replace('Param: ', '')}={v}" for h, v in zip(head[7:], r[7:]) if v)
    print(f"| {name} | {params} | {float(r[4]):.3f} | ±{float(r[5]):.3f} | {r[6]} |")
PY
