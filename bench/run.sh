#!/usr/bin/env bash
# Benchmark: churn batch against the tools a user would otherwise reach for, on one generated
# file of period,start,lost,new,end, all computing period,churn_pct,retention_pct.
# Installs what it needs (Debian packages, DuckDB from npm into bench/node_modules), checks
# that every tool's output agrees with churn's, and writes bench/RESULTS.md.
#
#   bench/run.sh                      10 000 000 rows, 3 runs each
#   ROWS=1000000 RUNS=5 bench/run.sh
#   TOOLS="churn c mawk duckdb" bench/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rows=${ROWS:-10000000}
runs=${RUNS:-3}
tools=${TOOLS:-"churn c mawk gawk duckdb miller sqlite3 pandas python-csv"}
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
cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCHURN_BUILD_TESTS=OFF >/dev/null
cmake --build "$work/build" -j2 >/dev/null
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

python3 - "$work" "$rows" "$size" "$tools" >"$here/RESULTS.md" <<'EOF'
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
cat "$here/RESULTS.md"
