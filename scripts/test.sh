#!/usr/bin/env bash
# The test command: runs the whole suite against a real, throwaway PostgreSQL.
#
#   scripts/test.sh [extra dotnet test args...]
#
# Environment:
#   IVR_TEST_FREESWITCH  the real-switch integration suite; unset, it runs when `freeswitch` is on PATH
#                        (as 'start') and is skipped, loudly, otherwise; 'skip' leaves it out;
#                        'start' starts a throwaway FreeSWITCH on freeswitch-conf/ (the `freeswitch`
#                        on PATH; scripts/freeswitch.sh) for the run and stops it afterwards, and the
#                        suite also restarts it mid-call; with it a second one (other ports, the same configuration)
#                        for the tests across switches (IVR_TEST_FREESWITCH_PEER); without `freeswitch` but with a Docker engine,
#                        the suite runs it as a container of IVR_TEST_FREESWITCH_IMAGE (Testcontainers;
#                        'container' asks for that directly); or the settings of a switch already running,
#                        e.g. 'password=SECRET' or 'esl=127.0.0.1:8021;password=SECRET;pstn=127.0.0.1:5090'
#                        (README: "Accepting a deployment: the real-switch suite"), which the suite
#                        never restarts. sipp, from the Debian package sip-tester, is installed then
#   IVR_TEST_FREESWITCH_PEER  a second switch already running, in the format of IVR_TEST_FREESWITCH, for the
#                        tests across two switches (README: "Several switches"); unset, those are skipped, loudly,
#                        unless this run starts the switches itself
#   IVR_TEST_SECOND_CONTROLLER  host:port where the tests with two controllers start a second `ivrctl serve`; the
#                        second switch must list it first in its controller_socket (README: "Several controllers");
#                        set by the run when it starts the switches itself
#   IVR_TEST_PROJECT     test one project or solution instead of IvrController.sln,
#                        e.g. IVR_TEST_PROJECT=tests/IvrController.Store.Tests
#                        (handy while another project of the solution does not build)
#   IVR_TEST_FUZZ        set (e.g. 1): the parser properties (tests/IvrController.Esl.Tests/Properties) run
#                        IVR_TEST_FUZZ_ITERATIONS inputs each (default 400000: about a minute on 2 cores)
#                        instead of the few thousand of a normal run; bench/README.md, Fuzzing, has the long run
#   IVR_TEST_AFL         seconds, e.g. 60: after the tests, coverage-guided fuzzing of the ESL frame reader and
#                        event decoder for that long (scripts/fuzz.sh: afl-fuzz over SharpFuzz; installs afl++
#                        and the sharpfuzz tool when missing); a crash or hang fails the run. bench/README.md,
#                        Fuzzing, has the long run
#   IVR_TEST_LOAD        e.g. 150@5: also the opt-in real-switch load test (calls@calls per second),
#                        which prints calls ok, surveys stored and the controller/switch CPU ratio
#   IVR_TEST_CHROMIUM    the chromium the web console's browser tests drive (default /usr/bin/chromium,
#                        installed from Debian's package when missing and run as root)
#   IVR_PG_DIR           where the cluster lives (default: a fresh dir under $TMPDIR or /tmp,
#                        which keeps concurrent runs apart and the socket path short)
#   IVR_TEST_PG          'container': no cluster; every test process starts a PostgreSQL container of
#                        IVR_TEST_PG_IMAGE itself (Testcontainers) and removes it. Chosen by the run too where
#                        no PostgreSQL server is installed and it cannot install one (not root, or no apt-get)
#                        but a Docker engine answers 'docker info'. Any other value is replaced by the cluster's
#   IVR_TEST_PG_IMAGE    the PostgreSQL image of container mode (default postgres:16, as docker-compose.yml;
#                        pulled when the engine lacks it); any image taking the official one's POSTGRES_* variables
#
# Once dotnet test has run, the last line of output is "tests: N passed, N failed, N skipped",
# summed over the TRX files of this run (kept in .testresults/ with the full log). The exit
# status is non-zero if dotnet test failed or if no test ran at all.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$PWD"
started=$SECONDS

log() { printf 'test.sh: %s\n' "$*" >&2; }

# Whether PostgreSQL's server programs are here, where scripts/pg.sh looks for them.
pg_server_installed() {
    local dir
    command -v initdb >/dev/null && command -v pg_ctl >/dev/null && return 0
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && return 0
    done
    return 1
}

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

