#!/usr/bin/env bash
# Installs what building churn needs (and, with --test, what its test suite needs) from
# Debian's or Ubuntu's packages. Installs nothing that is already there. Runs as root or
# through sudo.
set -euo pipefail

build=(g++ cmake make pkg-config libcli11-dev libfmt-dev)
test=(catch2 librapidcheck-dev help2man bash-completion locales dpkg-dev file man-db util-linux
      python3)

want=("${build[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test[@]}"); fi

missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then exit 0; fi

as_root=()
if ((EUID != 0)); then as_root=(sudo); fi
echo "bootstrap: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
