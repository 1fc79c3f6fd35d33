#!/usr/bin/env bash
# Whole-process scale benchmark (issue 12: bounded cost on any input). Generates three synthetic inputs (fictional
# word salad, never committed), briefs each with the published CLI (bench/lib.sh: the native binary, or with
# PRECIS_BENCH_JIT=1 the ReadyToRun + JIT build), and reports wall time and peak resident
# memory (GNU time's %M = the kernel's ru_maxrss), against these targets:
#   article40k   one plain-text article of 40,000 sentences        <= 10 s, <= 1 GB
#   lines1m      1,000,000 short lines (one word each)             <= 60 s, <= 2 GB
#   folder10k    a folder of 10,000 articles (about 20 sentences)  <= 15 s, <= 1 GB
# DUC 2004 `brief --clusters` is measured by bench/run-bench.sh.
#
#   bench/run-scale-bench.sh [--only NAME] [--check]
#
# --check: exit 1 when any run misses its target.
set -euo pipefail
cd "$(dirname "$0")/.."
only=""
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: $0 [--only article40k|lines1m|folder10k] [--check]" >&2; exit 2 ;;
  esac
done
if [[ ! -x /usr/bin/time ]]; then echo "run-scale-bench: GNU time (/usr/bin/time) is required" >&2; exit 2; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="${TMPDIR:-/tmp}/precis-scale-$$"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/in"

source bench/lib.sh
publish_cli "$out"

# Deterministic word salad: awk's rand() with a fixed seed over a 2,000-word made-up vocabulary.
gen() { # gen SEED SENTENCES PER_PARAGRAPH
  awk -v seed="$1" -v n="$2" -v per="$3" 'BEGIN {
    srand(seed); letters = "abcdefghijklmnopqrstuvwxyz"
    for (i = 0; i < 2000; i++) { w = ""; len = 3 + int(rand() * 7); for (k = 0; k < len; k++) w = w substr(letters, 1 + int(rand() * 26), 1); vocab[i] = w }
    print "A report on the harbour\n"
    for (s = 0; s < n; s++) {
      line = toupper(substr(vocab[int(rand() * 300)], 1, 1)) substr(vocab[int(rand() * 300)], 2) " said"
      m = 8 + int(rand() * 16)
      for (k = 0; k < m; k++) line = line " " vocab[int(rand() * 2000)]
      if (rand() < 0.2) line = line " " int(rand() * 900) " people"
      printf "%s. ", line
      if (s % per == per - 1) printf "\n\n"
    }
    printf "\n"
  }'
}
echo "generating inputs ..." >&2
[[ -z "$only" || "$only" == article40k ]] && gen 1 40000 5 > "$out/in/article40k.txt"
[[ -z "$only" || "$only" == lines1m ]] && awk 'BEGIN { srand(2); for (i = 0; i < 1000000; i++) { w = ""; len = 3 + int(rand() * 7); for (k = 0; k < len; k++) w = w substr("abcdefghijklmnopqrstuvwxyz", 1 + int(rand() * 26), 1); print w } }' > "$out/in/lines1m.txt"
if [[ -z "$only" || "$only" == folder10k ]]; then
  mkdir -p "$out/in/folder10k"
  # One awk process writes all 10,000 files (a process per file would measure fork, not Precis).
  awk -v dir="$out/in/folder10k" 'BEGIN {
    srand(3); letters = "abcdefghijklmnopqrstuvwxyz"
    for (i = 0; i < 2000; i++) { w = ""; len = 3 + int(rand() * 7); for (k = 0; k < len; k++) w = w substr(letters, 1 + int(rand() * 26), 1); vocab[i] = w }
    for (f = 0; f < 10000; f++) {
      file = sprintf("%s/article-%05d.txt", dir, f)
      print "Report " vocab[int(rand() * 2000)] " " vocab[int(rand() * 2000)] "\n" > file
      for (s = 0; s < 20; s++) {
        line = "Officials said"; m = 8 + int(rand() * 16)
        for (k = 0; k < m; k++) line = line " " vocab[int(rand() * 2000)]
        printf "%s.\n\n", line > file
      }
      close(file)
    }
  }'
fi

echo "precis brief (scale); $cli_kind; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-11s %9s %9s %11s %8s %9s  %s\n' input wall_s user_s peak_rss_MB target_s target_MB result
missed=0
run() { # run NAME PATH TARGET_S TARGET_MB
  [[ -n "$only" && "$only" != "$1" ]] && return 0
  /usr/bin/time -o "$out/time.txt" -f '%e %U %M' "$out/cli/precis" brief "$2" >/dev/null 2>"$out/stderr.txt" \
    || { echo "run-scale-bench: $1 failed:" >&2; tail -n 20 "$out/stderr.txt" >&2; missed=1; return 0; }
  read -r wall user rss_kb < <(tail -n 1 "$out/time.txt")
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
  ok=$(awk -v w="$wall" -v r="$rss_mb" -v tw="$3" -v tr="$4" 'BEGIN { print (w <= tw && r <= tr) ? "met" : "MISSED" }')
  [[ "$ok" == met ]] || missed=1
  printf '%-11s %9s %9s %11s %8s %9s  %s\n' "$1" "$wall" "$user" "$rss_mb" "$3" "$4" "$ok"
  grep -h "briefing analyses\|candidate sentences\|claims about" "$out/stderr.txt" | sed 's/^/    /' || true
}
run article40k "$out/in/article40k.txt" 10 1024
run lines1m "$out/in/lines1m.txt" 60 2048
run folder10k "$out/in/folder10k" 15 1024
if [[ $check -eq 1 && $missed -ne 0 ]]; then echo "run-scale-bench: target missed" >&2; exit 1; fi
