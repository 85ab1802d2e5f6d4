#!/usr/bin/env bash
# Benchmarks: churn against the tools a user would otherwise reach for, on generated files.
#   batch:  one file of period,start,lost,new,end, every tool writing period,churn_pct,retention_pct;
#   events: one order log customer_id,order_date,amount (bench/gen_events.c: 10M events of 1M
#           customers over 36 months), every tool computing SPEC §6 by month with K = 1 and
#           --orders rows (events.sql in DuckDB and SQLite, events_pandas.py, events.awk in mawk
#           and gawk, the ceiling ../shared/ceilings/events_fast.c), plus churn with its default
#           distinct orders and on a shuffled copy of the log.
#   cohort: the same order log, `churn cohort` (long form by month: sorted, shuffled and
#           --retention unbounded) against DuckDB running cohort.sql, checked byte for byte.
# Installs what it needs (Debian packages, DuckDB from npm into bench/node_modules), checks
# that every tool's output agrees with churn's (events: first on a 20 000-event log against
# events_ref.py, then on the big one), and writes each part's table into bench/RESULTS.md.
# Until the build has `churn events`, the events part says so, skips churn and checks the
# other tools against DuckDB.
#
#   bench/run.sh                      every part: 10 000 000 rows / events, 3 runs each
#   BENCH=events bench/run.sh         one part (batch, events or cohort)
#   ROWS=1000000 RUNS=5 bench/run.sh
#   TOOLS="churn c mawk duckdb" bench/run.sh
#   EVENTS=1000000 CUSTOMERS=100000 MONTHS=36 SEED=1 EVENT_TOOLS="churn-rows duckdb ceiling" BENCH=events bench/run.sh
#   EVENTS=1000000 COHORT_TOOLS="churn duckdb" BENCH=cohort bench/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rows=${ROWS:-10000000}
runs=${RUNS:-3}
tools=${TOOLS:-"churn c mawk gawk duckdb miller sqlite3 pandas python-csv"}
part=${BENCH:-all}
work=${BENCH_DIR:-/tmp/churn-bench}
mkdir -p "$work"

# ---- what the benchmark needs -------------------------------------------------------------
need=(hyperfine mawk gawk miller sqlite3 python3-pandas gcc time)
missing=()
for pkg in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
# Node.js and npm for DuckDB: the machine's own if it has them, else Debian's.
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
    sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[[ -d "$here/node_modules/@duckdb/node-api" ]] || (cd "$here" && npm install --no-audit --no-fund --silent)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCHURN_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$work/build" -j2 >/dev/null

# Replaces (or adds) the section of bench/RESULTS.md that starts with the heading "$1",
# keeping the other part's table as it was: standard input is the new section.
write_section() {
    local section
    section=$(cat)
    python3 - "$here/RESULTS.md" "$1" "$section" <<'EOF'
import os, sys
path, title, new = sys.argv[1], sys.argv[2], sys.argv[3].strip() + "\n"
old = open(path).read() if os.path.exists(path) else ""
parts = {}
for chunk in ("\n" + old).split("\n# ")[1:]:
    parts[chunk.split("\n", 1)[0]] = "# " + chunk.strip() + "\n"
parts[title[2:]] = new
order = ["churn batch benchmark", "churn events benchmark", "churn cohort benchmark"]
keys = [k for k in order if k in parts] + [k for k in parts if k not in order]
open(path, "w").write("\n".join(parts[k] for k in keys))
EOF
}

batch_part() {
gcc -O2 -o "$work/baseline" "$here/baseline.c"

data=$work/periods-$rows.csv
[[ -f "$data" ]] || python3 "$here/generate.py" "$rows" >"$data"
size=$(stat -c %s "$data")

# ---- the same computation in each tool ------------------------------------------------------
awk_program='NR == 1 { print "period,churn_pct,retention_pct"; next }
{ printf "%s,%.2f,%.2f\n", $1, $3 * 100 / $2, ($5 - $4) * 100 / $2 }'
cat >"$work/bench_pandas.py" <<'EOF'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1], dtype={"period": str})
out = pd.DataFrame({"period": d["period"],
                    "churn_pct": d["lost"] * 100 / d["start"],
                    "retention_pct": (d["end"] - d["new"]) * 100 / d["start"]})
