#!/usr/bin/env bash
# A program built with nothing but the compiler and `pkg-config churn` from the staged install.
# Usage: pkg_config.sh STAGE_DIR WORK_DIR VERSION CXX [CXXFLAGS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
stage=$1 work=$2 version=$3 cxx=$4 cxxflags=${5:-}
command -v pkg-config >/dev/null || skip "pkg-config is not installed"
rm -rf "$work" && mkdir -p "$work"
pc=$(dirname "$(find "$stage" -name churn.pc | head -1)")
[[ -n "$pc" ]] || fail "no churn.pc in $stage"
export PKG_CONFIG_PATH=$pc PKG_CONFIG_LIBDIR=$pc
pkg-config --validate churn || fail "churn.pc does not validate"
expect_eq "pkg-config --modversion" "$version" "$(pkg-config --modversion churn)"
expect_eq "pkg-config --variable=prefix" "$stage" "$(pkg-config --variable=prefix churn)"
cflags=$(pkg-config --cflags churn)
libs=$(pkg-config --libs churn)
expect_match "cflags" "^-I$stage/include *$" "$cflags"
# shellcheck disable=SC2086
"$cxx" -std=c++20 $cxxflags $cflags "$(dirname "$0")/consumer/main.cpp" -o "$work/consumer" $libs ||
    fail "the consumer does not build with pkg-config's flags"
out=$("$work/consumer")
expect_eq "consumer output" "4.75% 681 $version
--lost: \"-5\" is negative; counts must be ≥ 0" "$out"
echo "pkg-config consumer: ok"
