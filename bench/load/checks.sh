#!/usr/bin/env bash
# Load test of POST /v1/checks against a bare Javalin endpoint, on this machine, in one run (loopback only).
# Builds nothing: run `./mvnw -B -DskipTests package` first. Needs wrk, curl and jq.
#   bench/load/checks.sh                 # defaults below; override with the environment
#   KEYED=1 bench/load/checks.sh         # also POST /v1/checks with an Idempotency-Key on every request
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/consentry-cli/target/consentry.jar"
benchjar="$root/bench/target/benchmarks.jar"
SEED=${SEED:-20s}                 # how long to record consents before measuring
WARMUP=${WARMUP:-20s}             # warm-up of each endpoint before it is measured
DURATION=${DURATION:-30s}         # measured run of each endpoint
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
HEAP=${HEAP:--Xms1g -Xmx1g}
CHECK_PORT=18080
BARE_PORT=18081
ADMIN=csa_load_test_admin_key

data=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

java $HEAP --enable-native-access=ALL-UNNAMED -jar "$jar" serve --host 127.0.0.1 --port $CHECK_PORT --data "$data/store" --admin-key $ADMIN > "$data/server.log" 2>&1 &
pids+=($!)
java $HEAP --enable-native-access=ALL-UNNAMED -cp "$benchjar" org.consentry.bench.BareEndpoint $BARE_PORT > "$data/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$CHECK_PORT/health" >/dev/null && curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break
  sleep 0.1
done

tenant=$(curl -sf "http://127.0.0.1:$CHECK_PORT/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Acme Inc.","brand":"Acme","industry":"retail","country":"US","postal_address":"1 Main St, Miami FL 33101"}')
id=$(echo "$tenant" | jq -r .id); export KEY=$(echo "$tenant" | jq -r .api_key)
curl -sf "http://127.0.0.1:$CHECK_PORT/v1/tenants/$id/senders" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"address":"+18005550199","kind":"phone","verified":true}' >/dev/null

echo "== seeding consents for $SEED (1 wrk thread, $CONNECTIONS connections)"
seed=$(wrk -t1 -c"$CONNECTIONS" -d"$SEED" -s "$root/bench/load/seed-consents.lua" "http://127.0.0.1:$CHECK_PORT")
echo "$seed" | grep -E 'requests in|Requests/sec|Non-2xx' || true
export SEEDED=$(echo "$seed" | awk '/requests in/ {print $1}')
echo "seeded consents: $SEEDED (durably recorded, group commit)"

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s "$3" "$1"; }
echo "== warm-up $WARMUP each"
run "http://127.0.0.1:$CHECK_PORT" "$WARMUP" "$root/bench/load/check.lua" >/dev/null
run "http://127.0.0.1:$BARE_PORT" "$WARMUP" "$root/bench/load/bare.lua" >/dev/null

echo "== POST /v1/checks for $DURATION"
checks=$(run "http://127.0.0.1:$CHECK_PORT" "$DURATION" "$root/bench/load/check.lua"); echo "$checks"
echo "== bare Javalin POST for $DURATION"
bare=$(run "http://127.0.0.1:$BARE_PORT" "$DURATION" "$root/bench/load/bare.lua"); echo "$bare"

if [ "${KEYED:-0}" = 1 ]; then
  echo "== POST /v1/checks with an Idempotency-Key on each request, for $DURATION"
  keyed=$(IDEMPOTENCY=1 run "http://127.0.0.1:$CHECK_PORT" "$DURATION" "$root/bench/load/check.lua"); echo "$keyed"
fi

c=$(echo "$checks" | awk '/Requests\/sec/ {print $2}')
b=$(echo "$bare" | awk '/Requests\/sec/ {print $2}')
echo "== checks: $c req/s, bare: $b req/s, ratio: $(echo "scale=3; $c / $b" | bc)"
