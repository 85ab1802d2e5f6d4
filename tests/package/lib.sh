# Helpers for the package tests (sourced).
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
    if [[ "$2" != "$3" ]]; then
        printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n' "$1" "$2" "$3" >&2
        exit 1
    fi
}

# expect_match WHAT REGEX TEXT
expect_match() {
    grep -Eq -- "$2" <<<"$3" || { printf 'FAIL: %s: no match for /%s/ in\n%s\n' "$1" "$2" "$3" >&2; exit 1; }
}
