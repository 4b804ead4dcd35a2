#!/usr/bin/env bash
# POST /v1/consents under load (loopback only): WARMUP of traffic first (the JIT), then DURATION measured.
# Builds nothing: run `./mvnw -B -DskipTests package` first. Needs wrk, curl and jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d); ADMIN=csa_bench_admin; PORT=18090
java -Xmx1g -jar consentry-cli/target/consentry.jar serve --port $PORT --data $data --admin-key $ADMIN > $data/log 2>&1 &
pid=$!; trap "kill $pid; rm -rf $data" EXIT
for i in $(seq 1 100); do curl -sf localhost:$PORT/health >/dev/null && break; sleep 0.1; done
KEY=$(curl -sf localhost:$PORT/v1/tenants -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Acme Inc.","brand":"Acme","industry":"retail","country":"US","postal_address":"1 Main St"}' | jq -r .api_key)
cat > $data/c.lua <<LUA
local c = 0
request = function()
  c = c + 1
  local n = string.format("+1305%03d%04d", 200 + math.floor(c / 10000) % 800, c % 10000)
  return wrk.format("POST", "/v1/consents", {["Authorization"]="Bearer $KEY", ["Content-Type"]="application/json"},
    '{"address":"' .. n .. '","channel":"sms","purpose":"marketing","method":"api","captured_at":"2026-01-10T15:00:00Z","confirmed":true}')
end
LUA
wrk -t1 -c${CONNECTIONS:-128} -d${WARMUP:-15s} -s $data/c.lua http://127.0.0.1:$PORT > /dev/null
wrk -t1 -c${CONNECTIONS:-128} -d${DURATION:-10s} --latency -s $data/c.lua http://127.0.0.1:$PORT | grep -E "requests in|Latency|50%|99%|Non-2xx"
