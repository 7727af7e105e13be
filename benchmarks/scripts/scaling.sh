#!/usr/bin/env bash
# How the converged pass and the planner scale with the number of stores: JMH at every size of
# ConvergedReconcileBenchmark (10,000, 30,000, 100,000), in rounds. Each round is one JMH run of
# every benchmark and size with one fork (the fork's heap settings are the benchmark's @Fork
# annotation); with -b, each round runs the baseline jar and then this tree's jar. So the sizes
# (and the two jars) take turns on the machine, and a change of load in the middle of the run
# hits all of them alike. The forks of all rounds are then pooled per jar, benchmark and size.
#
# Prints, per benchmark, size and measure: the mean, its 99.9% error (Student's t over every
# measured iteration of every fork, as JMH computes it), and the ratio to the 10,000-store mean
# with the range its error bars allow: (mean - error) / (mean10k + error10k) to (mean + error) /
# (mean10k - error10k). A claim "at most 12x" holds when the top of that range is at most 12.
# Measures: wall (JMH's score, time per operation), cpu.process (the JVM's CPU time per operation,
# garbage collection included) and cpu.worker (the benchmark thread's), from CpuTimeProfiler: on a
# shared machine wall time also counts waiting for a core, CPU time does not.
#
# Usage: scripts/bench scaling [-r ROUNDS] [-b BASELINE_JAR] [-o DIR] [JMH args]
#   -r ROUNDS        rounds, each one fork per size and jar (default 3)
#   -b BASELINE_JAR  a benchmarks.jar built from another commit, run in the same rounds
#   -o DIR           where to keep the JSON results (default: a temporary directory)
#   JMH args         default: ConvergedReconcileBenchmark; e.g. 'planConverged' -prof gc
# One round of the three benchmarks (planConverged, reconcileConverged, readKeys) takes about 6
# minutes on the 2-core development machine; with -b, the baseline jar adds its own.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=3
baseline=""
out=""
while getopts "r:b:o:" opt; do
  case "$opt" in
    r) rounds="$OPTARG" ;;
    b) baseline="$OPTARG" ;;
    o) out="$OPTARG" ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- ConvergedReconcileBenchmark
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
if [ -n "$baseline" ] && [ ! -f "$baseline" ]; then
  echo "no such jar: $baseline" >&2
  exit 2
fi
[ -n "$out" ] || out=$(mktemp -d)
mkdir -p "$out"
current="$out/current.jar"
cp benchmarks/target/benchmarks.jar "$current"
for r in $(seq 1 "$rounds"); do
  for which in baseline current; do
    if [ "$which" = baseline ]; then
      [ -n "$baseline" ] || continue
      jar="$baseline"
    else
      jar="$current"
    fi
    echo "round $r of $rounds, $which: $(uptime)" >&2
    java -Djmh.ignoreLock=true -jar "$jar" -f 1 -rf json -rff "$out/$which-$r.json" \
      -prof dev.lattice.backup.benchmarks.CpuTimeProfiler "$@" >&2
  done
done
echo "results in $out; load at the end: $(uptime)" >&2
python3 - "$out" <<'PY'
import glob, json, math, os, sys

def t_quantile(p, df):
    """Student's t quantile, by bisection on the CDF (Simpson's rule on the density)."""
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    pdf = lambda x: c * (1 + x * x / df) ** (-(df + 1) / 2)
    def cdf(x, steps=2000):
        h = x / steps
        s = pdf(0) + pdf(x) + sum((4 if i % 2 else 2) * pdf(i * h) for i in range(1, steps))
        return 0.5 + s * h / 3
    lo, hi = 0.0, 1000.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if cdf(mid) < p else (lo, mid)
    return (lo + hi) / 2

MEASURES = ["wall", "cpu.process", "cpu.worker"]
pooled = {}  # (jar, benchmark, measure, stores) -> list of iteration values
units = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    jar = os.path.basename(path).rsplit("-", 1)[0]
    for row in json.load(open(path)):
        name = row["benchmark"].rsplit(".", 2)
        name = name[-2] + "." + name[-1]
        metrics = {"wall": row["primaryMetric"]}
        for label, metric in row.get("secondaryMetrics", {}).items():
            if label.lstrip("\u00b7") in MEASURES:
                metrics[label.lstrip("\u00b7")] = metric
        for measure, metric in metrics.items():
            key = (jar, name, measure, int(row["params"]["stores"]))
            for fork in metric["rawData"]:
                pooled.setdefault(key, []).extend(fork)
            units[key] = metric["scoreUnit"]

def stats(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, t_quantile(1 - 0.001 / 2, n - 1) * sd / math.sqrt(n)

print("| jar | benchmark | measure | stores | forks x iterations | mean | error (99.9%) | unit | ratio to 10,000 | range the errors allow |")
print("|---|---|---|---:|---:|---:|---:|---|---:|---|")
for key in sorted(pooled, key=lambda k: (k[0] != "baseline", k[1], MEASURES.index(k[2]), k[3])):
    jar, name, measure, stores = key
    mean, err = stats(pooled[key])
    base = (jar, name, measure, 10000)
    ratio = rng = ""
    if base in pooled:
        bmean, berr = stats(pooled[base])
        ratio = f"{mean / bmean:.2f}x"
        low = (mean - err) / (bmean + berr)
        high = (mean + err) / (bmean - berr) if bmean > berr else float("inf")
        rng = f"{max(0.0, low):.2f}x to {high:.2f}x"
    forks = len(glob.glob(os.path.join(sys.argv[1], jar + "-*.json")))
    print(f"| {jar} | {name} | {measure} | {stores:,} | {forks} x {len(pooled[key]) // max(forks, 1)} "
          f"| {mean:.2f} | ±{err:.2f} | {units[key]} | {ratio} | {rng} |")
PY