out.to_csv(sys.argv[2], index=False, float_format="%.2f")
EOF
cat >"$work/bench_python_csv.py" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="") as f, open(sys.argv[2], "w", newline="") as o:
    r = csv.DictReader(f)
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["period", "churn_pct", "retention_pct"])
    for row in r:
        s = int(row["start"])
        w.writerow([row["period"], "%.2f" % (int(row["lost"]) * 100 / s),
                    "%.2f" % ((int(row["end"]) - int(row["new"])) * 100 / s)])
EOF
command_of() {
    local out=$work/out-$1.csv
    case $1 in
    churn) echo "$work/build/churn batch --fields period,churn_pct,retention_pct $data > $out" ;;
    c) echo "$work/baseline $data > $out" ;;
    mawk) echo "mawk -F, '$awk_program' $data > $out" ;;
    gawk) echo "gawk -F, '$awk_program' $data > $out" ;;
    duckdb) echo "node $here/duckdb.mjs $data $out" ;;
    miller) echo "mlr --icsv --ocsv --ofmt %.2f put '\$churn_pct = \$lost * 100.0 / \$start; \$retention_pct = (\$end - \$new) * 100.0 / \$start' then cut -o -f period,churn_pct,retention_pct $data > $out" ;;
    sqlite3) echo "sqlite3 :memory: -cmd '.mode csv' -cmd \".import $data t\" -cmd '.headers on' \"select period, printf('%.2f', lost * 100.0 / start) as churn_pct, printf('%.2f', (\\\"end\\\" - new) * 100.0 / start) as retention_pct from t\" > $out" ;;
    pandas) echo "/usr/bin/python3 $work/bench_pandas.py $data $out" ;;
    python-csv) echo "/usr/bin/python3 $work/bench_python_csv.py $data $out" ;;
    esac
}

# ---- check that everyone computes the same thing ---------------------------------------------
for t in $tools; do
    bash -c "$(command_of "$t")"
    # printf-style tools round the binary double, half to even: allow one unit in the last place.
    if ! python3 - "$work/out-churn.csv" "$work/out-$t.csv" <<'EOF'; then
import sys
a, b = (open(p).read().split("\n") for p in sys.argv[1:3])
assert len(a) == len(b), f"{len(a)} vs {len(b)} lines"
for i, (x, y) in enumerate(zip(a, b)):
    if x == y: continue
    fx, fy = x.split(","), y.split(",")
    assert fx[0] == fy[0] and all(abs(float(p) - float(q)) <= 0.0100001 for p, q in zip(fx[1:], fy[1:])), f"line {i+1}: {x} vs {y}"
EOF
        echo "bench: $t disagrees with churn" >&2
        exit 1
    fi
done

# ---- time and memory ---------------------------------------------------------------------------
args=()
for t in $tools; do args+=(-n "$t" "$(command_of "$t")"); done
hyperfine --style basic --runs "$runs" --export-json "$work/times.json" "${args[@]}" >&2
for t in $tools; do
    /usr/bin/time -f "%M" -o "$work/rss-$t" bash -c "$(command_of "$t")"
done

# into a variable first: with errexit a failed report stops here and leaves RESULTS.md as it was
section=$(python3 - "$work" "$rows" "$size" "$tools" <<'EOF'
import json, sys, platform, subprocess
work, rows, size, tools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split()
results = {r["command"]: r for r in json.load(open(f"{work}/times.json"))["results"]}
base = results["churn"]["median"]
print(f"# churn batch benchmark\n")
print(f"{rows:,} rows of `period,start,lost,new,end` ({size / 1e6:.0f} MB), each tool writing "
      "`period,churn_pct,retention_pct`; median of the runs, peak RSS of one run. "
      f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
      f"{platform.machine()}. Reproduce with `bench/run.sh` (see its header).\n")
print("| tool | median time | throughput | peak RSS | time / churn's |")
print("|---|---:|---:|---:|---:|")
for t in tools:
    r = results[t]
    rss = int(open(f"{work}/rss-{t}").read().split()[-1]) / 1024
    print(f"| {t} | {r['median']:.2f} s | {size / r['median'] / 1e6:.0f} MB/s | {rss:.0f} MiB | "
          f"{r['median'] / base:.2f}× |")
EOF
)
write_section "# churn batch benchmark" <<<"$section"
}

