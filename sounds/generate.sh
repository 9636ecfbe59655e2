#!/usr/bin/env bash
# Generates the IVR prompts in sounds/<language>/<name>.wav from sounds/prompts.tsv.
#
#   sounds/generate.sh            generate (only files whose audio changed are rewritten)
#   sounds/generate.sh --check    only verify the existing files (format, length, completeness)
#
# Output: 8000 Hz, mono, 16-bit signed PCM WAV (what FreeSWITCH plays on a PCMU/PCMA call
# without resampling). Tools: espeak-ng + sox (Debian packages "espeak-ng" and "sox").
# The run is deterministic (sox -R, no dither), so running it twice changes nothing.
set -euo pipefail

SOUNDS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TSV="$SOUNDS_DIR/prompts.tsv"
MIN_SECONDS="0.5"
CHECK_ONLY=0

case "${1:-}" in
  --check) CHECK_ONLY=1 ;;
  "") ;;
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
  *) echo "unknown argument: $1 (use --check or nothing)" >&2; exit 2 ;;
esac

die() { echo "error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
ensure_tools() {
  local missing=()
  command -v sox >/dev/null 2>&1 || missing+=(sox)
  command -v soxi >/dev/null 2>&1 || missing+=(sox)
  if [ "$CHECK_ONLY" -eq 0 ]; then
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  fi
  [ "${#missing[@]}" -eq 0 ] && return 0
  # de-duplicate
  local pkgs
  pkgs="$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing missing tools: $pkgs"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $pkgs >/dev/null
  else
    die "missing tools: $pkgs -- install them first, e.g.: sudo apt-get install -y $pkgs"
  fi
}

# ---------------------------------------------------------------- voices
# Debian 12's espeak-ng 1.51 has two Mandarin voices. "cmn" turns each Hanzi into pinyin
# and then reads the pinyin *as English* ("gan three xie four ..."); "cmn-latn-pinyin"
# reads the same Hanzi as proper Mandarin. Prefer the latter, and verify it below.
voice_for() {
  case "$1" in
    en) echo "en-us" ;;
    zh-CN)
      if espeak-ng --voices=cmn 2>/dev/null | grep -q 'cmn-latn-pinyin'; then
        echo "cmn-latn-pinyin"
      else
        echo "cmn"
      fi ;;
    *) die "no espeak-ng voice configured for language '$1' (edit voice_for in $0)" ;;
  esac
}

speed_for() {
  case "$1" in
    en) echo 155 ;;
    zh-CN) echo 175 ;;
    *) echo 160 ;;
  esac
}

# A Mandarin voice that falls back to English letter names sounds like nonsense; catch it.
check_voice() {
  local lang="$1" voice="$2" sample phon
  [ "$lang" = "zh-CN" ] || return 0
  sample="感谢您的来电"
  phon="$(espeak-ng -q -x -v "$voice" "$sample" 2>/dev/null || true)"
  if printf '%s' "$phon" | grep -q '(en)'; then
    die "espeak-ng voice '$voice' reads Chinese through English phonemes ($phon); install a working Mandarin voice"
  fi
}

# ---------------------------------------------------------------- helpers
seconds_of() { soxi -D "$1" 2>/dev/null || echo 0; }

# verify_file FILE -> prints "rate ch bits seconds"; returns 1 if not as required
verify_file() {
  local f="$1" rate ch bits enc secs
  rate="$(soxi -r "$f" 2>/dev/null || echo ?)"
  ch="$(soxi -c "$f" 2>/dev/null || echo ?)"
  bits="$(soxi -b "$f" 2>/dev/null || echo ?)"
  enc="$(soxi -e "$f" 2>/dev/null || echo ?)"
  secs="$(seconds_of "$f")"
  printf '%s %s %s %s' "$rate" "$ch" "$bits" "$secs"
  [ "$rate" = "8000" ] && [ "$ch" = "1" ] && [ "$bits" = "16" ] \
    && [ "$enc" = "Signed Integer PCM" ] \
    && awk -v s="$secs" -v m="$MIN_SECONDS" 'BEGIN { exit !(s > m) }'
}

# ---------------------------------------------------------------- read prompts.tsv
[ -f "$TSV" ] || die "$TSV not found"

header="$(head -n 1 "$TSV")"
IFS=$'\t' read -r -a columns <<<"$header"
[ "${columns[0]}" = "name" ] || die "first column of $TSV must be 'name' (got '${columns[0]}')"
[ "${#columns[@]}" -ge 2 ] || die "$TSV needs at least one language column"
languages=("${columns[@]:1}")

