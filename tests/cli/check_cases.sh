#!/usr/bin/env bash
# The golden cases are all run, and hold nothing else:
#   - every case folder (tests/cli/<topic>/<case>/) is a test of CMakeLists.txt, and every test
#     has its folder (a folder added since cmake last ran fails until it runs again);
#   - a case holds expout, experr and exit, with a cmd file unless a matrix runs it;
#   - links point into fixtures/, and every fixture is used by a case or a matrix;
#   - no case reads outside the repository other than through "$CHURN_DATA" and its `needs`
#     file (a fresh clone has nothing beside it): no climbing above tests/cli, no absolute
#     path but /dev/.
#   check_cases.sh CASES_DIR REGISTERED_FILE
set -euo pipefail
cd "$1"
status=0
if ! diff -u --label "tests in CMakeLists.txt" --label "case folders in tests/cli" \
    <(LC_ALL=C sort "$2") \
    <(find . -mindepth 2 -maxdepth 2 -type d ! -path './fixtures/*' | sed 's|^\./||' |
        LC_ALL=C sort); then
    echo "a case folder no test runs, or a test without its folder (run cmake again?)"
    status=1
fi
while IFS= read -r case; do
    for f in expout experr exit; do
        [[ -f "$case/$f" ]] || { echo "$case: no $f" && status=1; }
    done
    for f in "$case"/*; do
        case ${f##*/} in
        cmd | stdin | expout | experr | exit | bug | needs) ;;
        *) [[ -f "$case/cmd" ]] || { echo "$f: an input file of a case without a cmd" && status=1; } ;;
        esac
        if [[ -L "$f" && "$(readlink "$f")" != ../../fixtures/* ]]; then
            echo "$f: links out of fixtures/" && status=1
        fi
        if [[ -L "$f" && ! -f "$f" ]]; then
            echo "$f: links to no fixture" && status=1
        fi
    done
done <"$2"
for fixture in fixtures/*; do
    if ! find . -mindepth 3 -type l -lname "../../$fixture" | grep -q . &&
        ! grep -q -F "../../$fixture" CMakeLists.txt; then
        echo "$fixture: no case uses it" && status=1
    fi
done
outside=$(grep -r -o -E --include=cmd '\.\./\.\./\.\.|(^|[^[:alnum:]_.}/-])/[[:alpha:]][^[:space:]"'"'"';|)]*' . |
    grep -v -E ':.?/dev/(null|full|stdin|stdout|stderr)$' || true)
if [[ -n "$outside" ]]; then
    printf '%s\n' "$outside"
    echo "these cases read outside the repository: use \"\$CHURN_DATA/…\" and a needs file"
    status=1
fi
exit $status
