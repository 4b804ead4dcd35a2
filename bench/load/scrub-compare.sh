#!/usr/bin/env bash
# Issue 6's comparison in one run: Consentry's scrub (ScrubScale: in process, a tenant of 10 M consents, the imported
# 250 M-number registry) and the PostgreSQL way (scrub-postgres.sh) on the same list, on the same machine, one after
# the other: Consentry, PostgreSQL twice, Consentry again. Prints the ratio of the slower Consentry median to the faster
# PostgreSQL scrub, the figure least favourable to Consentry.
#
#   bench/load/scrub-compare.sh [REGISTRY_FOLDER] [REGISTRY_FILE] [LIST_CSV]
# Defaults: /tmp/bdata/registries (consentry registry import --data /tmp/bdata), /tmp/national-250m.txt
# (GenerateRegistry), /tmp/contacts-10m.csv (written by ScrubScale when missing). RUNS (default 6) scrubs per JVM,
# the median of all but the first taken. The registry table in PostgreSQL is loaded and indexed once, when missing
# (about three minutes), and kept: a user of the PostgreSQL way loads it once per download too.
set -euo pipefail
cd "$(dirname "$0")/../.."
FOLDER=${1:-/tmp/bdata/registries}
REGISTRY=${2:-/tmp/national-250m.txt}
LIST=${3:-/tmp/contacts-10m.csv}
RUNS=${RUNS:-6}
JAR=${JAR:-bench/target/benchmarks.jar}

consentry() {
  java -Xms16g -Xmx16g -XX:+UseParallelGC -XX:+UseTransparentHugePages -cp "$JAR" org.consentry.bench.ScrubScale \
    "$FOLDER" 10000000 10000000 "$LIST" /tmp/scrubbed-compare.csv 2 "$RUNS" | grep -v '^  removed' >&2
}
median() { grep '^median' "$1" | tail -1 | sed 's/^median of runs [0-9-]*: \([0-9,]*\) rows\/s.*/\1/' | tr -d ,; }

log=$(mktemp -d)
consentry 2> "$log/consentry1"
cat "$log/consentry1"
if [[ $(psql -h 127.0.0.1 -U postgres -d test -tAc "SELECT to_regclass('dnc') IS NOT NULL") == t ]]; then
  export SKIP_REGISTRY=1
fi
bench/load/scrub-postgres.sh "$REGISTRY" "$LIST" | tee "$log/pg1"
SKIP_REGISTRY=1 bench/load/scrub-postgres.sh "$REGISTRY" "$LIST" | tee "$log/pg2"
consentry 2> "$log/consentry2"
cat "$log/consentry2"

c1=$(median "$log/consentry1")
c2=$(median "$log/consentry2")
p1=$(sed -n 's/.* = \([0-9]*\) rows\/s.*/\1/p' "$log/pg1")
p2=$(sed -n 's/.* = \([0-9]*\) rows\/s.*/\1/p' "$log/pg2")
slow=$(( c1 < c2 ? c1 : c2 ))
fast=$(( p1 > p2 ? p1 : p2 ))
echo "Consentry medians: $c1 and $c2 rows/s; PostgreSQL: $p1 and $p2 rows/s"
echo "Consentry / PostgreSQL, least favourable pair: $slow / $fast = $(echo "scale=1; $slow / $fast" | bc) times"