names=()
declare -A text
lineno=1
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  [ -z "${line//[[:space:]]/}" ] && continue
  case "$line" in \#*) continue ;; esac
  IFS=$'\t' read -r -a fields <<<"$line"
  name="${fields[0]}"
  [[ "$name" =~ ^[a-z0-9_]+$ ]] || die "$TSV line $lineno: bad prompt name '$name' (use a-z, 0-9, _)"
  [ -z "${text[$name|${languages[0]}]+x}" ] || die "$TSV line $lineno: duplicate prompt '$name'"
  [ "${#fields[@]}" -eq "${#columns[@]}" ] || die "$TSV line $lineno: expected ${#columns[@]} tab-separated columns, got ${#fields[@]}"
  for i in "${!languages[@]}"; do
    t="${fields[$((i + 1))]}"
    [ -n "${t//[[:space:]]/}" ] || die "$TSV line $lineno: empty ${languages[$i]} text for '$name'"
    text["$name|${languages[$i]}"]="$t"
  done
  names+=("$name")
done < <(tail -n +2 "$TSV")

[ "${#names[@]}" -gt 0 ] || die "no prompts in $TSV"
total=$(( ${#names[@]} * ${#languages[@]} ))

ensure_tools

# ---------------------------------------------------------------- generate / check
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

n=0 created=0 updated=0 unchanged=0 failed=0
report="$work/report.tsv"
: >"$report"

for lang in "${languages[@]}"; do
  mkdir -p "$SOUNDS_DIR/$lang"
  if [ "$CHECK_ONLY" -eq 0 ]; then
    voice="$(voice_for "$lang")"
    speed="$(speed_for "$lang")"
    check_voice "$lang" "$voice"
  fi
  for name in "${names[@]}"; do
    n=$((n + 1))
    out="$SOUNDS_DIR/$lang/$name.wav"
    rel="$lang/$name.wav"
    state=""
    if [ "$CHECK_ONLY" -eq 0 ]; then
      raw="$work/raw.wav"
      new="$work/new.wav"
      espeak-ng -v "$voice" -s "$speed" -w "$raw" -- "${text[$name|$lang]}"
      # 8 kHz mono 16-bit; trim leading and trailing silence (with 10/30 ms fades so the
      # cut does not click), then add 150 ms lead-in and 300 ms tail so the first syllable
      # is not clipped while media starts; normalise to -3 dBFS.
      sox -R -D "$raw" -r 8000 -c 1 -b 16 -e signed-integer "$new" \
        silence 1 0.02 0.5% fade t 0.01 reverse silence 1 0.02 0.5% fade t 0.03 reverse \
        pad 0.15 0.3 norm -3
      if [ ! -f "$out" ]; then
        mv "$new" "$out"; state="created"; created=$((created + 1))
      elif cmp -s "$new" "$out"; then
        state="unchanged"; unchanged=$((unchanged + 1))
      else
        mv "$new" "$out"; state="updated"; updated=$((updated + 1))
      fi
    else
      if [ ! -f "$out" ]; then
        printf '[%d/%d] %s MISSING\n' "$n" "$total" "$rel"
        printf '%s\tMISSING\t-\t-\t-\t-\n' "$rel" >>"$report"
        failed=$((failed + 1))
        continue
      fi
      state="present"
    fi
    if info="$(verify_file "$out")"; then ok="ok"; else ok="BAD"; failed=$((failed + 1)); fi
    read -r rate ch bits secs <<<"$info"
    printf '[%d/%d] %s %.1f s %s%s\n' "$n" "$total" "$rel" "$secs" "$state" \
      "$([ "$ok" = ok ] || echo " -- NOT 8000 Hz/mono/16-bit/>${MIN_SECONDS}s")"
    printf '%s\t%s\t%s\t%s\t%.2f\t%s\n' "$rel" "$rate" "$ch" "$bits" "$secs" "$ok" >>"$report"
  done
done

# Files on disk that prompts.tsv no longer lists (left alone, just reported).
orphans=()
for lang in "${languages[@]}"; do
  for f in "$SOUNDS_DIR/$lang"/*.wav; do
    [ -e "$f" ] || continue
    b="$(basename "$f" .wav)"
    [ -n "${text[$b|$lang]+x}" ] || orphans+=("$lang/$b.wav")
  done
done

echo
printf '%-40s %6s %3s %5s %8s  %s\n' "file" "Hz" "ch" "bits" "seconds" "status"
while IFS=$'\t' read -r rel rate ch bits secs ok; do
  printf '%-40s %6s %3s %5s %8s  %s\n' "$rel" "$rate" "$ch" "$bits" "$secs" "$ok"
done <"$report"
echo
if [ "$CHECK_ONLY" -eq 0 ]; then
  echo "summary: ${#names[@]} prompts x ${#languages[@]} languages (${languages[*]}) = $total files;" \
       "created $created, updated $updated, unchanged $unchanged, failed checks $failed"
else
  echo "summary: checked $total files (${languages[*]}); failed $failed"
fi
if [ "${#orphans[@]}" -gt 0 ]; then
  echo "note: not listed in prompts.tsv (left in place): ${orphans[*]}"
fi
[ "$failed" -eq 0 ] || exit 1
