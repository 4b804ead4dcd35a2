#!/usr/bin/env bash
# Load test of ARF and DSN intake (POST /v1/feedback/arf and /dsn), on this machine (loopback only).
# Builds nothing: run `./mvnw -B -DskipTests package` first. Needs wrk, curl and jq.
#   bench/load/feedback.sh               # defaults below; override with the environment
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/consentry-cli/target/consentry.jar"
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:--Xms1g -Xmx1g}
PORT=18082
export ADMIN=csa_load_test_admin_key
export REPORTS="$root/consentry-core/src/test/resources/org/consentry/feedback"

data=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

java $HEAP --enable-native-access=ALL-UNNAMED -jar "$jar" serve --host 127.0.0.1 --port $PORT --data "$data/store" --admin-key $ADMIN > "$data/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

tenant=$(curl -sf "http://127.0.0.1:$PORT/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Acme Inc.","brand":"Acme","industry":"retail","country":"US","postal_address":"1 Main St, Miami FL 33101"}')
id=$(echo "$tenant" | jq -r .id)
curl -sf "http://127.0.0.1:$PORT/v1/tenants/$id/senders" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"address":"acme.example","kind":"email_domain","verified":true}' >/dev/null

echo "== warm-up $WARMUP"
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$root/bench/load/feedback.lua" "http://127.0.0.1:$PORT" >/dev/null
echo "== ARF and DSN reports for $DURATION (1 wrk thread, $CONNECTIONS connections; each report durable before its 202)"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/load/feedback.lua" "http://127.0.0.1:$PORT"
