#!/usr/bin/env bash
# A throwaway FreeSWITCH on freeswitch-conf/ for the real-switch suite (scripts/test.sh runs it
# when IVR_TEST_FREESWITCH=start). Uses the `freeswitch` on PATH; it does not build or install one.
#
#   scripts/freeswitch.sh start DIR     start it with its own log/db/run directories under DIR and
#                                       a generated event-socket password; prints the suite's
#                                       IVR_TEST_FREESWITCH value as the last stdout line
#   scripts/freeswitch.sh restart DIR   stop it and start it again with the same password (what a
#                                       site's switch restart looks like to the controller)
#   scripts/freeswitch.sh halt DIR      stop it and keep DIR, so that 'restart' starts it again as it was
#                                       (what a site's switch going down looks like to the controller)
#   scripts/freeswitch.sh stop DIR      stop it and remove DIR
#
# Everything listens on loopback (freeswitch-conf's defaults): agents 5060, carrier 5080, peers 5070,
# event socket 8021; the controller is expected on 127.0.0.1:8084. A second switch on the same machine
# takes other ports from the configuration's environment overrides (freeswitch-conf/README.md), e.g.
#   IVR_ESL_LISTEN_PORT=8022 IVR_AGENTS_SIP_PORT=5160 IVR_CARRIER_SIP_PORT=5180 IVR_PEERS_SIP_PORT=5170 \
#   IVR_RTP_START_PORT=16600 IVR_RTP_END_PORT=16799 scripts/freeswitch.sh start DIR
# 'start' keeps those it was given in DIR, and 'restart' starts the switch with them again.
# Messages go to stderr.
set -euo pipefail

readonly MARKER=.ivr-throwaway-freeswitch
# The overrides of freeswitch-conf/vars.xml a switch of this script keeps across restarts.
readonly OVERRIDES=(IVR_ESL_LISTEN_PORT IVR_AGENTS_SIP_PORT IVR_CARRIER_SIP_PORT IVR_PEERS_SIP_PORT IVR_RTP_START_PORT
    IVR_RTP_END_PORT IVR_CONTROLLER_SOCKET IVR_CARRIER_GATEWAY_PROXY IVR_PEER_CIDR)
ESL_PORT=${IVR_ESL_LISTEN_PORT:-8021}

log() { printf 'freeswitch.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
    echo "usage: $0 start|restart|halt|stop DIR" >&2
    exit 2
}

# True once something accepts connections on the event socket.
esl_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$ESL_PORT") 2>/dev/null; }

pid_of() { cat "$1/run/freeswitch.pid" 2>/dev/null || true; }

# The overrides the switch in $1 was started with, exported again (restart), and its event socket port.
load_overrides() {
    local dir=$1
    if [[ -f $dir/overrides ]]; then
        # shellcheck disable=SC1091
        source "$dir/overrides"
    fi
    ESL_PORT=${IVR_ESL_LISTEN_PORT:-8021}
}

launch() {
    local dir=$1 password
    password="$(cat "$dir/esl-password")"
    mkdir -p "$dir/log" "$dir/db" "$dir/run"
    log "starting $(command -v freeswitch) on $repo_root/freeswitch-conf (logs: $dir/log)"
    # -ncwait: backgrounds itself, and returns once the core is up (modules loaded, profiles started).
    if ! IVR_ESL_PASSWORD="$password" freeswitch -nonat -ncwait -conf "$repo_root/freeswitch-conf" \
        -log "$dir/log" -db "$dir/db" -run "$dir/run" >"$dir/start.out" 2>&1; then
        cat "$dir/start.out" >&2
        die "freeswitch did not start; its log: $dir/log/freeswitch.log"
    fi
    local waited
    for ((waited = 0; waited < 300; waited++)); do
        esl_listening && return 0
        sleep 0.1
    done
    die "freeswitch started but its event socket (127.0.0.1:$ESL_PORT) does not answer; its log: $dir/log/freeswitch.log"
}

halt() {
    local dir=$1 pid waited
    pid="$(pid_of "$dir")"
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    log "stopping freeswitch (pid $pid)"
    kill -TERM "$pid"
    for ((waited = 0; waited < 150; waited++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "freeswitch did not stop within 15 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

[[ $# -eq 2 ]] || usage
command=$1 dir=$2

case $command in
start)
    command -v freeswitch >/dev/null || die "freeswitch is not on PATH"
    if esl_listening; then
        die "something already listens on 127.0.0.1:$ESL_PORT (another FreeSWITCH?); stop it first"
    fi
    mkdir -p "$dir"
    touch "$dir/$MARKER"
    : >"$dir/overrides"
    for name in "${OVERRIDES[@]}"; do
        if [[ -n ${!name:-} ]]; then
            printf 'export %s=%q\n' "$name" "${!name}" >>"$dir/overrides"
        fi
    done
    # 48 hex characters: never the factory default, never the placeholder of vars.xml.
    od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$dir/esl-password"
    launch "$dir"
    echo "password=$(cat "$dir/esl-password")"
    ;;
restart)
    [[ -f $dir/$MARKER ]] || die "$dir was not made by '$0 start'"
    load_overrides "$dir"
    halt "$dir"
    launch "$dir"
    ;;
halt)
    [[ -f $dir/$MARKER ]] || die "$dir was not made by '$0 start'"
    load_overrides "$dir"
    halt "$dir"
    ;;
stop)
    [[ -d $dir ]] || exit 0
    [[ -f $dir/$MARKER ]] || die "$dir was not made by '$0 start'; not touching it"
    halt "$dir"
    rm -rf "$dir"
    ;;
*)
    usage
    ;;
esac
