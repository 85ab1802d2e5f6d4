#!/usr/bin/env bash
# Fixture: `cmake --install` of the build tree into a staging prefix, then a check that every
# file is in its GNUInstallDirs place (and nothing that should not be installed is).
# Usage: stage_install.sh BUILD_DIR STAGE_DIR
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$1 stage=$2
rm -rf "$stage"
cmake --install "$build" --prefix "$stage" >/dev/null

libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$build/CMakeCache.txt")
for f in bin/churn \
    include/churn/churn.hpp include/churn/ratio.hpp include/churn/version.hpp \
    "$libdir/libchurn.a" "$libdir/pkgconfig/churn.pc" \
    "$libdir/cmake/churn/churnConfig.cmake" "$libdir/cmake/churn/churnConfigVersion.cmake" \
    "$libdir/cmake/churn/churnTargets.cmake" \
    share/bash-completion/completions/churn share/doc/churn/copyright; do
    [[ -f "$stage/$f" ]] || fail "not installed: $f"
done
if [[ -f "$build/churn.1.gz" ]]; then  # built when help2man is there
    [[ -f "$stage/share/man/man1/churn.1.gz" ]] || fail "not installed: share/man/man1/churn.1.gz"
    gzip -t "$stage/share/man/man1/churn.1.gz" || fail "churn.1.gz is not gzip"
fi
ls "$stage"/share/zsh/*/_churn >/dev/null 2>&1 || fail "not installed: share/zsh/*/_churn"
[[ -x "$stage/bin/churn" ]] || fail "bin/churn is not executable"
[[ ! -e "$stage/include/churn/version.hpp.in" ]] || fail "version.hpp.in installed"
# Every public header in the source tree is installed.
for h in "$(dirname "$0")"/../../include/churn/*.hpp; do
    [[ -f "$stage/include/churn/$(basename "$h")" ]] || fail "header not installed: $(basename "$h")"
done
# Nothing refers to the build or source tree (the stage itself may lie in the build tree).
build_abs=$(cd "$build" && pwd)
source_abs=$(cd "$(dirname "$0")/../.." && pwd)
if grep -rl -e "$build_abs/include" -e "$build_abs/libchurn" -e "$source_abs/include" \
    "$stage/$libdir/cmake" "$stage/$libdir/pkgconfig"; then
    fail "installed package files mention the build or source tree"
fi
"$stage/bin/churn" --version | grep -q '^churn [0-9]' || fail "installed churn --version"
echo "staged install in $stage: ok"
