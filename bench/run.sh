#!/usr/bin/env bash
# Builds the jar (unless SKIP_BUILD=1), compiles the benchmarks into bench/target/classes and runs them.
#   bench/run.sh                 every benchmark, each twice (rounds = 2)
#   bench/run.sh scheduler 3     one benchmark (scheduler | overhead | ratelimit | scoring | hardcorpus | load | scale | pool | costs), optional arguments
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != "1" || ! -f target/dia-harness.jar ]]; then
  mvn -B -ntp -q -Dmaven.test.skip=true package
fi
CP="target/dia-harness.jar:target/lib/*"
rm -rf bench/target/classes
mkdir -p bench/target/classes
javac -d bench/target/classes -cp "$CP" $(find bench/src -name '*.java')
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
run() {
  local main=$1; shift
  java $JAVA_OPTS -Dsun.net.httpserver.nodelay=true -cp "bench/target/classes:$CP" "dev.diaharness.bench.$main" "$@"
}
what=${1:-all}
[[ $# -gt 0 ]] && shift
case "$what" in
  scheduler) run SchedulerBench "$@" ;;
  overhead)  run OverheadBench "$@" ;;
  ratelimit) run RateLimitBench "$@" ;;
  scoring)   run ScoringBench "$@" ;;
  hardcorpus) run HardCorpusBench "$@" ;;
  scale)     run ScaleBench "$@" ;;
  load)      run EngineUnderLoadBench "$@" ;;
  pool)      run AgentPoolBench "$@" ;;
  costs)     run IterationCostBench "$@" ;;
  all)
    echo "## $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    run SchedulerBench 2
    run OverheadBench 2
    run RateLimitBench 2
    run ScoringBench 2
    run ScoringBench 2 30
    run EngineUnderLoadBench all 1
    run AgentPoolBench 1
    ;;
  *) echo "unknown benchmark '$what' (scheduler | overhead | ratelimit | scoring | hardcorpus | load | scale | pool | costs | all)" >&2; exit 2 ;;
esac