# ---- the order logs of the events and cohort parts ------------------------------------------
# event_logs N CUSTOMERS MONTHS SEED: generates (once) the big log, its shuffled copy and their
# 20 000-event small versions, and sets the caller's locals data, shuffled, small and
# small_shuffled to their paths (bash's dynamic scope: the caller declares them local).
event_logs() {
    local n=$1 customers=$2 months=$3 seed=$4
    gcc -O2 -o "$work/gen_events" "$here/gen_events.c" -lm
    # the generator's hash in the name: a changed generator never reuses a stale log
    local tag
    tag=$(sha1sum "$here/gen_events.c" | cut -c1-8)
    data=$work/events-$n-$customers-$months-$seed-$tag.csv
    shuffled=$work/events-$n-$customers-$months-$seed-$tag-shuffled.csv
    small=$work/events-20000-2000-$months-$seed-$tag.csv
    small_shuffled=$work/events-20000-2000-$months-$seed-$tag-shuffled.csv
    # log FILE ARGS...: written aside and renamed, so an interrupted run leaves no short log
    log() { [[ -f "$1" ]] || { "$work/gen_events" "${@:2}" >"$1.part" && mv "$1.part" "$1"; }; }
    log "$data" "$n" "$customers" "$months" "$seed"
    log "$shuffled" "$n" "$customers" "$months" "$seed" --shuffle
    log "$small" 20000 2000 "$months" "$seed"
    log "$small_shuffled" 20000 2000 "$months" "$seed" --shuffle
}

