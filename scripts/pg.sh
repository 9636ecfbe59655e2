#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for development and CI (no Docker needed).
#
#   scripts/pg.sh start [dir]   create + start a cluster in dir (default: <repo>/.pg),
#                               print its connection string as the last stdout line
#   scripts/pg.sh stop  [dir]   stop the cluster and delete dir
#
# The cluster trusts every local connection and listens on 127.0.0.1 only, so it
# must never hold anything that matters. Works as root (the server runs as the
# "postgres" user, because PostgreSQL refuses to run as root) and as a normal user.
# All messages go to stderr; stdout carries only the connection string.
set -euo pipefail

readonly FIRST_PORT=55432
readonly LAST_PORT=55531
# Marks a directory as created by this script, so "stop" and a restart never
# delete a directory that merely happens to be passed in by mistake.
readonly MARKER=.ivr-throwaway-pg

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
    cat >&2 <<EOF
usage: $0 start [dir]   start a throwaway PostgreSQL cluster (default dir: $repo_root/.pg)
       $0 stop  [dir]   stop it and remove dir
EOF
    exit 2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a server-side command as the account that owns the cluster.
# "cd /" because the caller's working directory may be unreadable for postgres.
as_owner() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Finds the directory holding initdb/pg_ctl/postgres/psql. Symlinks are resolved
# because on some machines /usr/local/bin/{initdb,pg_ctl} only point into
# /usr/lib/postgresql/<major>/bin, which is where psql of the same version lives.
find_bindir() {
    local initdb
    if initdb="$(command -v initdb)" && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$initdb")"
        return 0
    fi
    local dir
    # Newest major version first.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5nr); do
        if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

ensure_server_installed() {
    if bindir="$(find_bindir)"; then
        return 0
    fi
    if ! is_root; then
        die "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH nor in /usr/lib/postgresql/*/bin; install them first, e.g.: sudo apt-get install -y postgresql"
    fi
    log "PostgreSQL server not found; installing it with apt-get (package: postgresql)"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    bindir="$(find_bindir)" || die "apt-get installed postgresql, but initdb/pg_ctl are still missing"
}

is_running() {
    [[ -f $data/PG_VERSION ]] && as_owner "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1
}

port_is_free() {
    local port=$1
    local python
    # The system python first: it is fast to start, unlike version-manager shims.
    if python="$(command -v /usr/bin/python3 || command -v python3)"; then
        # A bind test is exact: it also catches ports that are bound but not listening.
        "$python" - "$port" <<'EOF' 2>/dev/null
import socket, sys
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(("127.0.0.1", int(sys.argv[1])))
EOF
    else
        # Without python: the port is taken if something accepts a connection on it.
        ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

# Prints the first free loopback port at or after $1.
find_free_port() {
    local port
    for ((port = $1; port <= LAST_PORT; port++)); do
        if port_is_free "$port"; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

connection_string() {
    echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=ivr"
}

cmd_start() {
    ensure_server_installed

    if is_running; then
        [[ -f $dir/connection-string ]] || die "a cluster is running in $dir but $dir/connection-string is missing"
        log "cluster in $dir is already running"
        cat "$dir/connection-string"
        return 0
    fi

    # A left-over cluster of ours (e.g. after a crash) is replaced; anything else is refused.
    if [[ -e $dir ]]; then
        if [[ -f $dir/$MARKER ]]; then
            log "removing stale cluster in $dir"
            rm -rf "$dir"
        elif [[ -n $(ls -A "$dir") ]]; then
            die "$dir exists, is not empty and was not created by $0; refusing to use it"
        fi
    fi
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    data="$dir/data"
    touch "$dir/$MARKER"

    # Unix socket paths are limited to 107 bytes; fail clearly instead of with a bind error.
    local socket_probe="$dir/.s.PGSQL.$LAST_PORT.lock"
    ((${#socket_probe} <= 107)) || die "path $dir is too long for a unix socket directory; use a shorter dir (e.g. under /tmp)"

    if is_root; then
        chown postgres: "$dir"
        # postgres must be able to reach the directory through all of its parents.
        runuser -u postgres -- test -w "$dir" ||
            die "user postgres cannot write to $dir (a parent directory is probably not world-searchable); use a dir under /tmp"
    fi

    log "initialising cluster in $data (binaries: $bindir)"
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --no-locale -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
        die "initdb failed; see $dir/initdb.log: $(tail -n 5 "$dir/initdb.log")"

    # Only loopback TCP and the private socket are accepted, so "trust" cannot leak.
    as_owner tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
    # Durability is pointless for a throwaway cluster; dropping it makes CREATE DATABASE cheap.
    as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- throwaway test cluster (scripts/pg.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
include_if_exists = 'port.conf'
EOF

    # Another process can grab the port between the probe and the bind, so retry a few times.
    local port=$FIRST_PORT attempt
    for attempt in 1 2 3 4 5; do
        port="$(find_free_port "$port")" || die "no free loopback port in $FIRST_PORT-$LAST_PORT"
        echo "port = $port" | as_owner tee "$data/port.conf" >/dev/null
        log "starting server on 127.0.0.1:$port (log: $dir/postgres.log)"
        if as_owner "$bindir/pg_ctl" start -D "$data" -l "$dir/postgres.log" -w -t 60 >/dev/null; then
            break
        fi
        if ((attempt == 5)) || ! grep -q 'could not bind\|could not create any TCP/IP sockets\|Address already in use' "$dir/postgres.log"; then
            die "server failed to start; last lines of $dir/postgres.log:
$(tail -n 20 "$dir/postgres.log")"
        fi
        log "port $port was taken meanwhile; trying the next one"
        port=$((port + 1))
    done

    # Going over TCP as a client also proves the connection string works.
    "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c 'CREATE DATABASE ivr' >&2 || die "could not create database ivr"

    connection_string "$port" >"$dir/connection-string"
    log "ready; stop it with: $0 stop $dir"
    cat "$dir/connection-string"
}

cmd_stop() {
    if [[ ! -e $dir ]]; then
        log "nothing to stop: $dir does not exist"
        return 0
    fi
    [[ -f $dir/$MARKER ]] || die "$dir was not created by $0; refusing to delete it"
    if bindir="$(find_bindir)" && is_running; then
        log "stopping cluster in $dir"
        as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null
    fi
    rm -rf "$dir"
    log "removed $dir"
}

(($# >= 1 && $# <= 2)) || usage
command=$1
dir="${2:-$repo_root/.pg}"
[[ $dir == /* ]] || dir="$PWD/$dir"
data="$dir/data"
bindir=""

case $command in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) usage ;;
esac
