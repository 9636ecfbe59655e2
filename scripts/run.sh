#!/usr/bin/env bash
# The run command: the controller in the foreground, with a local PostgreSQL it sets up itself.
#
#   scripts/run.sh [ivrctl serve settings...]      e.g. scripts/run.sh --Esl:Host=10.0.0.5
#
# What it does:
#   1. starts (or reuses) a local PostgreSQL cluster in $IVR_RUN_DIR/pg on a loopback port
#      (scripts/pg.sh; it keeps running after the controller stops, so rule edits survive
#      restarts: stop it with "scripts/pg.sh stop .run/pg");
#   2. builds ivrctl and applies the schema migrations;
#   3. loads the demo call centre (scripts/demo-data.sh) into an empty database;
#   4. runs "ivrctl serve" in the foreground (call records wait in $IVR_RUN_DIR/call-journal while
#      the database is away), with the web console on (http://127.0.0.1:8090/ unless --Web:Listen=…
#      says otherwise; its cookie keys in $IVR_RUN_DIR/web-keys); Ctrl-C stops it gracefully.
#
# Environment:
#   IVR_ESL_PASSWORD  the switch's event socket password (freeswitch-conf/vars.xml esl_password).
#                     When unset, a random one is generated once and kept in $IVR_RUN_DIR/esl-password:
#                     start FreeSWITCH with the same value (IVR_ESL_PASSWORD=… freeswitch …).
#   IVR_RUN_DIR       where the cluster, the build and the password live (default: <repo>/.run)
#   IVR_DEMO=0        do not load the demo data
#   IVR_WEB=0         do not serve the web console (nor /metrics, /healthz, /readyz)
#   IVR_PROMPTS_DIR   the prompts directory shared with the switch, where prompts given as words are
#                     spoken into files (default: $IVR_RUN_DIR/prompts; the switch on this host reads the
#                     same absolute path). Needs espeak-ng and sox (apt-get install espeak-ng sox).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$PWD"
run_dir="${IVR_RUN_DIR:-$repo_root/.run}"
mkdir -p "$run_dir"
log() { printf 'run.sh: %s\n' "$*" >&2; }

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

IVR_DB="$(bash scripts/pg.sh start "$run_dir/pg" | tail -n 1)"
export IVR_DB
log "PostgreSQL: $IVR_DB (stop it with: scripts/pg.sh stop $run_dir/pg)"

log "building ivrctl"
dotnet build src/IvrController -c Release -o "$run_dir/bin" -v quiet -nologo >&2
ivrctl="$run_dir/bin/ivrctl"

"$ivrctl" db migrate

if [[ ${IVR_DEMO:-1} != 0 && $("$ivrctl" agents list) == "No agents." ]]; then
    log "empty database: loading the demo call centre (scripts/demo-data.sh)"
    bash scripts/demo-data.sh "$ivrctl"
fi

if [[ -z ${IVR_ESL_PASSWORD:-} ]]; then
    if [[ ! -s $run_dir/esl-password ]]; then
        # Letters and digits from 32 random bytes: nothing the ESL auth line or a shell would mangle.
        # (No "| head" at the end of the pipe: with pipefail its early exit would kill the script.)
        head -c 32 /dev/urandom | base64 | LC_ALL=C tr -dc 'A-Za-z0-9' > "$run_dir/esl-password"
        chmod 600 "$run_dir/esl-password"
    fi
    IVR_ESL_PASSWORD="$(cat "$run_dir/esl-password")"
    export IVR_ESL_PASSWORD
    log "IVR_ESL_PASSWORD was not set: using the generated one in $run_dir/esl-password."
    log "Start FreeSWITCH with the same: IVR_ESL_PASSWORD=\$(cat $run_dir/esl-password) freeswitch -nonat -conf $repo_root/freeswitch-conf ..."
fi

log "FreeSWITCH hands calls to this controller with: socket 127.0.0.1:8084 async full (controller_socket in freeswitch-conf/vars.xml)"

web=()
if [[ ${IVR_WEB:-1} != 0 ]]; then
    listen=127.0.0.1:8090
    for arg in "$@"; do
        [[ $arg == --Web:Listen=* ]] && listen="${arg#--Web:Listen=}"
    done
    web=(--Web:Enabled=true --Web:KeysDirectory="$run_dir/web-keys")
    log "web console: http://$listen/ (also /metrics, /healthz, /readyz there)"
    if [[ $("$ivrctl" admins list) == No\ console\ accounts* ]]; then
        log "no console account yet; create the first admin (the password is asked for, twice):"
        log "  IVR_DB='$IVR_DB' $ivrctl admins add NAME --role admin"
    else
        log "console accounts: IVR_DB='$IVR_DB' $ivrctl admins list"
    fi
fi

log "starting the controller; Ctrl-C stops it"
# Prompts as words: the controller writes here, and a switch on this host plays the same absolute paths.
# ivrctl reads IVR_PROMPTS_DIR too, so `ivrctl templates update … --guide-text …` writes to the same place.
IVR_PROMPTS_DIR="${IVR_PROMPTS_DIR:-$run_dir/prompts}"
export IVR_PROMPTS_DIR
mkdir -p "$IVR_PROMPTS_DIR"
chmod 755 "$IVR_PROMPTS_DIR"
log "prompts directory (words spoken into files; the switch reads the same path): $IVR_PROMPTS_DIR"
command -v espeak-ng >/dev/null && command -v sox >/dev/null \
    || log "NOTE: espeak-ng or sox is missing: prompts given as words will be refused until you apt-get install espeak-ng sox"

exec "$ivrctl" serve --CallJournal:Directory="$run_dir/call-journal" "${web[@]}" "$@"
