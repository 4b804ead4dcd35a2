#!/usr/bin/env bash
# POST /v1/messages end to end under load, on this machine (loopback only): each message accepted, checked, kept in the
# outbox (durable before its 202), and delivered by the dispatcher through a connector to a local peer that counts what
# it takes (org.consentry.bench.DeliveryPeers, started here, stopped after).
#   bench/load/messages.sh                       # SMPP, defaults below; override with the environment
#   PEER=smtp bench/load/messages.sh             # SMTP to GreenMail
#   PEER=testsmsc bench/load/messages.sh         # SMPP to the tests' TestSmsc (keeps every submit: to compare)
#   PROFILER=/path/libasyncProfiler.so bench/load/messages.sh   # CPU profile of the server over the measured run
# Builds nothing: run `./mvnw -B -DskipTests package` first (it builds bench/target/benchmarks.jar with the peers too).
# JAR=path/consentry.jar tests another build of the server (it is copied first: a build meanwhile changes nothing).
# Needs wrk, curl, jq, bc and sqlite3. Sender rates are all set to 0 (no limit): the published defaults (toll free: 3
# messages a second per sender) would otherwise pace the one sender of the run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="${JAR:-$root/consentry-cli/target/consentry.jar}"
benchjar="$root/bench/target/benchmarks.jar"
PEER=${PEER:-smpp}                   # smpp | smtp | testsmsc
CONNECTIONS=${CONNECTIONS:-64}       # wrk connections
THREADS=${THREADS:-1}                # wrk threads
WARMUP=${WARMUP:-60s}                # load before the measured run, delivered like the rest (after 15 s the JIT still took a quarter of the server's CPU)
DURATION=${DURATION:-30s}            # measured run
DRAIN=${DRAIN:-10}                   # seconds at most to wait after the measured run for its backlog to be delivered
RECIPIENTS=${RECIPIENTS:-20000}      # recipients messages go to in turn (SMS: each given a transactional consent first)
RATE=${RATE:-}                       # messages a second offered: each connection waits CONNECTIONS*1000/RATE ms before a request, so
                                     # the rate offered is under RATE by the answers' own time; empty: as fast as answered
SMPP_WINDOW=${SMPP_WINDOW:-100}      # submit_sm awaiting their answer at once (50: delivery falls behind acceptance)
SMTP_CONNECTIONS=${SMTP_CONNECTIONS:-32} # (8: about 960 delivered a second at most)
HEAP=${HEAP:--Xms1g -Xmx1g}
SERVER_OPTS=${SERVER_OPTS:-}         # more JVM options for the server
PROFILER=${PROFILER:-}               # libasyncProfiler.so: attached (jcmd) for the measured run only
PROFILE_OUT=${PROFILE_OUT:-/tmp/messages-$PEER-profile}   # .html and .collapsed.txt are written
PROFILE_EVENT=${PROFILE_EVENT:-cpu,interval=1ms}           # or wall,interval=5ms: where each thread waits
PORT=${PORT:-18083}
ADMIN=csa_load_test_admin_key

data=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $data" || rm -rf "$data"
}
trap cleanup EXIT

# CPU ticks (user + system) a process has used so far; the machine's busy and total ticks
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8; print busy, busy + $5 + $6}' /proc/stat; }
hz=$(getconf CLK_TCK)
# the peer's latest line "<epoch ms> <total> <in that second>", waiting for a new one
peer_line() {
  local before; before=$(grep -c '^[0-9]' "$data/peer.log" || true)
  for _ in $(seq 1 40); do
    [ "$(grep -c '^[0-9]' "$data/peer.log" || true)" -gt "$before" ] && break
    sleep 0.05
  done
  grep '^[0-9]' "$data/peer.log" | tail -1
}

java -Xms256m -Xmx512m -cp "$benchjar" org.consentry.bench.DeliveryPeers "$PEER" 0 > "$data/peer.log" 2>&1 &
peer=$!; pids+=($peer)
for _ in $(seq 1 100); do grep -q '^url ' "$data/peer.log" && break; sleep 0.1; done
url=$(awk '/^url / {print $2; exit}' "$data/peer.log")
[ -n "$url" ] || { echo "the peer did not start:"; cat "$data/peer.log"; exit 1; }
case "$PEER" in
  smtp) connector=(--smtp-url "$url" --smtp-connections "$SMTP_CONNECTIONS"); channel=email ;;
  *) connector=(--smpp-url "$url?window=$SMPP_WINDOW"); channel=sms ;;
esac

