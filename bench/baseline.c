/* The yardstick of bench/run.sh: a hand-written C loop that only splits lines, parses the
 * integers of period,start,lost,new,end and prints period,churn_pct,retention_pct with
 * integer rounding half away from zero. No validation, no quoting: the floor for churn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out[1 << 16];
static size_t used;

static void put(const char* s, size_t n) {
    if (used + n > sizeof out) {
        fwrite(out, 1, used, stdout);
        used = 0;
    }
    memcpy(out + used, s, n);
    used += n;
}

static void put_pct(long long num, long long den) { /* num/den × 100, 2 decimals */
    long long scaled = num * 10000, q = scaled / den, r = scaled % den;
    if (2 * (r < 0 ? -r : r) >= den)
        q += scaled < 0 ? -1 : 1;
    char buf[32], *e = buf + sizeof buf, *b = e;
    unsigned long long u = (unsigned long long)(q < 0 ? -q : q);
    for (int i = 0; i < 2; i++, u /= 10)
        *--b = (char)('0' + u % 10);
    *--b = '.';
    do
        *--b = (char)('0' + u % 10);
    while (u /= 10);
    if (q < 0)
        *--b = '-';
    put(b, (size_t)(e - b));
}

int main(int argc, char** argv) {
    FILE* in = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!in)
        return 2;
    static char line[1 << 16];
    put("period,churn_pct,retention_pct\n", 31);
    fgets(line, sizeof line, in); /* header */
    while (fgets(line, sizeof line, in)) {
        char* p = line;
        char* period = p;
        while (*p != ',')
            p++;
        size_t plen = (size_t)(p - period);
        long long v[4];
        for (int i = 0; i < 4; i++)
            v[i] = strtoll(p + 1, &p, 10);
        long long start = v[0], lost = v[1], fresh = v[2], end = v[3];
        put(period, plen);
        put(",", 1);
        if (start > 0)
            put_pct(lost, start);
        put(",", 1);
        if (start > 0)
            put_pct(end - fresh, start);
        put("\n", 1);
    }
    fwrite(out, 1, used, stdout);
    return 0;
}
