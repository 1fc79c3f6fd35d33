# Shared by the whole-process bench scripts (sourced, not run).

# publish_cli OUT: publishes the CLI the way it is shipped for speed, to OUT/cli (the executable is OUT/cli/precis),
# and names the kind of build in cli_kind.
#
# By default the native binary (Native AOT, the ReleaseAot configuration of src/Precis.Cli/Precis.Cli.csproj: the
# application, its libraries and the .NET runtime compiled ahead of time into one executable; no JIT at run time).
# The compilation takes minutes (6 to 26 on the shared 2-core machine, by load) and needs clang and zlib's headers.
#
# PRECIS_BENCH_JIT=1: the framework-dependent Release build precompiled with ReadyToRun instead (what
# `dotnet tool install` and `dotnet run` give; what this script published before the native binary; the generic
# instantiations over Precis types that its image cannot hold are JIT-compiled at run time).
#
# PRECIS_BENCH_COMPOSITE=1: self-contained, the application and the .NET runtime precompiled as one composite
# ReadyToRun image (a 160 MB folder; the compilation takes minutes).
#
# Each kind builds under its own configuration name (ReleaseAot and ReleaseComposite are optimized like Release), so
# their intermediate outputs never mix (mixed, they make a binary that aborts at start).
publish_cli() {
  if [[ "${PRECIS_BENCH_COMPOSITE:-0}" == 1 ]]; then
    cli_kind="composite ReadyToRun"
    echo "publishing precis (Release, self-contained, composite ReadyToRun; this takes minutes) ..." >&2
    dotnet publish src/Precis.Cli -c ReleaseComposite -p:Optimize=true --use-current-runtime --self-contained true \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$1/cli" --nologo -v quiet >&2
    return
  fi
  if [[ "${PRECIS_BENCH_JIT:-0}" == 1 ]]; then
    cli_kind="ReadyToRun + JIT"
    echo "publishing precis (Release, ReadyToRun + JIT) ..." >&2
    dotnet publish src/Precis.Cli -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
      -o "$1/cli" --nologo -v quiet >&2
    return
  fi
  cli_kind="native AOT"
  echo "publishing precis (ReleaseAot: native AOT; this takes minutes) ..." >&2
  local started=$SECONDS
  dotnet publish src/Precis.Cli -c ReleaseAot --use-current-runtime -o "$1/cli" --nologo -v quiet >&2
  echo "native publish took $((SECONDS - started)) s" >&2
}

# timed_runs NAME RUNS OUT STDOUT_FILE CMD...: runs CMD RUNS times under GNU time (%M = the kernel's ru_maxrss),
# prints one row per run, and sets median, best (wall seconds) and rss_max (MB).
timed_runs() {
  local name="$1" runs="$2" out="$3" stdout_file="$4"
  shift 4
  printf '%-5s %9s %9s %9s %10s\n' run wall_s user_s sys_s peak_rss_MB
  local walls=() i wall user sys rss_kb rss_mb
  rss_max=0
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -o "$out/time.txt" -f '%e %U %S %M' "$@" >"$stdout_file" 2>"$out/stderr.txt" \
      || { echo "$name: run $i failed:" >&2; cat "$out/stderr.txt" >&2; exit 1; }
    read -r wall user sys rss_kb < <(tail -n 1 "$out/time.txt")
    rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    printf '%-5s %9s %9s %9s %10s\n' "$i" "$wall" "$user" "$sys" "$rss_mb"
    walls+=("$wall")
    rss_max=$(awk -v a="$rss_max" -v b="$rss_mb" 'BEGIN { print (b > a) ? b : a }')
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  best=$(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)
}
