#!/usr/bin/env bash
# Fuzzes the classifiers with libFuzzer: builds the targets in Fuzz/ with coverage and AddressSanitizer,
# regenerates their seed corpora from the catalogs' samples, runs every target for SECONDS (default 20) and
# fails on any crash, broken invariant, leak, timeout or out-of-memory. Inputs that fail are written to
# fuzz-artifacts/ with the target's log.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]
#
# FUZZ_JOBS sets how many targets run at once (default: the number of CPUs); FUZZ_CONFIGURATION is
# release (default: instrumented -O, about four times the executions per second) or debug.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS

seconds=${1:-20}
shift || true
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: Scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
configuration=${FUZZ_CONFIGURATION:-release}
scratch=$root/Fuzz/.build-fuzz
artifacts=$root/fuzz-artifacts

# SwiftPM's --sanitize=fuzzer makes it link the executables without a Swift entry point (libFuzzer brings
# `main`); both sanitizers go in one -sanitize= flag because swiftc honours only the last such flag and
# SwiftPM passes each --sanitize separately. The toolchain's lld links quietly (gold warns about every
# ASan symbol). -enable-testing lets the targets reach the root package's `package` API (RetryAfter,
# HTTPHeaderLookup) through `@testable import`.
build=(swift build --package-path Fuzz --scratch-path "$scratch" -c "$configuration" --sanitize=fuzzer
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
swift_bin=$(dirname "$(command -v swift)")
[ -x "$swift_bin/ld.lld" ] && build+=(-Xswiftc -use-ld=lld)

echo "fuzz: ${build[*]}"
mkdir -p "$scratch"
if ! "${build[@]}" >"$scratch/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$scratch/build.log" | tail -40 >&2
  echo "fuzz: build failed (full log: $scratch/build.log)" >&2
  exit 1
fi
bin=$("${build[@]}" --show-bin-path)
echo "fuzz: built in $((SECONDS - started))s"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for dir in Fuzz/Sources/Fuzz*/; do
    name=$(basename "$dir")
    [[ $name == FuzzSeeds || $name == FuzzSupport ]] || targets+=("$name")
  done
fi

# The Swift runtime's own crash reporter would race libFuzzer's handler (and can hang under ASan).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
[ -x "$swift_bin/llvm-symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$swift_bin/llvm-symbolizer

seeds=$scratch/seeds
rm -rf "$seeds" "$scratch/logs" "$artifacts"
mkdir -p "$scratch/logs" "$artifacts"
"$bin/FuzzSeeds" "$seeds" | sed 's/^/fuzz: /'

run() {
  local target=$1 corpus=$scratch/corpus/$1 log=$scratch/logs/$1.log
  mkdir -p "$corpus" "$seeds/$target"
  # The outer timeout only catches a fuzzer that hangs outside libFuzzer's own watchdog.
  local rc=0
  timeout --kill-after=10 $((seconds + 120)) "$bin/$target" "$corpus" "$seeds/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$seeds/fuzz.dict" -print_final_stats=1 -error_exitcode=77 -timeout_exitcode=70 \
    -artifact_prefix="$artifacts/$target-" >"$log" 2>&1 || rc=$?
  echo "$rc" >"$log.rc"
}

summary() {
  local target=$1 log=$scratch/logs/$1.log
  local rc runs rate cov corpus rss verdict
  rc=$(cat "$log.rc" 2>/dev/null || echo 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ "$rc" = 0 ] && ! grep -q -e 'ERROR: LeakSanitizer' -e 'ERROR: libFuzzer' -e 'ERROR: AddressSanitizer' "$log"; then
    printf '%-22s ok      %9s runs %6s exec/s  cov %5s  corpus %5s  rss %4sMB\n' \
      "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${corpus:-?}" "${rss:-?}"
    return 0
  fi
  if grep -q 'ERROR: LeakSanitizer' "$log"; then verdict=LEAK
  elif grep -q 'ERROR: libFuzzer: timeout' "$log" || [ "$rc" = 70 ] || [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    verdict=TIMEOUT
  elif grep -q -e 'ERROR: libFuzzer: out-of-memory' -e 'ERROR: libFuzzer: malloc' "$log"; then verdict=OOM
  elif grep -q 'ERROR: AddressSanitizer' "$log"; then verdict=ASAN
  else verdict=CRASH
  fi
  cp "$log" "$artifacts/$target.log"
  local reason artifact
  reason=$(grep -m1 -e 'Fatal error' -e 'ERROR: ' "$log" | cut -c1-200 || true)
  artifact=$(sed -n 's/.*Test unit written to //p' "$log" | head -1)
  printf '%-22s %-7s (exit %s) %s\n%-22s         input %s, log %s\n' "$target" "$verdict" "$rc" "$reason" "" \
    "${artifact:-none}" "fuzz-artifacts/$target.log"
  return 1
}

echo "fuzz: ${#targets[@]} targets, ${seconds}s each, $jobs at a time"
running=0
for target in "${targets[@]}"; do
  if [ ! -x "$bin/$target" ]; then
    echo "fuzz: no target $target" >&2
    exit 2
  fi
  run "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

failed=0
for target in "${targets[@]}"; do summary "$target" || failed=$((failed + 1)); done
echo "fuzz: $failed of ${#targets[@]} targets failed, $((SECONDS - started))s in all"
[ "$failed" -eq 0 ]
