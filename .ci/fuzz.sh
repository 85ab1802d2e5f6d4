#!/usr/bin/env bash
# CI stage: the libFuzzer targets (fuzz/), built with clang 14 under ASan and UBSan, each run
# for CHURN_FUZZ_SECONDS (default 60) from its committed seed corpus and dictionary.
# A crash fails CI; its input is kept in <build>/artifacts/ (add it to tests/regression/).
# Environment: CHURN_FUZZ_BUILD (default build-fuzz), CHURN_FUZZ_SECONDS, JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${CHURN_FUZZ_BUILD:-build-fuzz}
seconds=${CHURN_FUZZ_SECONDS:-60}
jobs=${JOBS:-2}
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [[ -z "$cxx" ]]; then
    echo "fuzz: clang++ is not installed (Debian: clang-14 libclang-rt-14-dev)" >&2
    exit 1
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
    -DCHURN_FUZZ=ON -DCHURN_BUILD_TESTS=OFF
cmake --build "$build" -j"$jobs"

mkdir -p "$build/artifacts"
build=$(cd "$build" && pwd)
status=0
for fuzzer in "$build"/fuzz/fuzz_*; do
    [[ -x "$fuzzer" && -f "$fuzzer" ]] || continue
    name=$(basename "$fuzzer")
    target=${name#fuzz_}
    corpus=$build/corpus/$target
    mkdir -p "$corpus"
    echo "== $name for ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/fuzz/$target.dict" -artifact_prefix="$build/artifacts/$name-" \
        -print_final_stats=1 "$corpus" "$root/fuzz/corpus/$target" >"$build/$name.log" 2>&1; then
        status=1
        echo "fuzz: $name found a problem:" >&2
        grep -v '^#' "$build/$name.log" | tail -40 >&2
        continue
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$build/$name.log" || true
done
exit $status