# $1..$3: the real-switch acceptance tests of this run that passed, failed and were skipped.
freeswitch_banner() {
    local counts="$1 passed, $2 failed, $3 skipped"
    if [[ -z ${IVR_TEST_FREESWITCH:-} ]]; then
        echo "NOTE: IVR_TEST_FREESWITCH is not set: the real-switch integration suite was SKIPPED ($counts; see README \"Accepting a deployment: the real-switch suite\")"
    elif [[ -n ${IVR_TEST_SWITCH_RESTART:-} || ${IVR_TEST_FREESWITCH:-} == container ]]; then
        echo "NOTE: the real-switch integration suite ran on a FreeSWITCH this run started ($counts)"
    else
        echo "NOTE: IVR_TEST_FREESWITCH is set: the real-switch integration suite was ENABLED ($counts)"
    fi
}

# A machine with FreeSWITCH installed runs the real-switch suite by default, on a switch of its own;
# IVR_TEST_FREESWITCH=skip opts out (the suite is then reported skipped, as without a switch).
if [[ -z ${IVR_TEST_FREESWITCH:-} ]] && command -v freeswitch >/dev/null; then
    log "'freeswitch' is on PATH: the real-switch suite runs on a switch this run starts (IVR_TEST_FREESWITCH=skip to leave it out)"
    export IVR_TEST_FREESWITCH=start
elif [[ ${IVR_TEST_FREESWITCH:-} == skip ]]; then
    unset IVR_TEST_FREESWITCH
fi

# sipp plays the phones of the real-switch suite, which cannot run without it. Without a switch
# it still runs the suite's scenario self-checks (sipp against sipp on loopback): installed then
# when possible, and those checks report themselves skipped when it is not.
if ! command -v sipp >/dev/null; then
    if [[ -n ${IVR_TEST_FREESWITCH:-} ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            log "ERROR: IVR_TEST_FREESWITCH is set but sipp is missing; install it: sudo apt-get install -y sip-tester"
            exit 1
        fi
        log "installing sipp (package sip-tester) for the real-switch integration suite"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q sip-tester >&2
    elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing sipp (package sip-tester) for the sipp scenario self-checks"
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sip-tester; } >&2; then
            log "WARNING: could not install sipp; the sipp scenario self-checks will report themselves skipped"
        fi
    else
        log "NOTE: sipp is not installed; the sipp scenario self-checks will report themselves skipped (apt-get install sip-tester)"
    fi
fi

# The web console's browser tests (tests/IvrController.Web.Tests) drive Debian's chromium with Playwright,
# which never downloads a browser of its own. Installed when missing and run as root (with a CJK font, so
# that the screenshots show Chinese); without it those tests report themselves skipped.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
chromium_path="${IVR_TEST_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x $chromium_path ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null && [[ -z ${IVR_TEST_CHROMIUM:-} ]]; then
        log "installing chromium (and fonts-wqy-zenhei) for the web console's browser tests"
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei; } >&2; then
            log "WARNING: could not install chromium; the web console's browser tests will be SKIPPED"
        fi
    else
        log "NOTE: no chromium at $chromium_path; the web console's browser tests will be SKIPPED (apt-get install chromium, or set IVR_TEST_CHROMIUM)"
    fi
fi

# Prompts given as words are spoken with espeak-ng and resampled with sox (src/IvrController.Admin/Prompts);
# their tests run the real programs and fail, saying so, without them. Installed when missing and run as root.
if ! command -v espeak-ng >/dev/null || ! command -v sox >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing espeak-ng and sox for the prompt tests"
        if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends espeak-ng sox; } >&2; then
            log "WARNING: could not install espeak-ng and sox; the prompt tests will FAIL"
        fi
    else
        log "NOTE: espeak-ng or sox is missing; the prompt tests will FAIL (sudo apt-get install -y espeak-ng sox)"
    fi
fi

pg_dir="${IVR_PG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ivr-pg.XXXXXX")}"
fs_dir=""
peer_dir=""
results_dir="$repo_root/.testresults"

