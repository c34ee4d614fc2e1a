#!/usr/bin/env bash
# Whole-process start-up of the console against JDK 25's jshell, in the same run: for each, the median over N runs
# (default 5) of the time to its first output (the lesson's page; jshell's welcome), to the result of a first snippet
# and to its exit. The console is timed with its start-up cache and with an empty one, which the JVM ignores.
# Usage: benchmarks/startup.sh [N], after ./workbench has built the checkout once. It opens lesson 1, so that
# ./workbench start resumes there afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
CACHE="$ROOT/.workbench/console.aot"
JDK="$(sed -n 2p "$ROOT/.workbench/jdk")"

# Prints milliseconds to the first line of output, to the line holding the snippet's result, and to the exit.
timed() {
  local start first="" result="" now line
  start=$(date +%s%N)
  while IFS= read -r line; do
    now=$(( ($(date +%s%N) - start) / 1000000 ))
    [ -n "$first" ] || first=$now
    [ -n "$result" ] || [[ "$line" != *"==> 2"* ]] || result=$now
  done < <(printf 'int x = 1 + 1;\n/exit\n' | "$@" 2>&1)
  echo "$first ${result:-0} $(( ($(date +%s%N) - start) / 1000000 ))"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

report() {
  local name="$1" file="$2" column=0 label
  printf '%-22s' "$name"
  for label in first-output result exit; do
    column=$((column + 1))
    printf '  %s %5s ms' "$label" "$(cut -d' ' -f"$column" "$file" | median)"
  done
  echo
}

"$ROOT/workbench" --version >/dev/null
cp "$CACHE" "$CACHE.kept"
trap 'mv "$CACHE.kept" "$CACHE"' EXIT
out="$(mktemp -d)"
for _ in $(seq "$RUNS"); do
  cp "$CACHE.kept" "$CACHE"
  timed "$ROOT/workbench" start lesson1 >>"$out/cached"
  : >"$CACHE"
  timed "$ROOT/workbench" start lesson1 >>"$out/uncached"
  timed "$JDK/bin/jshell" >>"$out/jshell"
done
report "workbench, cache" "$out/cached"
report "workbench, no cache" "$out/uncached"
report "jshell (JDK 25)" "$out/jshell"
rm -rf "$out"
