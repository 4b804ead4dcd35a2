#!/usr/bin/env bash
# Time from `consentry serve` being started to its first healthy answer.
#   bench/load/startup.sh          an empty store (first start), then its restart
#   bench/load/startup.sh DATA [N] N restarts (default 3) of an existing data folder, e.g. one filled by
#                                  `java -cp bench/target/benchmarks.jar org.consentry.bench.ConsentThroughput 128 1000000 DATA`
# Runs the jar as the `consentry` launcher does (2 MB heap pages where the kernel offers them).
# Run `./mvnw -B -DskipTests package` first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="${JAR:-$root/consentry-cli/target/consentry.jar}"
pages=""
if grep -qsE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  pages="-XX:+UseTransparentHugePages"
fi
if [ $# -ge 1 ]; then
  data="$1"; runs=()
  for i in $(seq 1 "${2:-3}"); do runs+=("restart-$i"); done
else
  data=$(mktemp -d); runs=(first-start restart)
  trap 'rm -rf "$data"' EXIT
fi
for run in "${runs[@]}"; do
  start=$(date +%s%N)
  java $pages -jar "$jar" serve --port 18082 --data "$data" --admin-key csa_startup_probe >/dev/null 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:18082/health >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$run: the server exited before it was healthy" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "$run: healthy after $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
done