# The cluster and a switch of our own must go away whatever happens below, including Ctrl-C.
pg_started=0
cleanup() {
    if ((pg_started)); then
        bash "$repo_root/scripts/pg.sh" stop "$pg_dir" || log "WARNING: could not stop the cluster in $pg_dir"
        pg_started=0
    elif [[ -z ${IVR_PG_DIR:-} ]]; then
        rmdir "$pg_dir" 2>/dev/null || true
    fi
    if [[ -n $fs_dir ]]; then
        # The switch's log is kept with the test results.
        cp "$fs_dir/log/freeswitch.log" "$results_dir/freeswitch.log" 2>/dev/null || true
        bash "$repo_root/scripts/freeswitch.sh" stop "$fs_dir" || log "WARNING: could not stop the FreeSWITCH in $fs_dir"
        fs_dir=""
    fi
    if [[ -n $peer_dir ]]; then
        cp "$peer_dir/log/freeswitch.log" "$results_dir/freeswitch-peer.log" 2>/dev/null || true
        bash "$repo_root/scripts/freeswitch.sh" stop "$peer_dir" || log "WARNING: could not stop the second FreeSWITCH in $peer_dir"
        peer_dir=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Only this run's TRX files may count towards the summary.
rm -rf "$results_dir"
mkdir -p "$results_dir"

if [[ ${IVR_TEST_FREESWITCH:-} == start ]]; then
    if command -v freeswitch >/dev/null; then
        fs_dir="$(mktemp -d "${TMPDIR:-/tmp}/ivr-fs.XXXXXX")"
        IVR_TEST_FREESWITCH="$(bash scripts/freeswitch.sh start "$fs_dir" | tail -n 1)"
        export IVR_TEST_FREESWITCH
        # The suite restarts only a switch it owns.
        export IVR_TEST_SWITCH_RESTART="bash $repo_root/scripts/freeswitch.sh restart $fs_dir"
        log "started FreeSWITCH for this run ($(freeswitch -version 2>/dev/null | head -n 1)); its files are in $fs_dir"
        # The second switch of the tests across switches: the same configuration on other loopback ports. It hands its
        # calls to a second controller first (the tests with two controllers start one there) and to the suite's when
        # nothing listens there.
        peer_dir="$(mktemp -d "${TMPDIR:-/tmp}/ivr-fs-peer.XXXXXX")"
        export IVR_TEST_SECOND_CONTROLLER=127.0.0.1:8094
        peer_password="$(IVR_ESL_LISTEN_PORT=8022 IVR_AGENTS_SIP_PORT=5160 IVR_CARRIER_SIP_PORT=5180 IVR_PEERS_SIP_PORT=5170 \
            IVR_RTP_START_PORT=16600 IVR_RTP_END_PORT=16799 IVR_CONTROLLER_SOCKET="$IVR_TEST_SECOND_CONTROLLER|127.0.0.1:8084" \
            bash scripts/freeswitch.sh start "$peer_dir" | tail -n 1)"
        export IVR_TEST_FREESWITCH_PEER="esl=127.0.0.1:8022;agents=127.0.0.1:5160;carrier=127.0.0.1:5180;peers=127.0.0.1:5170;$peer_password"
        # The suite takes it down and back only because it is this run's own.
        export IVR_TEST_PEER_SWITCH_HALT="bash $repo_root/scripts/freeswitch.sh halt $peer_dir"
        export IVR_TEST_PEER_SWITCH_RESTART="bash $repo_root/scripts/freeswitch.sh restart $peer_dir"
        log "started a second FreeSWITCH for the tests across switches and controllers; its files are in $peer_dir"
    elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
        # The suite starts the switch itself, as a container (Testcontainers), and removes it.
        export IVR_TEST_FREESWITCH=container
        log "no 'freeswitch' on PATH but a Docker engine answers: the suite runs FreeSWITCH as a container of ${IVR_TEST_FREESWITCH_IMAGE:-its default image} (IVR_TEST_FREESWITCH_IMAGE)"
    else
        log "ERROR: IVR_TEST_FREESWITCH=start, but this machine has neither a 'freeswitch' on PATH nor a Docker engine that answers 'docker info' (looked for both). Install FreeSWITCH (README: \"Accepting a deployment\"), start Docker, or name a running switch in IVR_TEST_FREESWITCH."
        exit 1
    fi
fi

# PostgreSQL is Debian's server in a throwaway cluster (scripts/pg.sh, which installs the package when missing and
# run as root). Where that cannot be, but a Docker engine answers, each test process starts a container instead.
if [[ ${IVR_TEST_PG:-} == container ]]; then
    log "IVR_TEST_PG=container: no cluster; the tests start PostgreSQL as a container of ${IVR_TEST_PG_IMAGE:-postgres:16} (IVR_TEST_PG_IMAGE)"
elif ! pg_server_installed && ! { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; }; then
    if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
        export IVR_TEST_PG=container
        log "no PostgreSQL server (initdb, pg_ctl) here and no way to install one, but a Docker engine answers: the tests start PostgreSQL as a container of ${IVR_TEST_PG_IMAGE:-postgres:16} (IVR_TEST_PG_IMAGE)"
    else
        log "no PostgreSQL server (initdb, pg_ctl) and no Docker engine that answers 'docker info': scripts/pg.sh will say what to install"
    fi
fi

# Testcontainers speaks the engine's API at version 1.44 unless told otherwise; older engines (Debian 12's docker.io
# 20.10 answers at most 1.41) refuse that, so the suite is told the engine's own version when it is older.
if [[ ${IVR_TEST_FREESWITCH:-} == container || ${IVR_TEST_PG:-} == container ]] && [[ -z ${DOCKER_API_VERSION:-} ]]; then
    engine_api="$(docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true)"
    if [[ $engine_api =~ ^1\.([0-9]+)$ ]] && ((BASH_REMATCH[1] < 44)); then
        export DOCKER_API_VERSION=$engine_api
        log "the Docker engine speaks API $engine_api at most: Testcontainers is told to use it (DOCKER_API_VERSION)"
    fi
fi

if [[ ${IVR_TEST_PG:-} != container ]]; then
    pg_started=1
    IVR_TEST_PG="$(bash scripts/pg.sh start "$pg_dir" | tail -n 1)"
    export IVR_TEST_PG
    log "IVR_TEST_PG=$IVR_TEST_PG"
fi

test_log="$results_dir/dotnet-test.log"

if [[ -n "${IVR_TEST_FUZZ:-}" ]]; then
    export IVR_ESL_PROPERTY_ITERATIONS="${IVR_TEST_FUZZ_ITERATIONS:-400000}"
    log "fuzzing: the parser properties run $IVR_ESL_PROPERTY_ITERATIONS inputs each"
fi

target="${IVR_TEST_PROJECT:-IvrController.sln}"
log "running: dotnet test $target -c Release $*"
set +e
dotnet test "$target" -c Release --logger trx --results-directory "$results_dir" "$@" </dev/null 2>&1 | tee "$test_log"
test_status=${PIPESTATUS[0]}
set -e

# Stop the server now so that its messages do not end up below the summary line.
cleanup
trap - EXIT

fuzz_status=0
if [[ -n ${IVR_TEST_AFL:-} ]]; then
    log "fuzzing the ESL parser for ${IVR_TEST_AFL}s (IVR_TEST_AFL; scripts/fuzz.sh)"
    set +e
    bash scripts/fuzz.sh "$IVR_TEST_AFL" 2>&1 </dev/null | tee -a "$test_log"
    fuzz_status=${PIPESTATUS[0]}
    set -e
fi

python="$(command -v /usr/bin/python3 || command -v python3)"
# Prints "passed failed skipped lost", then the same three counts for the real-switch acceptance
# tests alone (IvrController.Integration.Acceptance). Errors, timeouts and aborts count as failures.
# A skipped test is in "total" but not in "executed" (its "notExecuted" counter stays 0). TRX files are named after the second
# they were written in, so two projects finishing together could pick the same name and
# one result would be lost; "Results File:" lines naming one file twice reveal that.
counts="$("$python" - "$results_dir" "$test_log" <<'EOF'
import collections, glob, os, sys
import xml.etree.ElementTree as ET

results_dir, test_log = sys.argv[1], sys.argv[2]
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
acceptance = "IvrController.Integration.Acceptance."
# These restart the switch: they run only on a switch this run started (IVR_TEST_SWITCH_RESTART).
restarts = acceptance + "SwitchRestartTests."
# These need a second switch (IVR_TEST_FREESWITCH_PEER), which a deployment being accepted may not have.
peers = acceptance + "SeveralSwitchesTests."
peers_asked = bool(os.environ.get("IVR_TEST_FREESWITCH_PEER", "").strip())
# This one takes the second switch down: without one it is skipped as those above.
peer_down = restarts + "While_the_second_switch_is_down"
# These need the second switch and a second controller's address (IVR_TEST_SECOND_CONTROLLER) as well.
controllers = acceptance + "SeveralControllersTests."
controllers_asked = peers_asked and bool(os.environ.get("IVR_TEST_SECOND_CONTROLLER", "").strip())
peer_skipped = 0
# The opt-in load test: skipped unless IVR_TEST_LOAD asks for it, and then not the suite's business.
load = acceptance + "AcceptanceTests.Load_"
load_asked = bool(os.environ.get("IVR_TEST_LOAD", "").strip())
switch = [0, 0, 0]
restart_skipped = 0
load_skipped = 0
failures = []
for path in glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True):
    counters = ET.parse(path).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    if counters is None:
        continue
    get = lambda name: int(counters.get(name, "0"))
    passed += get("passed")
    failed += get("failed") + get("error") + get("timeout") + get("aborted")
    skipped += get("total") - get("executed")
    for result in ET.parse(path).getroot().iter(f"{ns}UnitTestResult"):
        if result.get("testName", "").startswith(acceptance):
            outcome = result.get("outcome", "")
            if outcome == "NotExecuted" and not load_asked and result.get("testName", "").startswith(load):
                load_skipped += 1
                continue
            switch[0 if outcome == "Passed" else 2 if outcome == "NotExecuted" else 1] += 1
            name = result.get("testName", "")
            if outcome != "NotExecuted":
                pass
            elif not peers_asked and (name.startswith(peers) or name.startswith(peer_down)):
                peer_skipped += 1
            elif not controllers_asked and name.startswith(controllers):
                peer_skipped += 1
            elif name.startswith(restarts):
                restart_skipped += 1
        if result.get("outcome", "") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.find(f"{ns}Output/{ns}ErrorInfo/{ns}Message")
            text = " ".join((message.text or "").split()) if message is not None else "(no message)"
            failures.append(f"{result.get('testName', '?')}: {text[:400]}")

