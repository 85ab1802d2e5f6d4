#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the `sql: postgres` test: the ctest fixture starts it
# before and stops it after. It listens on a Unix socket only (no TCP port to collide with),
# trusts the local user `churn`, and runs in UTC with UTF-8 text.
#   tests/sql/postgres.sh start DIR    initdb + pg_ctl start (a cluster left in DIR is replaced)
#   tests/sql/postgres.sh stop DIR     pg_ctl stop, and the data removed
# DIR/env then says where it is (PGDATA=…, PGHOST=… the socket directory, LOG=…), for
# run_cases.py and for a person: `. DIR/env && psql -h "$PGHOST" -U churn -d postgres`.
# PostgreSQL refuses to run as root, so as root the server runs as `nobody`. Exit 77 (ctest's
# "skipped") when PostgreSQL is not installed.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
(($# == 2)) || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)

# The newest installed server: Debian puts each major version in /usr/lib/postgresql/N/bin
# (a /usr/local/bin/initdb may be a stray link, so it is not used).
shopt -s nullglob
servers=(/usr/lib/postgresql/*/bin)
bin=$( ((${#servers[@]} == 0)) || printf '%s\n' "${servers[@]}" | sort -V | tail -n 1)
if [[ -z $bin || ! -x $bin/initdb || ! -x $bin/pg_ctl ]]; then
    echo "postgres: skipped: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb;" \
        "Debian: apt-get install postgresql)" >&2
    exit 77
fi

as_server=()
if ((EUID == 0)); then
    as_server=(runuser -u nobody --)
fi

# Stops the cluster DIR/env names, if any, and removes its data and temporary folders.
stop_cluster() {
    [[ -f $dir/env ]] || return 0
    local PGDATA PGHOST TMPBASE=""
    # shellcheck disable=SC1091
    . "$dir/env"
    if [[ -f $PGDATA/postmaster.pid ]]; then
        "${as_server[@]}" "$bin/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null ||
            "${as_server[@]}" "$bin/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$PGDATA" "$PGHOST"
    [[ -z $TMPBASE ]] || rm -rf "$TMPBASE"
    rm -f "$dir/env"
}

case $action in
stop)
    stop_cluster
    exit 0
    ;;
start) ;;
*) usage ;;
esac

stop_cluster
# The socket's path (+ "/.s.PGSQL.5432") must fit a sockaddr_un (108 bytes), and the server's
# user must be able to reach its folders: else both go to a short temporary folder.
base=$dir
tmpbase=""
if ((${#base} > 80)) || { ((EUID == 0)) && ! runuser -u nobody -- test -x "$base"; }; then
    tmpbase=$(mktemp -d /tmp/churn-pg.XXXXXX)
    chmod 755 "$tmpbase"
    base=$tmpbase
fi
data=$base/data
socket=$base/socket
mkdir -p "$data" "$socket"
chmod 700 "$data"
log=$base/server.log
: >"$log"
if ((EUID == 0)); then
    chown nobody "$data" "$socket" "$log"
fi

if ! "${as_server[@]}" "$bin/initdb" -D "$data" -A trust -U churn -E UTF8 --locale=C \
    --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
fi
if ! "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-k $socket -c listen_addresses='' -c TimeZone=UTC -c fsync=off" start >/dev/null; then
    cat "$log" >&2
    exit 1
fi
printf 'PGDATA=%s\nPGHOST=%s\nTMPBASE=%s\nLOG=%s\n' "$data" "$socket" "$tmpbase" "$log" \
    >"$dir/env"
echo "postgres: $("$bin/postgres" --version) running, socket in $socket" >&2
