#!/usr/bin/env bash
# Whole-process benchmark: briefs every cluster of a bench file in ONE process (the native binary, published) several
# times, and reports wall time, CPU time and peak resident memory of each run, measured by GNU time (/usr/bin/time),
# whose %M is the kernel's ru_maxrss (the process's VmHWM).
# Targets (README): under 1.5 s wall and 150 MB peak RSS for DUC 2004 (50 clusters x 10 articles).
# The CLI is published as the native (AOT) binary; PRECIS_BENCH_JIT=1 measures the ReadyToRun + JIT publish instead,
# PRECIS_BENCH_COMPOSITE=1 the self-contained composite ReadyToRun one (bench/lib.sh).
#
#   bench/run-bench.sh [--runs N] [--file PATH] [--check]
#
# --check: exit 1 when the median wall time or the peak RSS misses its target.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
file=../shared/bench/duc2004.jsonl
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: $0 [--runs N] [--file PATH] [--check]" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$file" ]]; then echo "run-bench: $file not found (../shared absent?); nothing to measure" >&2; exit 0; fi
if [[ ! -x /usr/bin/time ]]; then echo "run-bench: GNU time (/usr/bin/time) is required" >&2; exit 2; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="${TMPDIR:-/tmp}/precis-bench-$$"
trap 'rm -rf "$out"' EXIT

source bench/lib.sh
publish_cli "$out"
what="precis brief --clusters $(basename "$file")"
cmd=("$out/cli/precis" brief --clusters "$file")

echo "$what; $cli_kind; $runs runs; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
timed_runs run-bench "$runs" "$out" /dev/null "${cmd[@]}"
echo "median wall ${median} s (best ${best} s; target < 1.5 s); peak RSS ${rss_max} MB (target < 150 MB)"
if [[ $check -eq 1 ]]; then
  awk -v m="$median" -v r="$rss_max" 'BEGIN { exit (m < 1.5 && r < 150) ? 0 : 1 }' || { echo "run-bench: target missed" >&2; exit 1; }
fi
