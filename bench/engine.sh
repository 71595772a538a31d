#!/usr/bin/env bash
# Engine benchmarks (issue 8) with JMH, through the Maven profile `bench` (never part of the normal build):
#   - one decision per customer, round-robin over the same 1,000 varied customers, on one benchmark thread:
#     the shipped rules with explanation capture (what the service does) and without it, the PRODUCT.md §4
#     policy written by hand in Java (the lower bound), and Camunda's DMN engine on DMN copies of the tier and
#     service-plan tables (a peer engine; default and legacy FEEL engine);
#   - compiling an upload whose tier table has 10, 100 and 1,000 rows through the service's compiler, and the
#     heap and Metaspace the compiled ruleset keeps.
# First checks that the engines compared decide alike on those customers (BenchmarkAgreementTests), then runs
# JMH (about 5 minutes) and prints each figure with its error and the ratios the targets of issue 8 need.
#
# BUILD_DIR (target) is Maven's output folder; OUT (BUILD_DIR/bench-engine) keeps the JMH log and JSON.
# JMH_ARGS adds JMH options, e.g. JMH_ARGS="EngineBenchmarks" to run only the decision benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-target}
OUT=${OUT:-${BUILD_DIR}/bench-engine}
JMH_ARGS=${JMH_ARGS:-}
mkdir -p "${OUT}"
OUT=$(cd "${OUT}" && pwd)
command -v python3 >/dev/null || { apt-get update -q && apt-get install -y -q python3; }
MVN=(./mvnw -q -B -Pbench "-Dtiering.build.dir=${BUILD_DIR}")

echo "== Checking that the engines compared decide alike on the benchmark's customers"
"${MVN[@]}" test -Dtest=BenchmarkAgreementTests -Dsurefire.failIfNoSpecifiedTests=false

echo "== JMH: one benchmark thread, 1 fork, 3 x 2 s warm-up and 5 x 2 s measurement (compiles: 3 + 5 single shots)"
echo "   log: ${OUT}/jmh.log"
"${MVN[@]}" exec:exec@jmh "-Djmh.args=-f 1 -t 1 -prof gc -rf json -rff ${OUT}/jmh.json ${JMH_ARGS}" \
  > "${OUT}/jmh.log" 2>&1 || { tail -40 "${OUT}/jmh.log"; exit 1; }

echo "== Memory a compiled ruleset keeps (heap and Metaspace after a full GC, ruleset held)"
"${MVN[@]}" exec:exec@compiled-size > "${OUT}/retained.txt" 2>&1 || { cat "${OUT}/retained.txt"; exit 1; }

echo "== Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "${OUT}/jmh.json" "${OUT}/retained.txt" <<'PY'
import json, re, sys

runs = json.load(open(sys.argv[1]))
retained = {}
for line in open(sys.argv[2]):
    m = re.match(r"retained rows=(\d+) heapBytes=(-?\d+) metaspaceBytes=(-?\d+) rules=(\d+) compileMs=(\d+)", line)
    if m:
        retained[int(m.group(1))] = tuple(int(g) for g in m.groups()[1:])

LABELS = {
    "fullDecision": "ours: full decision, explanation captured",
    "withoutExplanation": "ours: same decision, no explanation",
    "twoTables": "ours: tier + plan tables only, explained",
    "handWritten": "hand-written Java policy (lower bound)",
    "camunda[feel=default]": "Camunda DMN, 2 tables, default FEEL",
    "camunda[feel=legacy]": "Camunda DMN, 2 tables, legacy FEEL",
}
figures = {}
for run in runs:
    name = run["benchmark"].rsplit(".", 1)[1]
    params = run.get("params") or {}
    if "feel" in params:
        name += "[feel=%s]" % params["feel"]
    if "rows" in params:
        name += "[rows=%s]" % params["rows"]
    primary = run["primaryMetric"]
    alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    figures[name] = (primary["score"], primary["scoreError"], primary["scoreUnit"], alloc)

def fmt(x, digits=0):
    return "{:,.{}f}".format(x, digits)

print()
print("%-44s %14s %12s %-7s %12s" % ("benchmark", "score", "± error", "unit", "alloc/op"))
for name, (score, error, unit, alloc) in figures.items():
    label = LABELS.get(name, name.replace("compile[rows=", "compile an upload, tier table of ").replace("]", " rows"))
    digits = 0 if score >= 100 else 1
    print("%-44s %14s %12s %-7s %12s" % (label, fmt(score, digits), fmt(error, digits), unit,
                                         "" if alloc is None else fmt(alloc / 1024, 1) + " KiB"))
print()
print("A service just after start-up (JVM fresh, shipped rules compiled once), one upload per size:")
for rows, (heap, meta, rules, millis) in sorted(retained.items()):
    print("  %5s tier rows (%4d rules): compiled in %5.2f s; kept: heap %5.1f MiB, Metaspace %4.1f MiB" % (
        fmt(rows), rules, millis / 1000, heap / 2**20, meta / 2**20))

def ratio(a, b):
    """a / b with the error of the quotient from the two relative errors."""
    (sa, ea, _, _), (sb, eb, _, _) = figures[a], figures[b]
    r = sa / sb
    return r, r * (ea / sa + eb / sb)

print()
print("Ratios (same run, same machine)")
def show(text, value, target=None, met=None):
    verdict = "" if met is None else ("  MET" if met else "  MISSED")
    print("  %-62s %s%s%s" % (text, value, "" if target is None else "   target " + target, verdict))

if "fullDecision" in figures and "handWritten" in figures:
    r, e = ratio("fullDecision", "handWritten")
    show("ours with explanation / hand-written", "%.4f ± %.4f (1 : %s)" % (r, e, fmt(1 / r)))
camundas = [n for n in figures if n.startswith("camunda")]
for name in camundas:
    peer = LABELS[name].replace("Camunda DMN, 2 tables, ", "Camunda, ")
    if "fullDecision" in figures:
        r, e = ratio("fullDecision", name)
        show("ours, full decision with explanation / " + peer, "%.2f ± %.2f" % (r, e), "≥ 1", r >= 1)
    if "twoTables" in figures:
        r, e = ratio("twoTables", name)
        show("ours, the same 2 tables with explanation / " + peer, "%.2f ± %.2f" % (r, e))
if "fullDecision" in figures and "withoutExplanation" in figures:
    r, e = ratio("fullDecision", "withoutExplanation")
    show("explanation cost = 1 − with / without", "%.0f%% ± %.0f%%" % ((1 - r) * 100, e * 100), "< 25%",
         1 - r < 0.25)
if "fullDecision" in figures:
    score = figures["fullDecision"][0]
    show("decisions/s with explanation, one thread", "%s = %.1f × 20,000" % (fmt(score), score / 20000),
         "≥ 20,000", score >= 20000)
compile_1000 = figures.get("compile[rows=1000]")
if compile_1000:
    seconds = compile_1000[0] / 1000
    show("compile an upload with a 1,000-row table (warm JVM)", "%.2f s = %.2f × 5 s" % (seconds, seconds / 5),
         "< 5 s", seconds < 5)
if 1000 in retained:
    seconds = retained[1000][3] / 1000
    show("the same just after start-up", "%.2f s = %.2f × 5 s" % (seconds, seconds / 5), "< 5 s", seconds < 5)
    if "compile[rows=10]" in figures:
        r, e = ratio("compile[rows=1000]", "compile[rows=10]")
        show("compile 1,000 rows / compile 10 rows", "%.1f ± %.1f" % (r, e))
PY
