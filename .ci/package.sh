#!/usr/bin/env bash
# CI stage: the .deb packages installed for real, as on a user's machine: dpkg -i, then
# `churn --version`, `man -w churn`, the completion where bash-completion finds it, and the
# library through find_package and pkg-config without any path given; then both removed.
# Changes the system (needs root or sudo), so it is not part of ctest.
# Environment: CHURN_DEB_BUILD (build directory, default build-deb), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${CHURN_DEB_BUILD:-build-deb}
jobs=${JOBS:-2}
sudo=()
if ((EUID != 0)); then sudo=(sudo); fi
fail() {
    echo "package: FAIL: $*" >&2
    exit 1
}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCHURN_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs"
build=$(cd "$build" && pwd)
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB -B "$build/packages")
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build/CMakeCache.txt")
arch=$(dpkg --print-architecture)
debs=("$build/packages/churn_${version}_$arch.deb" "$build/packages/libchurn-dev_${version}_$arch.deb")

if dpkg-query -W -f='${Status}' churn 2>/dev/null | grep -q 'ok installed'; then
    fail "a churn package is already installed; remove it first (dpkg -r churn libchurn-dev)"
fi
"${sudo[@]}" dpkg -i "${debs[@]}"
trap '"${sudo[@]}" dpkg -r churn libchurn-dev >/dev/null' EXIT

[[ "$(command -v churn)" == /usr/bin/churn ]] || fail "churn is not /usr/bin/churn"
[[ "$(churn --version)" == "churn $version" ]] || fail "churn --version: $(churn --version)"
[[ "$(churn --start 400 --lost 19 -q)" == "4.75" ]] || fail "churn does not compute"
page=$(man -w churn) || fail "man -w churn finds no page (is /usr/share/man excluded by dpkg?)"
[[ "$page" == /usr/share/man/man1/churn.1.gz ]] || fail "man -w churn: $page"
MANWIDTH=80 man churn 2>&1 | grep -q 'EXIT STATUS' || fail "man churn does not render"
completions=$(pkg-config --variable=completionsdir bash-completion 2>/dev/null ||
    echo /usr/share/bash-completion/completions)
[[ -f "$completions/churn" ]] || fail "no bash completion in $completions"
# The loader returns 124 ("completion loaded, try again") when it found the file.
bash -c 'source /usr/share/bash-completion/bash_completion; _completion_loader churn;
    complete -p churn' | grep -q -- '-F _churn churn' || fail "bash-completion does not load churn"
[[ -f /usr/share/zsh/vendor-completions/_churn ]] || fail "no zsh completion"
[[ "$(pkg-config --modversion churn)" == "$version" ]] || fail "pkg-config churn"

work=$(mktemp -d)
trap '"${sudo[@]}" dpkg -r churn libchurn-dev >/dev/null; rm -rf "$work"' EXIT
cmake -S "$root/tests/package/consumer" -B "$work/cmake" -DCHURN_EXPECTED_VERSION="$version" >/dev/null
cmake --build "$work/cmake" >/dev/null
"$work/cmake/consumer" | grep -qx "4.75% 681 $version" || fail "find_package consumer"
# shellcheck disable=SC2046
g++ -std=c++20 "$root/tests/package/consumer/main.cpp" $(pkg-config --cflags --libs churn) \
    -o "$work/consumer-pc"
"$work/consumer-pc" | grep -qx "4.75% 681 $version" || fail "pkg-config consumer"
echo "package: ${debs[*]##*/} install, run, man -w churn, completions, find_package, pkg-config: ok"
