#!/usr/bin/env bash
# Engine benchmarks (issue 8) with JMH, through the Maven profile `bench` (never part of the normal build):
#   - one decision per customer, round-robin over the same 1,000 varied customers, on one benchmark thread:
#     the shipped rules with explanation capture (what the service does) and without it, the PRODUCT.md §4
#     policy written by hand in Java (the lower bound), and Camunda's DMN engine on DMN copies of the tier and
#     service-plan tables (a peer engine; default and legacy FEEL engine);
#   - compiling an upload whose tier table has 10, 100 and 1,000 rows through the service's compiler, and the
#     heap and Metaspace the compiled ruleset keeps.
# First checks that the engines compared decide alike on those customers (BenchmarkAgreementTests), then runs
# JMH (about 5 minutes), then the same engines again timed by this JVM's CPU time in interleaved rounds (about a
# minute; on a machine other builds share, the clock-based JMH ratios swing with their load, these do not), and
# prints each figure with its error and the ratios the targets of issue 8 need, from both.
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

echo "== The decision engines again, by the CPU time of the thread, in short rounds that take each engine in turn"
"${MVN[@]}" exec:exec@cpu-time > "${OUT}/cpu-time.txt" 2>&1 || { cat "${OUT}/cpu-time.txt"; exit 1; }

echo "== Memory a compiled ruleset keeps (heap and Metaspace after a full GC, ruleset held)"
"${MVN[@]}" exec:exec@compiled-size > "${OUT}/retained.txt" 2>&1 || { cat "${OUT}/retained.txt"; exit 1; }

echo "== Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "${OUT}/jmh.json" "${OUT}/cpu-time.txt" "${OUT}/retained.txt" <<'PY'
import json, re, sys

LABELS = {
    "fullDecision": "ours: full decision, explanation captured",
    "withoutExplanation": "ours: same decision, no explanation",
    "twoTables": "ours: tier + plan tables only, explained",
    "handWritten": "hand-written Java policy (lower bound)",
    "camunda[feel=legacy]": "Camunda DMN, 2 tables, legacy FEEL",
    "camunda[feel=default]": "Camunda DMN, 2 tables, default FEEL",
}

def fmt(x, digits=0):
    return "{:,.{}f}".format(x, digits)

def label(name):
    if name.startswith("compile[rows="):
        return "compile an upload, tier table of %s rows" % fmt(int(name[13:-1]))
    return LABELS.get(name, name)

# JMH: name -> (score, error, unit, bytes allocated per operation)
jmh = {}
for run in json.load(open(sys.argv[1])):
    name = run["benchmark"].rsplit(".", 1)[1]
    params = run.get("params") or {}
    name += "".join("[%s=%s]" % item for item in params.items())
    primary = run["primaryMetric"]
    alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    jmh[name] = (primary["score"], primary["scoreError"], primary["scoreUnit"], alloc)

# CPU time: name -> (decisions per CPU second from the median round, slowest round, fastest round), and
# "a/b" -> the median over the rounds of a's speed over b's within each round
cpu, cpu_ratios = {}, {}
for line in open(sys.argv[2]):
    m = re.match(r"cpu engine=(\S+) nsPerOp=([\d.]+) opsPerCpuSecond=([\d.]+) rounds=\d+ min=([\d.]+) max=([\d.]+)", line)
    if m:
        cpu[m.group(1)] = (float(m.group(3)), 1e9 / float(m.group(5)), 1e9 / float(m.group(4)))
    m = re.match(r"ratio (\S+)=([\d.]+)", line)
    if m:
        cpu_ratios[m.group(1)] = float(m.group(2))

retained = {}
for line in open(sys.argv[3]):
    m = re.match(r"retained rows=(\d+) heapBytes=(-?\d+) metaspaceBytes=(-?\d+) rules=(\d+) compileMs=(\d+)", line)
    if m:
        retained[int(m.group(1))] = tuple(int(g) for g in m.groups()[1:])

def alloc_text(alloc):
    if alloc is None:
        return ""
    return fmt(alloc / 1024, 1) + " KiB" if alloc < 10 * 2**20 else fmt(alloc / 2**20, 0) + " MiB"

print()
print("%-44s %14s %12s %-6s %11s  %s" % ("JMH (wall clock, one thread)", "score", "± error", "unit", "alloc/op",
                                         "by thread CPU time: median (rounds' range)"))