# ---- events: SPEC §6 on an order log ---------------------------------------------------------
events_part() {
    local n=${EVENTS:-10000000} months=${MONTHS:-36} seed=${SEED:-20261201}
    local customers=${CUSTOMERS:-$((n / 10))} runs=${EVENT_RUNS:-$runs}
    local etools=${EVENT_TOOLS:-"churn-rows churn churn-shuffled duckdb sqlite3 pandas mawk gawk ceiling"}
    local churn=$work/build/churn t data shuffled small small_shuffled
    event_logs "$n" "$customers" "$months" "$seed"

    if ! "$churn" events --help >/dev/null 2>&1; then
        echo "bench: this build has no \`churn events\`: skipping churn-rows, churn, churn-shuffled; the other tools are checked against DuckDB" >&2
        etools=$(for t in $etools; do [[ $t == churn* ]] || echo "$t"; done)
    fi
    local ceilings=${CEILINGS:-$root/../shared/ceilings}
    if [[ -f "$ceilings/events_fast.c" ]]; then
        gcc -O2 -I"$ceilings" -o "$work/events_fast" "$ceilings/events_fast.c"
    else
        echo "bench: no ../shared/ceilings/events_fast.c (set CEILINGS=DIR): skipping the ceiling" >&2
        etools=$(for t in $etools; do [[ $t == ceiling ]] || echo "$t"; done)
    fi
    etools=$(echo $etools)

    # the command of tool $1 on log $2 (its shuffled copy $3), writing $4
    event_command_of() {
        case $1 in
        churn-rows) echo "$churn events --orders rows $2 > $4" ;;
        churn) echo "$churn events $2 > $4" ;;
        churn-shuffled) echo "$churn events --orders rows $3 > $4" ;;
        duckdb) echo "node $here/duckdb_events.mjs $here/events.sql $2 $4" ;;
        sqlite3) echo "sqlite3 -csv -header :memory: '.import $2 raw' 'CREATE VIEW ev AS SELECT customer_id AS c, order_date AS d, CAST(round(amount * 100) AS INTEGER) AS cents FROM raw' '.read $here/events.sql' > $4" ;;
        pandas) echo "/usr/bin/python3 $here/events_pandas.py $2 $4" ;;
        mawk | gawk) echo "$1 -F, -f $here/events.awk $2 > $4" ;;
        ceiling) echo "$work/events_fast $2 > $4" ;;
        esac
    }

    # ---- check: the small log against the plain reference, then the big one against churn ----
    python3 "$here/events_ref.py" --orders rows "$small" >"$work/ev-small-ref-rows.csv"
    python3 "$here/events_ref.py" --orders distinct "$small" >"$work/ev-small-ref-distinct.csv"
    for t in $etools; do
        bash -c "$(event_command_of "$t" "$small" "$small_shuffled" "$work/ev-small-$t.csv")"
        local ref=$work/ev-small-ref-rows.csv
        [[ $t == churn ]] && ref=$work/ev-small-ref-distinct.csv
        python3 "$here/same_columns.py" "$ref" "$work/ev-small-$t.csv" ||
            { echo "bench: $t disagrees with events_ref.py on $small" >&2; exit 1; }
    done
    local base=churn-rows
    [[ " $etools " == *" churn-rows "* ]] || base=duckdb
    # the reference is timed too: the table's ratios are to it
    [[ " $etools " == *" $base "* ]] || etools="$base $etools"
    # the checking run of the big log is also the one whose peak memory is taken
    big() { /usr/bin/time -f "%M" -o "$work/ev-rss-$1" bash -c "$(event_command_of "$1" "$data" "$shuffled" "$work/ev-$1.csv")"; }
    big "$base"
    for t in $etools; do
        [[ $t == "$base" ]] && continue
        big "$t"
        # distinct orders are a different count: checked on the small log only
        [[ $t == churn ]] && continue
        python3 "$here/same_columns.py" "$work/ev-$base.csv" "$work/ev-$t.csv" ||
            { echo "bench: $t disagrees with $base on $data" >&2; exit 1; }
    done
    echo "bench: events outputs agree ($etools; reference $base)" >&2

    # ---- time --------------------------------------------------------------------------------
    local args=()
    for t in $etools; do args+=(-n "$t" "$(event_command_of "$t" "$data" "$shuffled" "$work/ev-$t.csv")"); done
    hyperfine --style basic --runs "$runs" --export-json "$work/ev-times.json" "${args[@]}" >&2

    local section
    section=$(python3 - "$work" "$n" "$customers" "$months" "$(stat -L -c %s "$data")" "$base" "$etools" "$runs" <<'PY'
import json, sys, platform, subprocess
work, n, customers, months, size, base, tools, runs = sys.argv[1:]
tools = tools.split()
results = {r["command"]: r for r in json.load(open(f"{work}/ev-times.json"))["results"]}
what = {"churn-rows": "`churn events --orders rows`", "churn": "`churn events` (distinct orders)",
        "churn-shuffled": "`churn events --orders rows`, shuffled log", "duckdb": "DuckDB, events.sql",
        "sqlite3": "sqlite3, events.sql", "pandas": "pandas, events_pandas.py",
        "mawk": "mawk, events.awk", "gawk": "gawk, events.awk",
        "ceiling": "ceiling: events_fast.c (no validation)"}
print("# churn events benchmark\n")
print(f"An order log of {int(n):,} events of {int(customers):,} customers over {months} months "
      f"({int(size) / 1e6:.0f} MB, `bench/gen_events.c`), every tool computing SPEC §6 by month "
      "(K = 1, every row an order) with outputs checked equal before timing; "
      f"{'one run' if runs == '1' else f'mean of {runs} runs'}, peak RSS of one run. Machine: "
      f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
      f"{platform.machine()}. Reproduce with `BENCH=events bench/run.sh` (see its header).")
if base != "churn-rows":
    print("\n`churn events` was not in the build: times are relative to DuckDB's.")
print(f"\n| tool | mean time | × {'churn' if base == 'churn-rows' else 'DuckDB'} | peak RSS |")
print("|---|---:|---:|---:|")
for t in tools:
    r = results[t]
    rss = int(open(f"{work}/ev-rss-{t}").read().split()[-1]) / 1024
    sd = f" ± {r['stddev']:.2f}" if r["stddev"] is not None else ""    # one run: no spread
    print(f"| {what[t]} | {r['mean']:.2f} s{sd} | "
          f"{r['mean'] / results[base]['mean']:.2f}× | {rss:.0f} MiB |")
PY
    )
    write_section "# churn events benchmark" <<<"$section"
}

