#!/usr/bin/env bash
# A separate project finds the staged install with find_package(churn), builds and runs.
# Usage: find_package.sh STAGE_DIR WORK_DIR VERSION CXX [CXXFLAGS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
stage=$1 work=$2 version=$3 cxx=$4 cxxflags=${5:-}
src=$(cd "$(dirname "$0")/consumer" && pwd)
rm -rf "$work" && mkdir -p "$work"
cmake -S "$src" -B "$work" -DCMAKE_PREFIX_PATH="$stage" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCHURN_EXPECTED_VERSION="$version" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "consumer does not configure"; }
grep -q "churn_DIR:PATH=$stage/" "$work/CMakeCache.txt" || fail "find_package found another churn"
cmake --build "$work" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "consumer does not build"; }
out=$("$work/consumer")
expect_eq "consumer output" "4.75% 681 $version
--lost: \"-5\" is negative; counts must be ≥ 0" "$out"

# A version this release is not compatible with is refused.
rm -rf "$work/too-new" && mkdir -p "$work/too-new"
if cmake -S "$src" -B "$work/too-new" -DCMAKE_PREFIX_PATH="$stage" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCHURN_EXPECTED_VERSION=99.0 >/dev/null 2>&1; then
    fail "find_package(churn 99.0) accepted version $version"
fi
echo "find_package consumer: ok"
