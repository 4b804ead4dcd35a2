#!/usr/bin/env bash
# The scrub a user would otherwise do: the national registry loaded into the local PostgreSQL with an index,
# the contact list copied in beside it, a LEFT JOIN on the normalised number, the result copied out as CSV.
# It checks the national registry only (no consents, opt-outs, state lists, reassigned numbers or hours), so
# it does less than `consentry scrub`; compare its scrub step with ScrubScale's rows/s (BENCHMARKS.md).
#
#   bench/load/scrub-postgres.sh [REGISTRY_FILE] [LIST_CSV] [OUT_CSV]
# Defaults: /tmp/national-250m.txt (GenerateRegistry), /tmp/contacts-10m.csv (ScrubScale), /tmp/scrubbed-pg.csv.
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, database test). Leaves the tables dnc and contacts behind
# (drop them with: psql -h 127.0.0.1 -U postgres test -c 'DROP TABLE dnc, contacts').
set -euo pipefail
REGISTRY=${1:-/tmp/national-250m.txt}
LIST=${2:-/tmp/contacts-10m.csv}
OUT=${3:-/tmp/scrubbed-pg.csv}
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q)

now() { date +%s.%N; }
took() { echo "$1 - $2" | bc; }

if [[ "${SKIP_REGISTRY:-}" != "1" ]]; then
  t0=$(now)
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS dnc; CREATE UNLOGGED TABLE dnc (area smallint NOT NULL, num integer NOT NULL)"
  "${PSQL[@]}" -c "\\copy dnc FROM '$REGISTRY' WITH (FORMAT csv)"
  t1=$(now)
  "${PSQL[@]}" -c "CREATE INDEX dnc_number ON dnc (area, num)"
  "${PSQL[@]}" -c "VACUUM ANALYZE dnc"
  t2=$(now)
  echo "registry: copied in $(took "$t1" "$t0") s, indexed in $(took "$t2" "$t1") s"
  "${PSQL[@]}" -c "SELECT count(*) AS numbers, pg_size_pretty(pg_total_relation_size('dnc')) AS size FROM dnc"
fi

rows=$(($(wc -l < "$LIST") - 1))
t3=$(now)
"${PSQL[@]}" <<SQL
DROP TABLE IF EXISTS contacts;
CREATE UNLOGGED TABLE contacts (id bigint, first_name text, last_name text, phone text, city text);
\\copy contacts FROM '$LIST' WITH (FORMAT csv, HEADER true)
\\copy (SELECT c.*, CASE WHEN n.digits IS NULL OR length(n.digits) <> 10 THEN 'block' WHEN d.num IS NULL THEN 'allow' ELSE 'block' END AS decision, CASE WHEN n.digits IS NULL OR length(n.digits) <> 10 THEN 'INVALID_ADDRESS' WHEN d.num IS NULL THEN '' ELSE 'DNC_NATIONAL' END AS reasons, '+1' || n.digits AS e164 FROM contacts c CROSS JOIN LATERAL (SELECT regexp_replace(regexp_replace(c.phone, '\\D', '', 'g'), '^1(\\d{10})$', '\\1') AS digits) n LEFT JOIN dnc d ON length(n.digits) = 10 AND d.area = substr(n.digits, 1, 3)::smallint AND d.num = substr(n.digits, 4, 7)::integer ORDER BY c.id) TO '$OUT' WITH (FORMAT csv, HEADER true)
SQL
t4=$(now)
secs=$(took "$t4" "$t3")
echo "scrub in PostgreSQL: $rows rows in $secs s = $(echo "$rows / $secs" | bc) rows/s (copy in, join, copy out)"