# ---- cohort: SPEC §7 on the same order log -----------------------------------------------------
cohort_part() {
    local n=${EVENTS:-10000000} months=${MONTHS:-36} seed=${SEED:-20261201}
    local customers=${CUSTOMERS:-$((n / 10))}
    local ctools=${COHORT_TOOLS:-"churn churn-shuffled churn-unbounded duckdb"}
    local churn=$work/build/churn t data shuffled small small_shuffled
    event_logs "$n" "$customers" "$months" "$seed"
    if ! "$churn" cohort --help >/dev/null 2>&1; then
        echo "bench: this build has no \`churn cohort\`: nothing to compare DuckDB with" >&2
        exit 1
    fi

    # the command of tool $1 on log $2 (its shuffled copy $3), writing $4
    cohort_command_of() {
        case $1 in
        churn) echo "$churn cohort $2 > $4" ;;
        churn-shuffled) echo "$churn cohort $3 > $4" ;;
        churn-unbounded) echo "$churn cohort --retention unbounded $2 > $4" ;;
        duckdb) echo "node $here/duckdb_events.mjs $here/cohort.sql $2 $4" ;;
        esac
    }

    # ---- check: every classic output is churn's, byte for byte, on the small log then the big
    # one (unbounded is another table: only timed); the big log's checking run gives the RSS.
    # churn runs first: the others are compared with its output.
    local others=""
    for t in $ctools; do [[ $t == churn ]] || others+=" $t"; done
    ctools="churn$others"
    for t in $ctools; do
        bash -c "$(cohort_command_of "$t" "$small" "$small_shuffled" "$work/co-small-$t.csv")"
        [[ $t == churn-unbounded ]] || cmp "$work/co-small-churn.csv" "$work/co-small-$t.csv" ||
            { echo "bench: $t disagrees with churn cohort on $small" >&2; exit 1; }
    done
    for t in $ctools; do
        /usr/bin/time -f "%M" -o "$work/co-rss-$t" \
            bash -c "$(cohort_command_of "$t" "$data" "$shuffled" "$work/co-$t.csv")"
        [[ $t == churn-unbounded ]] || cmp "$work/co-churn.csv" "$work/co-$t.csv" ||
            { echo "bench: $t disagrees with churn cohort on $data" >&2; exit 1; }
    done
    echo "bench: cohort outputs agree ($ctools)" >&2

    # ---- time --------------------------------------------------------------------------------
    local args=()
    for t in $ctools; do args+=(-n "$t" "$(cohort_command_of "$t" "$data" "$shuffled" "$work/co-$t.csv")"); done
    hyperfine --style basic --runs "$runs" --export-json "$work/co-times.json" "${args[@]}" >&2

    local section
    section=$(python3 - "$work" "$n" "$customers" "$months" "$(stat -L -c %s "$data")" "$ctools" "$runs" \
        "$(($(wc -l <"$work/co-churn.csv") - 1))" <<'PY'
import json, os, sys, platform
work, n, customers, months, size, tools, runs, cells = sys.argv[1:]
tools = tools.split()
results = {r["command"]: r for r in json.load(open(f"{work}/co-times.json"))["results"]}
what = {"churn": "`churn cohort`", "churn-shuffled": "`churn cohort`, shuffled log",
        "churn-unbounded": "`churn cohort --retention unbounded`", "duckdb": "DuckDB, cohort.sql"}
load = os.getloadavg()[0]
print("# churn cohort benchmark\n")
print(f"The order log of the events benchmark ({int(n):,} events of {int(customers):,} customers "
      f"over {months} months, {int(size) / 1e6:.0f} MB), every tool writing the long form of "
      f"SPEC §7 by month ({cells} rows: cohort, age, period, customers, active, retention_pct, "
      "revenue, ltv, partial) with classic outputs checked equal to churn's, byte for byte, "
      f"before timing; {'one run' if runs == '1' else f'mean of {runs} runs'}, peak RSS of one "
      f"run. Machine: {os.cpu_count()} cores, {platform.machine()}, load average {load:.1f} at "
      "the end of the run. Reproduce with `BENCH=cohort bench/run.sh` (see its header).")
print("\n| tool | mean time | × churn | peak RSS |")
print("|---|---:|---:|---:|")
for t in tools:
    r = results[t]
    rss = int(open(f"{work}/co-rss-{t}").read().split()[-1]) / 1024
    sd = f" ± {r['stddev']:.2f}" if r["stddev"] is not None else ""    # one run: no spread
    print(f"| {what[t]} | {r['mean']:.2f} s{sd} | "
          f"{r['mean'] / results['churn']['mean']:.2f}× | {rss:.0f} MiB |")
PY
    )
    write_section "# churn cohort benchmark" <<<"$section"
}

case $part in
batch) batch_part ;;
events) events_part ;;
cohort) cohort_part ;;
all)
    # two lines, not `&&`: errexit must hold inside batch_part too
    batch_part
    events_part
    cohort_part
    ;;
*) echo "bench: BENCH is batch, events, cohort or all, not $part" >&2; exit 2 ;;
esac
cat "$here/RESULTS.md"