with open(test_log, encoding="utf-8", errors="replace") as log:
    reported = [line.split("Results File:", 1)[1].strip() for line in log if "Results File:" in line]
lost = sum(n - 1 for n in collections.Counter(reported).values())
# What failed, one line each, for the end of the log: a CI that keeps only the log's tail still names it.
with open(os.path.join(results_dir, "failures.txt"), "w", encoding="utf-8") as out:
    out.writelines(f"{line}\n" for line in failures)
print(passed, failed, skipped, lost, *switch, restart_skipped, load_skipped, peer_skipped)
EOF
)"
read -r passed failed skipped lost switch_passed switch_failed switch_skipped restart_skipped load_skipped peer_skipped <<<"$counts"

log "finished in $((SECONDS - started))s; TRX files and the full log are in $results_dir"

# The verdict comes before the summary so that the summary is the very last line.
status=0
if [[ -s $results_dir/failures.txt ]]; then
    log "failed tests (the first 400 characters of each message; the whole in the TRX files):"
    sed 's/^/  FAILED /' "$results_dir/failures.txt"
fi
if ((test_status != 0)); then
    log "ERROR: dotnet test failed (exit status $test_status)"
    status=$test_status
elif ((lost != 0)); then
    log "ERROR: $lost TRX file(s) were overwritten by another test project, so the counts are incomplete; run again"
    status=1
