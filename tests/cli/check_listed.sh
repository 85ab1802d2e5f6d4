#!/usr/bin/env bash
# Fails if a case directory under tests/cli is not listed in tests/cli/CMakeLists.txt (or a
# listed case has no directory): cases are registered by name, never discovered.
#   check_listed.sh CASES_DIR LISTED_FILE
set -euo pipefail
cd "$1"
diff -u --label "listed in CMakeLists.txt" --label "found in tests/cli" \
    <(LC_ALL=C sort "$2") \
    <(find . -name cmd -type f | sed 's|^\./||; s|/cmd$||' | LC_ALL=C sort)
