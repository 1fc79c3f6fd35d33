#!/usr/bin/env bash
# Whole-process timeline benchmark (issue 9): the largest shared Timeline17 topic (bpoil, 1,460 articles, ~7 MB)
# from articles to timeline with `precis timeline` in ONE process (published by bench/lib.sh: the native binary, or
# with PRECIS_BENCH_JIT=1 Release ReadyToRun), several times; wall time,
# CPU time and peak resident memory from GNU time (%M = ru_maxrss). Then, unless --no-eval, the T17 evaluation
# (`precis eval tls`) with its per-task AR1/AR2/Date-F1.
# Targets: <= 10 s wall and <= 1 GB peak RSS for bpoil; AR1-F >= 0.130, AR2-F >= 0.040, Date-F1 >= 0.560.
#
#   bench/run-timeline-bench.sh [--runs N] [--bench DIR] [--topic NAME] [--dates L] [--no-eval] [--check]
#
# The tilse AR1/AR2 need ROUGE-1.5.5's data/smart_common_words.txt (not shipped): set PRECIS_ROUGE_STOPWORDS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
bench=../shared/bench/t17
topic=bpoil
dates=48
evaluate=1
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --bench) bench="$2"; shift 2 ;;
    --topic) topic="$2"; shift 2 ;;
    --dates) dates="$2"; shift 2 ;;
    --no-eval) evaluate=0; shift ;;
    --check) check=1; shift ;;
    *) echo "usage: $0 [--runs N] [--bench DIR] [--topic NAME] [--dates L] [--no-eval] [--check]" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$bench/articles.jsonl.gz" ]]; then echo "run-timeline-bench: $bench/articles.jsonl.gz not found (../shared absent?); nothing to measure" >&2; exit 0; fi
if [[ ! -x /usr/bin/time ]]; then echo "run-timeline-bench: GNU time (/usr/bin/time) is required" >&2; exit 2; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="${TMPDIR:-/tmp}/precis-tl-bench-$$"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out"

source bench/lib.sh
publish_cli "$out"
# The topic's articles as JSON lines {topic, id, date, text}: an input `precis timeline` reads as is (kept in the
# temporary folder only; the texts are never copied into the repository).
gzip -dc "$bench/articles.jsonl.gz" | grep -F "\"topic\": \"$topic\"" > "$out/$topic.jsonl"
n=$(wc -l < "$out/$topic.jsonl")
mb=$(awk -v b="$(wc -c < "$out/$topic.jsonl")" 'BEGIN { printf "%.1f", b / 1048576 }')
cmd=("$out/cli/precis" timeline "$out/$topic.jsonl" --dates "$dates" --sentences 2 --format json)

echo "precis timeline $topic ($n articles, $mb MB JSON) --dates $dates; $cli_kind; $runs runs; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
timed_runs run-timeline-bench "$runs" "$out" "$out/timeline.json" "${cmd[@]}"
echo "median wall ${median} s (best ${best} s; target <= 10 s); peak RSS ${rss_max} MB (target <= 1024 MB)"
status=0
if [[ $check -eq 1 ]]; then
  awk -v m="$median" -v r="$rss_max" 'BEGIN { exit (m <= 10 && r <= 1024) ? 0 : 1 }' || { echo "run-timeline-bench: speed/memory target missed" >&2; status=1; }
fi
if [[ $evaluate -eq 1 ]]; then
  echo
  "$out/cli/precis" eval tls --bench "$bench"
fi
exit $status
