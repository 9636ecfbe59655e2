#!/usr/bin/env bash
# The rate of the caller-number slot statements on one PostgreSQL, with pgbench.
#   bench/ClusterSlots/run.sh 'Host=127.0.0.1;Port=5432;Username=postgres;Database=ivr' [clients] [seconds]
# Makes a scratch database next to the one named, applies the migrations, and runs take + release for
#   1. one hot number (every client on the same row: the worst case of counter contention), and
#   2. 50 numbers (the load harness's pool),
# printing pgbench's summary with per-statement latencies. The scratch database is dropped at the end.
set -euo pipefail
conn=${1:?connection string (Host=…;Port=…;Username=…;Database=…)}
clients=${2:-8}
seconds=${3:-10}
here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../../src/IvrController.Store/Migrations"

field() { tr ';' '\n' <<<"$conn" | sed -n "s/^$1=//Ip" | head -n1; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username)
[ -n "$(field Password)" ] && export PGPASSWORD=$(field Password)
scratch="ivr_slots_bench_$$"
psql -qX -d postgres -c "create database $scratch" >/dev/null
trap 'psql -qX -d postgres -c "drop database if exists $scratch with (force)" >/dev/null' EXIT
for script in "$migrations"/[0-9][0-9][0-9][0-9]_*.sql; do
    psql -qX -v ON_ERROR_STOP=1 -d "$scratch" -f "$script" >/dev/null
done

for numbers in 1 50; do
    echo "== $numbers number(s), $clients clients, $seconds s, synchronous_commit=off (as the controller's slot pool) =="
    PGOPTIONS='-c synchronous_commit=off' pgbench -n -r -c "$clients" -j 2 -T "$seconds" \
        -D numbers="$numbers" -D cap=1000000 -f "$here/take-and-release.sql" "$scratch" \
        | grep -E 'tps|latency average|^ +[0-9.]+ +[0-9]+ +(select|with)' || true
done
