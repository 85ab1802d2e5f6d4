# SPEC §6 by month with K = 1 and --orders rows, in awk (mawk or gawk), on a log with the
# header customer_id,order_date,amount in any row order:  awk -F, -f events.awk LOG.csv
# Per customer it keeps a string of " month:orders" tokens; everything else comes at the end.
# Money is summed in whole cents, which doubles hold exactly; rates are integer half-up.
NR == 1 { next }
$1 == "" { next }                                   # a guest
{
    m = substr($2, 1, 4) * 12 + substr($2, 6, 2) - 1
    if (lo == "" || m < lo) lo = m
    if (hi == "" || m > hi) hi = m
    if (dmin == "" || $2 < dmin) dmin = $2
    if ($2 > dmax) dmax = $2
    if ($3 < 0) { rev[m] -= int(-$3 * 100 + 0.5); next }   # a refund: money, not an order
    rev[m] += int($3 * 100 + 0.5)
    orders[m]++
    s = seen[$1]
    # sorted logs add to the customer's last month; otherwise a new token
    if (last[$1] == m) n[$1]++
    else {
        if (s != "") seen[$1] = s ":" n[$1] " " m
        else seen[$1] = m
        last[$1] = m; n[$1] = 1
    }
}
function half_up(a, b) { return int((a * 20000 + b) / (2 * b)) }
function pct(a, b,   h) {
    if (b == 0) return ""
    h = half_up(a, b)
    return sprintf("%d.%02d", int(h / 100), h % 100)
}
function money(c,   s) {
    s = c < 0 ? "-" : ""
    if (c < 0) c = -c
    return sprintf("%s%.0f.%02d", s, int(c / 100), c % 100)
}
END {
    for (c in seen) {
        k = split(seen[c] ":" n[c], tok, " ")
        # months with their orders, merged and sorted (a shuffled log repeats months)
        nm = 0
        for (i = 1; i <= k; i++) {
            split(tok[i], f, ":")
            for (j = 1; j <= nm && mon[j] != f[1] + 0; j++) ;
            if (j > nm) { nm++; mon[nm] = f[1] + 0; cnt[nm] = 0 }
            cnt[j] += f[2]
        }
        for (i = 2; i <= nm; i++)
            for (j = i; j > 1 && mon[j - 1] > mon[j]; j--) {
                t = mon[j]; mon[j] = mon[j - 1]; mon[j - 1] = t
                t = cnt[j]; cnt[j] = cnt[j - 1]; cnt[j - 1] = t
            }
        new[mon[1]]++
        cum = 0
        for (i = 1; i <= nm; i++) {
            p = mon[i]
            active[p]++
            cum += cnt[i]
            if (cum >= 2) rep[p]++
            if (i > 1 && mon[i - 1] < p - 1) ret[p]++
            if (i == nm || mon[i + 1] > p + 1) lost[p + 1]++
        }
    }
    print "period,start,lost,new,returned,end,active,churn_pct,retention_pct,orders,repeat,rpr_pct,revenue,arpu,partial"
    split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ")
    end_ = 0
    for (p = lo; p <= hi; p++) {
        start = end_
        end_ = start - lost[p] + new[p] + ret[p]
        a = active[p] + 0
        r = rev[p] + 0
        arpu = ""
        if (a > 0) arpu = (r < 0 ? "-" : "") money(int(((r < 0 ? -r : r) * 2 + a) / (2 * a)))
        y = int(p / 12); mo = p % 12 + 1
        days = dim[mo] + (mo == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        partial = (p == lo && substr(dmin, 9, 2) != "01") || (p == hi && substr(dmax, 9, 2) + 0 < days)
        printf "%04d-%02d,%d,%d,%d,%d,%d,%d,%s,%s,%d,%d,%s,%s,%s,%s\n", y, mo, start, lost[p],
            new[p], ret[p], end_, a, pct(lost[p], start), pct(start - lost[p], start),
            orders[p], rep[p], pct(rep[p], a), money(r), arpu, partial ? "true" : "false"
    }
}