for name, (score, error, unit, alloc) in jmh.items():
    digits = 0 if score >= 100 else 1
    by_cpu = ""
    if name in cpu:
        median, slowest, fastest = cpu[name]
        by_cpu = "%s ops/s (%s–%s)" % (fmt(median), fmt(slowest), fmt(fastest))
    print("%-44s %14s %12s %-6s %11s  %s" % (label(name), fmt(score, digits), fmt(error, digits), unit,
                                             alloc_text(alloc), by_cpu))

print()
print("A service just after start-up (JVM fresh, shipped rules compiled once), one upload per size:")
for rows, (heap, meta, rules, millis) in sorted(retained.items()):
    print("  %5s tier rows (%4d rules): compiled in %5.2f s; kept: heap %5.1f MiB, Metaspace %4.1f MiB" % (
        fmt(rows), rules, millis / 1000, heap / 2**20, meta / 2**20))

def show(text, value, target=None, met=None):
    verdict = "" if met is None else ("  MET" if met else "  MISSED")
    print("  %-58s %-26s%s%s" % (text, value, "" if target is None else "target " + target, verdict))

def ratios(title, score, error, measured_ratio=lambda a, b: None):
    """score(name) and error(name) give the figure in operations per second and its error (0 if unknown);
    measured_ratio(a, b) a ratio measured as such, used when there is one."""
    def ratio(a, b):
        if measured_ratio(a, b) is not None:
            return measured_ratio(a, b), 0
        r = score(a) / score(b)
        return r, r * (error(a) / score(a) + error(b) / score(b))
    def both(*names):
        return all(score(n) is not None for n in names)
    def pm(value, err, digits):
        return ("%.*f" % (digits, value)) + ("" if err == 0 else " ± %.*f" % (digits, err))
    print()
    print(title)
    if both("fullDecision", "handWritten"):
        r, e = ratio("fullDecision", "handWritten")
        show("ours with explanation / hand-written", "%s (1 : %s)" % (pm(r, e, 4), fmt(1 / r)))
    for name in ("camunda[feel=legacy]", "camunda[feel=default]"):
        peer = label(name).replace("Camunda DMN, 2 tables, ", "Camunda, ")
        if both("fullDecision", name):
            r, e = ratio("fullDecision", name)
            show("full decision with explanation / " + peer, pm(r, e, 2), "≥ 1", r >= 1)
        if both("twoTables", name):
            r, e = ratio("twoTables", name)
            show("the same 2 tables with explanation / " + peer, pm(r, e, 2))
    if both("fullDecision", "withoutExplanation"):
        r, e = ratio("fullDecision", "withoutExplanation")
        show("explanation cost = 1 − with / without", pm((1 - r) * 100, e * 100, 0) + " %", "< 25 %",
             1 - r < 0.25)
    if both("fullDecision"):
        value = score("fullDecision")
        show("decisions/s with explanation, one core", "%s = %.1f × 20,000" % (fmt(value), value / 20000),
             "≥ 20,000", value >= 20000)

ratios("Ratios from JMH (wall clock; the other builds' load falls on each benchmark differently)",
       lambda n: jmh[n][0] if n in jmh else None, lambda n: jmh[n][1] if n in jmh else 0)
ratios("Ratios from the benchmark thread's CPU time (engines interleaved; median of the rounds' ratios)",
       lambda n: cpu[n][0] if n in cpu else None, lambda n: 0, lambda a, b: cpu_ratios.get(a + "/" + b))

print()
print("Compiling")
if "compile[rows=1000]" in jmh:
    seconds = jmh["compile[rows=1000]"][0] / 1000
    show("a 1,000-row table, warm JVM (JMH)", "%.2f s = %.2f × 5 s" % (seconds, seconds / 5), "< 5 s", seconds < 5)
if 1000 in retained:
    seconds = retained[1000][3] / 1000
    show("a 1,000-row table just after start-up", "%.2f s = %.2f × 5 s" % (seconds, seconds / 5), "< 5 s",
         seconds < 5)
if "compile[rows=1000]" in jmh and "compile[rows=10]" in jmh:
    r = jmh["compile[rows=1000]"][0] / jmh["compile[rows=10]"][0]
    show("1,000 rows / 10 rows (warm)", "%.1f" % r)
PY
