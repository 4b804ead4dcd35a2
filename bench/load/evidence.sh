#!/usr/bin/env bash
# Times GET /v1/evidence (a signed proof bundle) for one address among a tenant's many consents (loopback only).
# Builds nothing: run `./mvnw -B -DskipTests package` first. Needs wrk, curl and jq. SEED sets how long consents are recorded.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(mktemp -d); ADMIN=csa_bench_admin
java -Xmx1g --enable-native-access=ALL-UNNAMED -jar consentry-cli/target/consentry.jar serve --port 18083 --data $data --admin-key $ADMIN > $data/log 2>&1 &
pid=$!; trap "kill $pid; rm -rf $data" EXIT
for i in $(seq 1 100); do curl -sf localhost:18083/health >/dev/null && break; sleep 0.1; done
t=$(curl -sf localhost:18083/v1/tenants -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"name":"Acme Inc.","brand":"Acme","industry":"retail","country":"US","postal_address":"1 Main St"}')
KEY=$(echo "$t" | jq -r .api_key)
cat > $data/c.lua <<LUA
local c = 0
request = function()
  c = c + 1
  local n
  if c % 100 == 0 then n = "+13055550100" else n = string.format("+1305%03d%04d", 200 + math.floor(c / 10000) % 800, c % 10000) end
  return wrk.format("POST", "/v1/consents", {["Authorization"]="Bearer $KEY", ["Content-Type"]="application/json"},
    '{"address":"' .. n .. '","channel":"sms","purpose":"marketing","method":"api","captured_at":"2026-01-10T15:00:00Z","confirmed":true}')
end
LUA
wrk -t2 -c${CONNECTIONS:-32} -d${SEED:-10s} -s $data/c.lua http://127.0.0.1:18083 | grep -E "requests in"
n=$(curl -s "localhost:18083/v1/evidence?address=%2B13055550100" -H "Authorization: Bearer $KEY" | jq '.events | length')
len=$(curl -s "localhost:18083/v1/evidence?address=%2B13055550100" -H "Authorization: Bearer $KEY" | jq '.chain.length')
echo "events about the address: $n; tenant chain length: $len"
for i in $(seq 1 20); do curl -s -o /dev/null -w "%{time_total}\n" "localhost:18083/v1/evidence?address=%2B13055550100" -H "Authorization: Bearer $KEY"; done | sort -n | awk '{a[NR]=$1} END {print "min " a[1] " median " a[int(NR/2)] " max " a[NR]}'