# a job started by a script ignores SIGQUIT, which the JVM's attach (jcmd, the profiler) needs: restored when profiling
launch=(); [ -n "$PROFILER" ] && launch=(env --default-signal=QUIT)
cp "$jar" "$data/consentry.jar" # a build meanwhile does not change the jar under test
"${launch[@]}" java $HEAP --enable-native-access=ALL-UNNAMED $SERVER_OPTS -jar "$data/consentry.jar" serve --host 127.0.0.1 --port "$PORT" \
  --data "$data/store" --admin-key $ADMIN "${connector[@]}" --sender-rates long_code=0,toll_free=0,short_code=0 \
  > "$data/server.log" 2>&1 &
server=$!; pids+=($server)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done

tenant=$(curl -sf "http://127.0.0.1:$PORT/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"Acme Inc.","brand":"Acme","industry":"retail","country":"US","postal_address":"1 Main St, Miami FL 33101"}')
id=$(echo "$tenant" | jq -r .id); export KEY=$(echo "$tenant" | jq -r .api_key)
if [ "$channel" = sms ]; then
  sender='{"address":"+18005550199","kind":"phone","verified":true}'
else
  sender='{"address":"acme.example","kind":"email_domain","verified":true}'
fi
curl -sf "http://127.0.0.1:$PORT/v1/tenants/$id/senders" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "$sender" >/dev/null
export CHANNEL=$channel RECIPIENTS RATE CONNECTIONS

echo "== $(date -u +%FT%TZ) peer $PEER ($url), $(nproc) CPUs, wrk -t$THREADS -c$CONNECTIONS, warm-up $WARMUP, measured $DURATION, $RECIPIENTS recipients, rate ${RATE:-unpaced}"
echo "   server: $jar (built $(date -u -r "$jar" +%FT%TZ), sha1 $(sha1sum < "$jar" | cut -c1-12)); checkout at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
[ "$channel" = sms ] && echo "   SMPP window $SMPP_WINDOW" || echo "   SMTP connections $SMTP_CONNECTIONS"
if [ "$channel" = sms ]; then
  start=$(date +%s%N)
  DONE="$data/seeded" wrk -t1 -c32 -d300s -s "$root/bench/load/seed-transactional.lua" "http://127.0.0.1:$PORT" > /dev/null &
  seeder=$!; pids+=($seeder)
  until [ -s "$data/seeded" ]; do kill -0 $seeder 2>/dev/null || { echo "seeding stopped short"; exit 1; }; sleep 0.1; done
  kill $seeder; wait $seeder 2>/dev/null || true
  read -r seeded failed < "$data/seeded"
  echo "   consents seeded: $seeded ($failed failed) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi

RUN=warmup wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$root/bench/load/messages.lua" "http://127.0.0.1:$PORT" > "$data/warmup.txt"
warm_requests=$(awk '/requests in/ {print $1}' "$data/warmup.txt")
warm_bad=$(awk '/Non-2xx/ {print $NF}' "$data/warmup.txt"); warm_bad=${warm_bad:-0}

# messages accepted and not yet delivered (nor blocked)
waiting() { sqlite3 -readonly "$data/store/consentry.db" "SELECT count(*) FROM outbox WHERE due_at IS NOT NULL"; }
backlog_start=$(waiting)
if [ -n "$PROFILER" ]; then
  # jcmd reads name=value pairs: the agent's options go quoted
  jcmd "$server" JVMTI.agent_load "$PROFILER" "\"start,event=$PROFILE_EVENT,threads\"" | grep -q 'return code: 0' || echo "the profiler did not start"
fi
peer_line > /dev/null # a line just printed: the run starts right after it
w0=$(date +%s%3N)
s0=$(ticks "$server"); p0=$(ticks "$peer"); read -r m0 all0 <<< "$(machine)"
TIMEFORMAT='%U %S'
{ time RUN=measured wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/load/messages.lua" \
    "http://127.0.0.1:$PORT" > "$data/measured.txt" ; } 2> "$data/wrk-time.txt"
s1=$(ticks "$server"); p1=$(ticks "$peer"); read -r m1 all1 <<< "$(machine)"
w1=$(date +%s%3N)
# the peer's counts over the whole seconds within the run: its first line after the start, its last before the end
read -r t0 c0 d0 _ <<< "$(awk -v s="$w0" '/^[0-9]/ && $1 >= s {print; exit}' "$data/peer.log")"
read -r t1 c1 d1 _ <<< "$(awk -v e="$w1" '/^[0-9]/ && $1 <= e {line = $0} END {print line}' "$data/peer.log")"
if [ -n "$PROFILER" ]; then
  jcmd "$server" JVMTI.agent_load "$PROFILER" "\"dump,file=$PROFILE_OUT.html\"" > /dev/null
  jcmd "$server" JVMTI.agent_load "$PROFILER" "\"stop,file=$PROFILE_OUT.collapsed.txt,collapsed\"" > /dev/null
fi

cat "$data/measured.txt"
requests=$(awk '/requests in/ {print $1}' "$data/measured.txt")
bad=$(awk '/Non-2xx/ {print $NF}' "$data/measured.txt"); bad=${bad:-0}
rps=$(awk '/Requests\/sec/ {print $2}' "$data/measured.txt")
p50=$(awk '$1 == "50%" {print $2}' "$data/measured.txt"); p99=$(awk '$1 == "99%" {print $2}' "$data/measured.txt")
seconds=$(echo "scale=3; ($t1 - $t0) / 1000" | bc)
run=$(echo "scale=3; ($w1 - $w0) / 1000" | bc) # the CPU figures' window
delivered=$(echo "scale=0; ($d1 - $d0) * 1000 / ($t1 - $t0)" | bc)
submits=$(echo "scale=0; ($c1 - $c0) * 1000 / ($t1 - $t0)" | bc)
read -r wu ws < "$data/wrk-time.txt"
echo "== measured: $rps accepted/s (wrk; $requests requests, $bad non-2xx), 202 latency p50 $p50 p99 $p99"
echo "== measured: $delivered delivered to the peer/s ($((d1 - d0)) distinct messages in ${seconds} s, the peer's counts within the run;" \
  "$submits/s taken counting repeats)"
others=$(echo "scale=2; (($m1 - $m0) - ($s1 - $s0) - ($p1 - $p0)) / $hz / $run - ($wu + $ws) / $run" | bc)
echo "== CPU over the measured run: machine $(echo "scale=0; 100 * ($m1 - $m0) / ($all1 - $all0)" | bc)% busy of $(nproc) CPUs;" \
  "server $(echo "scale=2; ($s1 - $s0) / $hz / $run" | bc) CPUs, peer $(echo "scale=2; ($p1 - $p0) / $hz / $run" | bc) CPUs," \
  "wrk $(echo "scale=2; ($wu + $ws) / $run" | bc) CPUs," \
  "anything else $others CPUs"

# the backlog the measured run left (accepted, not yet delivered), then how long it takes to go, DRAIN seconds at most
backlog=$(waiting); drain_start=$(date +%s%N); left=$backlog
while [ "$left" -gt 0 ] && [ $(( ($(date +%s%N) - drain_start) / 1000000 )) -lt $((DRAIN * 1000)) ]; do sleep 0.2; left=$(waiting); done
drained_ms=$(( ($(date +%s%N) - drain_start) / 1000000 ))
echo "== backlog (accepted, not yet delivered): $backlog_start at the start of the measured run, $backlog at its end;" \
  "$left after ${drained_ms} ms of drain (at most ${DRAIN} s)"
sleep 1.2 # the peer's next line
accepted=$((warm_requests - warm_bad + requests - bad))
read -r taken distinct <<< "$(grep '^[0-9]' "$data/peer.log" | tail -1 | awk '{print $2, $3}')"
echo "== after a drain of ${DRAIN} s: $accepted accepted (2xx, as wrk counted) in all; the peer took $distinct distinct messages" \
  "($taken counting repeats: $((taken - distinct)) delivered more than once); outbox by status:"
sqlite3 -readonly "$data/store/consentry.db" "SELECT '   ' || status || ' ' || count(*) FROM outbox GROUP BY status ORDER BY status"
left=$(sqlite3 -readonly "$data/store/consentry.db" "SELECT count(*) FROM outbox WHERE status IN ('queued', 'deferred')")
echo "== not delivered after the drain: $left (queued or deferred)"
if [ "$(echo "$others > 0.15" | bc)" = 1 ]; then
  echo "== NOISY: other processes used $others CPUs during the measured run: discard this run"
fi
sqlite3 -readonly "$data/store/consentry.db" "SELECT '   not sent: ' || status || ' ' || substr(detail, 1, 300) FROM message_status s
  WHERE status IN ('blocked', 'deferred', 'failed') GROUP BY status LIMIT 3"
errors=$(grep -cE ' (ERROR|WARN) ' "$data/server.log" || true)
[ "$errors" -gt 0 ] && { echo "== server log: $errors warnings or errors, the first:"; grep -E ' (ERROR|WARN) ' "$data/server.log" | head -5; }
[ -n "$PROFILER" ] && echo "== profile: $PROFILE_OUT.html, $PROFILE_OUT.collapsed.txt"
exit 0
