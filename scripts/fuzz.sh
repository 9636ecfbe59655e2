#!/usr/bin/env bash
# Coverage-guided fuzzing of the ESL frame reader and event decoder: afl-fuzz drives
# bench/IvrController.Fuzz, with IvrController.Esl.dll instrumented by SharpFuzz.
#
#   scripts/fuzz.sh [seconds]        (default 60)
#
# What it does:
#   1. installs what is missing: afl-fuzz (Debian's afl++ package, when run as root) and the
#      sharpfuzz instrumenter (the SharpFuzz.CommandLine dotnet tool, into $IVR_FUZZ_DIR/tools);
#   2. publishes the harness into $IVR_FUZZ_DIR/bin and instruments the Framing and Messages types of
#      IvrController.Esl.dll there (the build in bench/IvrController.Fuzz/bin stays uninstrumented, for replays);
#   3. writes seeds from the recorded switch traffic (tests/IvrController.Esl.Tests/Fixtures);
#   4. runs afl-fuzz for the given time, one process, under nice, with the wire's words as a dictionary;
#   5. prints executions, the rate, the corpus, bitmap coverage, crashes and hangs, replays every crash
#      and hang outside the fuzzer (what each threw, grouped), and exits non-zero if there was any.
#
# Environment:
#   IVR_FUZZ_DIR     where everything goes (default: <repo>/.fuzz; findings in findings/default/)
#   IVR_FUZZ_RESUME  set (e.g. 1): continue the previous run's queue and counters in IVR_FUZZ_DIR
#                    instead of starting from the seeds (a long run can be several of these)
#   IVR_FUZZ_NICE    nice level of the fuzzer (default 19: it shares the machine)
#
# A saved input replays with:
#   dotnet bench/IvrController.Fuzz/bin/Release/net10.0/IvrController.Fuzz.dll replay FILE|DIR...
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root="$PWD"
seconds="${1:-60}"
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: scripts/fuzz.sh [seconds]" >&2
    exit 2
fi

fuzz_dir="${IVR_FUZZ_DIR:-$repo_root/.fuzz}"
mkdir -p "$fuzz_dir"
fuzz_dir="$(cd "$fuzz_dir" && pwd)"
findings="$fuzz_dir/findings"
harness_project="$repo_root/bench/IvrController.Fuzz"

log() { printf 'fuzz.sh: %s\n' "$*" >&2; }

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

if ! command -v afl-fuzz >/dev/null; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
        log "ERROR: afl-fuzz is missing; install it: sudo apt-get install -y afl++"
        exit 1
    fi
    log "installing afl-fuzz (package afl++)"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++ >&2
fi

sharpfuzz="$fuzz_dir/tools/sharpfuzz"
if [[ ! -x $sharpfuzz ]]; then
    log "installing the sharpfuzz instrumenter (dotnet tool SharpFuzz.CommandLine) into $fuzz_dir/tools"
    dotnet tool install --tool-path "$fuzz_dir/tools" SharpFuzz.CommandLine --version 2.3.0 >&2
fi

# The uninstrumented build (replays), then a published copy whose ESL assembly gets instrumented.
log "building the harness"
dotnet build "$harness_project" -c Release -v quiet -nologo >&2
replay_dll="$harness_project/bin/Release/net10.0/IvrController.Fuzz.dll"
rm -rf "$fuzz_dir/bin"
dotnet publish "$harness_project" -c Release -o "$fuzz_dir/bin" -v quiet -nologo >&2
"$sharpfuzz" "$fuzz_dir/bin/IvrController.Esl.dll" IvrController.Esl.Framing IvrController.Esl.Messages >&2

if [[ -n ${IVR_FUZZ_RESUME:-} && -d $findings/default/queue ]]; then
    input="-"
    log "resuming the run in $findings"
else
    rm -rf "$fuzz_dir/seeds" "$findings"
    dotnet "$replay_dll" seeds "$repo_root/tests/IvrController.Esl.Tests/Fixtures" "$fuzz_dir/seeds" >&2
    input="$fuzz_dir/seeds"
fi

# SharpFuzz's fork server is the dotnet process itself (persistent mode): the binary check, the
# CPU-frequency and core-dump-pattern checks and core binding do not apply on a shared machine.
log "afl-fuzz for ${seconds}s (findings in $findings)"
set +e
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    nice -n "${IVR_FUZZ_NICE:-19}" \
    afl-fuzz -i "$input" -o "$findings" -t 5000 -m none -V "$seconds" -x "$harness_project/esl.dict" \
    -- dotnet "$fuzz_dir/bin/IvrController.Fuzz.dll" >"$fuzz_dir/afl-fuzz.log" 2>&1 </dev/null
afl_status=$?
set -e

stats="$findings/default/fuzzer_stats"
status=0
if ((afl_status != 0)); then
    # A hang, a stack overflow or a crash of the runtime ends the one process that is the fork server,
    # and afl-fuzz with it: the input it was running is the finding.
    tail -n 15 "$fuzz_dir/afl-fuzz.log" >&2
    if [[ -f $findings/default/.cur_input ]]; then
        mkdir -p "$fuzz_dir/aborted"
        saved="$fuzz_dir/aborted/input-$(date +%Y%m%d-%H%M%S)"
        cp "$findings/default/.cur_input" "$saved"
        log "ERROR: afl-fuzz stopped (exit status $afl_status); the input it was running is $saved"
    else
        log "ERROR: afl-fuzz stopped (exit status $afl_status) before fuzzing; its log is $fuzz_dir/afl-fuzz.log"
    fi
    status=1
fi

if [[ ! -f $stats ]]; then
    log "ERROR: no $stats"
    exit 1
fi

stat() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes="$(stat saved_crashes)"
hangs="$(stat saved_hangs)"
# bitmap_cvg is the share of afl's 65,536-entry edge map that was hit; edges_found is the same as a count.
echo "fuzz: $(stat execs_done) executions in $(stat run_time)s ($(stat execs_per_sec)/s)," \
    "corpus $(stat corpus_count) inputs, bitmap coverage $(stat bitmap_cvg) ($(stat edges_found) edges)," \
    "$crashes crashes, $hangs hangs"

if ((crashes + hangs != 0)); then
    log "replaying the crashes and hangs outside the fuzzer"
    dotnet "$replay_dll" replay "$findings/default/crashes" "$findings/default/hangs" >&2 || true
    log "ERROR: $crashes crash(es) and $hangs hang(s); inputs in $findings/default/crashes and hangs"
    status=1
fi

exit "$status"
