#!/usr/bin/env bash
# Time from `consentry serve` being started to its first healthy answer, on an empty and on an existing store.
# Run `./mvnw -B -DskipTests package` first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/consentry-cli/target/consentry.jar"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for run in first-start restart; do
  start=$(date +%s%N)
  java -jar "$jar" serve --port 18082 --data "$data" --admin-key csa_startup_probe >/dev/null 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:18082/health >/dev/null; do sleep 0.02; done
  end=$(date +%s%N)
  echo "$run: healthy after $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
done
