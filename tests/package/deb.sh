#!/usr/bin/env bash
# CPack builds the .deb packages, inspected with dpkg-deb: names, section, maintainer,
# Depends from dpkg-shlibdeps (FMT_PACKAGE, e.g. libfmt9, when churn links the shared libfmt;
# no libfmt when FMT_PACKAGE is empty: a static one) and the files.
# Installing them (dpkg -i) changes the system, so that is .ci/package.sh's job.
# Usage: deb.sh BUILD_DIR WORK_DIR VERSION FMT_PACKAGE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build=$1 work=$2 version=$3 fmt_package=$4
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed"
command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps (dpkg-dev) is not installed"
rm -rf "$work" && mkdir -p "$work"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
arch=$(dpkg --print-architecture)
runtime=$work/churn_${version}_$arch.deb
dev=$work/libchurn-dev_${version}_$arch.deb
[[ -f "$runtime" ]] || { ls "$work"; fail "no $runtime"; }
[[ -f "$dev" ]] || { ls "$work"; fail "no $dev"; }

field() { dpkg-deb -f "$1" "$2"; }
expect_eq "Package" churn "$(field "$runtime" Package)"
expect_eq "Version" "$version" "$(field "$runtime" Version)"
expect_eq "Section" utils "$(field "$runtime" Section)"
expect_eq "Architecture" "$arch" "$(field "$runtime" Architecture)"
expect_match "Maintainer" '^.+ <[^@ ]+@[^ ]+>$' "$(field "$runtime" Maintainer)"
depends=$(field "$runtime" Depends)
if [[ -n "$fmt_package" ]]; then
    expect_match "Depends has $fmt_package" "(^|, )$fmt_package( \\(>= [^)]+\\))?(,|\$)" "$depends"
elif grep -q libfmt <<<"$depends"; then
    fail "Depends names libfmt, but churn links a static one: $depends"
fi
expect_match "Depends has libc6" '(^|, )libc6 \(>= [^)]+\)' "$depends"
expect_match "Description" '^customer churn and retention calculator' "$(field "$runtime" Description)"
expect_eq "dev Package" libchurn-dev "$(field "$dev" Package)"
expect_eq "dev Section" libdevel "$(field "$dev" Section)"
dpkg-deb -I "$runtime" >/dev/null && dpkg-deb -I "$dev" >/dev/null

files=$(dpkg-deb -c "$runtime" | awk '{print $NF}')
expected=(./usr/bin/churn ./usr/share/bash-completion/completions/churn ./usr/share/doc/churn/copyright)
if [[ -f "$build/churn.1.gz" ]]; then expected+=(./usr/share/man/man1/churn.1.gz); fi
for f in "${expected[@]}"; do
    grep -qxF "$f" <<<"$files" || { echo "$files"; fail "$f is not in the churn package"; }
done
grep -qE '^\./usr/share/zsh/(vendor-completions|site-functions)/_churn$' <<<"$files" ||
    fail "_churn is not in the churn package"
if grep -E '^\./usr/local/|/include/|\.a$' <<<"$files"; then fail "churn package holds dev or /usr/local files"; fi
dpkg-deb -c "$runtime" | grep ' \./usr/bin/churn$' | grep -q '^-rwxr-xr-x root/root' ||
    fail "usr/bin/churn is not -rwxr-xr-x root/root"
mkdir -p "$work/extract" && dpkg-deb -x "$runtime" "$work/extract"
if command -v file >/dev/null; then
    file "$work/extract/usr/bin/churn" | grep -q ', stripped' || fail "usr/bin/churn is not stripped"
fi
"$work/extract/usr/bin/churn" --version | grep -qx "churn $version" || fail "packaged churn --version"

devfiles=$(dpkg-deb -c "$dev" | awk '{print $NF}')
for f in ./usr/include/churn/churn.hpp ./usr/include/churn/version.hpp \
    ./usr/share/doc/libchurn-dev/copyright; do
    grep -qxF "$f" <<<"$devfiles" || { echo "$devfiles"; fail "$f is not in libchurn-dev"; }
done
for pattern in '/libchurn\.a$' '/pkgconfig/churn\.pc$' '/cmake/churn/churnConfig\.cmake$'; do
    grep -qE "$pattern" <<<"$devfiles" || fail "nothing like $pattern in libchurn-dev"
done
echo "packages: $(basename "$runtime") (Depends: $depends), $(basename "$dev")"