elif ((passed + failed + skipped == 0)); then
    log "ERROR: no test ran"
    status=1
elif [[ -n ${IVR_TEST_SWITCH_RESTART:-} ]] && ((switch_skipped != 0)); then
    # On switches of our own, every acceptance test must run: a skipped one did not pass.
    log "ERROR: the suite ran on switches it started, but $switch_skipped real-switch acceptance test(s) were skipped"
    status=1
elif [[ ${IVR_TEST_FREESWITCH:-} == container ]] && ((switch_skipped - peer_skipped != 0)); then
    # A container is one switch: only the tests across two switches may be left out.
    log "ERROR: the suite ran on a switch it started, but $((switch_skipped - peer_skipped)) real-switch acceptance test(s) were skipped"
    status=1
elif [[ -n ${IVR_TEST_FREESWITCH:-} ]] && ((switch_skipped - restart_skipped - peer_skipped != 0)); then
    # Asked for the switch, a skipped acceptance test is a test that did not pass (those that would
    # restart a deployment being accepted, and those across switches without a second one, are the exceptions).
    log "ERROR: IVR_TEST_FREESWITCH is set but $((switch_skipped - restart_skipped - peer_skipped)) real-switch acceptance test(s) were skipped"
    status=1
fi
if ((peer_skipped != 0)) && [[ -n ${IVR_TEST_FREESWITCH:-} ]]; then
    echo "NOTE: IVR_TEST_FREESWITCH_PEER or IVR_TEST_SECOND_CONTROLLER is not set: the $peer_skipped real-switch test(s) across two switches or two controllers were SKIPPED (README \"Several switches\", \"Several controllers\")"
fi
if ((fuzz_status != 0)); then
    log "ERROR: the fuzz run (IVR_TEST_AFL) found a crash or a hang, or could not run (exit status $fuzz_status); see above"
    ((status != 0)) || status=1
fi
if ((load_skipped != 0)); then
    log "the opt-in real-switch load test was not asked for (IVR_TEST_LOAD=150@5 runs it): $load_skipped of the skipped tests below"
fi
freeswitch_banner "$switch_passed" "$switch_failed" "$switch_skipped"
if [[ ! -x $chromium_path ]]; then
    echo "NOTE: no chromium at $chromium_path: the web console's browser tests were SKIPPED"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
