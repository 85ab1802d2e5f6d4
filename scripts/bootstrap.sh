#!/usr/bin/env bash
# Installs what building churn needs from Debian's or Ubuntu's packages; with --test, also
# what its test suite needs; with --fuzz, clang for the libFuzzer targets (.ci/fuzz.sh).
# Installs nothing that is already there. Runs as root or through sudo. The --emit-sql tests
# (tests/sql) also get DuckDB and a BigQuery/Spark SQL parser from npm (npm ci, into
# tests/sql/node_modules).
#   scripts/bootstrap.sh [--test] [--fuzz]
set -euo pipefail

build=(g++ cmake make pkg-config libcli11-dev libfmt-dev)
test=(catch2 librapidcheck-dev help2man bash-completion zsh locales dpkg-dev file man-db
      util-linux python3 chromium fonts-dejavu-core sqlite3 postgresql)
# A node installed some other way (NodeSource, nvm) is kept: Debian's would clash with it.
if ! command -v node >/dev/null; then
    test+=(nodejs npm)
fi
fuzz=(clang-14 libclang-rt-14-dev)

want=("${build[@]}")
with_test=false
for arg in "$@"; do
    case $arg in
        --test) want+=("${test[@]}"); with_test=true ;;
        --fuzz) want+=("${fuzz[@]}") ;;
        *) echo "usage: $0 [--test] [--fuzz]" >&2; exit 2 ;;
    esac
done

# The test suite checks that output is byte-identical under these locales.
locales=(ru_RU nb_NO pl_PL)

missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
as_root=()
if ((EUID != 0)); then as_root=(sudo); fi
if ((${#missing[@]} > 0)); then
    echo "bootstrap: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if $with_test; then
    for l in "${locales[@]}"; do
        if ! locale -a 2>/dev/null | grep -qix "$l.utf-\?8"; then
            echo "bootstrap: generating the $l.UTF-8 locale" >&2
            "${as_root[@]}" localedef -i "$l" -f UTF-8 "$l.UTF-8"
        fi
    done
fi

# DuckDB and node-sql-parser for tests/sql, the versions its package-lock.json pins, unless
# they are there.
root=$(cd "$(dirname "$0")/.." && pwd)
if $with_test && [[ ! -d $root/tests/sql/node_modules ]]; then
    if command -v npm >/dev/null; then
        echo "bootstrap: npm ci in tests/sql (DuckDB, node-sql-parser: the --emit-sql tests)" >&2
        npm ci --prefix "$root/tests/sql" --no-audit --no-fund >/dev/null
    else
        echo "bootstrap: no npm: the --emit-sql tests of DuckDB, BigQuery, Spark are skipped" >&2
    fi
fi
