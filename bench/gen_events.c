/* Writes a deterministic, realistic order log for the events benchmark:
 *
 *     customer_id,order_date,amount
 *     C0000001,2021-01-01,37.12
 *
 *     gen_events EVENTS CUSTOMERS MONTHS SEED [--shuffle] [--refunds PERMILLE] > log.csv
 *
 * The log covers MONTHS whole months from 2021-01 (the first and the last day both have an
 * order, so no period is partial). Ids number the customers in order of acquisition, rows are
 * sorted by date (--shuffle: the same rows in a seeded random order, header first). Each
 * customer buys at their own pace from their first day until a lifetime drawn from a
 * geometric law ends; now and then they go quiet for months and come back, so monthly churn
 * and returns both occur; a few orders fall on the same day as the previous one. The pace is
 * tuned until the process yields at least EVENTS orders, and an exact random subset of the
 * repeat orders is then kept so that the log has exactly EVENTS rows and CUSTOMERS customers.
 * --refunds P turns P in a thousand of the repeat orders into refunds (negative amounts), to
 * check the refund rule on small logs (the ceiling does not read them).
 * Same arguments, same bytes: the only randomness is a seeded splitmix64. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng;
static uint64_t next64(void) {
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
/* uniform in (0, 1]: never 0, so log() below is finite */
static double unit(void) { return ((next64() >> 11) + 1) * (1.0 / 9007199254740992.0); }
/* failures before the first success of a Bernoulli(1/mean) trial: mean - 1 on average */
static uint32_t geometric(double mean) {
    if (mean <= 1.0) return 0;
    double g = floor(log(unit()) / log1p(-1.0 / mean));
    return g > 1e9 ? 1000000000u : (uint32_t)g;
}

static void die(const char *m) {
    fprintf(stderr, "gen_events: %s\n", m);
    exit(2);
}

static void *grow(void *p, size_t n, size_t size) {
    void *q = realloc(p, n * size);
    if (!q) die("out of memory");
    return q;
}

static uint32_t *cust;   /* customer index of each generated order */
static uint16_t *day;    /* its day, 0 = 2021-01-01 */
static size_t count, cap;

static void push(uint32_t c, uint32_t d) {
    if (count == cap) {
        cap = cap ? cap * 2 : 1u << 20;
        cust = grow(cust, cap, sizeof *cust);
        day = grow(day, cap, sizeof *day);
    }
    cust[count] = c;
    day[count] = (uint16_t)d;
    count++;
}

/* One pass of the buying process over all customers with regular gaps of about `pace` days. */
static void simulate(uint64_t seed, uint32_t customers, uint32_t days, double pace) {
    rng = seed;
    count = 0;
    for (uint32_t c = 0; c < customers; c++) {
        /* acquisition grows over time: the density of first days rises as day^0.25 */
        uint32_t first = (uint32_t)(days * pow((c + 0.5) / customers, 0.8));
        if (c == 0) first = 0;
        if (c == customers - 1) first = days - 1;
        double own_pace = pace * (0.4 + 1.2 * unit());
        uint64_t end = first + 1 + (uint64_t)geometric(500.0);   /* lifetime in days */
        uint64_t d = first;
        push(c, first);
        for (;;) {
            double u = unit();
            if (u >= 0.12) d += 1 + geometric(own_pace);
            else if (u >= 0.03) d += 45 + geometric(150.0);     /* quiet for months */
            /* else again the same day */
            if (d >= end || d >= days) break;
            push(c, (uint32_t)d);
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 5) die("usage: gen_events EVENTS CUSTOMERS MONTHS SEED [--shuffle] [--refunds P]");
    uint64_t events = strtoull(argv[1], 0, 10), customers = strtoull(argv[2], 0, 10);
    unsigned months = (unsigned)strtoul(argv[3], 0, 10);
    uint64_t seed = strtoull(argv[4], 0, 10);
    int shuffle = 0;
    unsigned refunds = 0;
    for (int i = 5; i < argc; i++) {
        if (!strcmp(argv[i], "--shuffle")) shuffle = 1;
        else if (!strcmp(argv[i], "--refunds") && i + 1 < argc) refunds = (unsigned)atoi(argv[++i]);
        else die("unknown argument");
    }
    if (customers == 0 || customers > events || customers > 99999999 || events > 2000000000)
        die("need 1 <= CUSTOMERS <= EVENTS, CUSTOMERS <= 99999999");
    if (months == 0 || months > 12 * 150) die("MONTHS must be 1 ... 1800");

    /* the date text of every day of the window */
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    char (*text)[12] = 0;
    uint32_t days = 0;
    for (unsigned m = 0; m < months; m++) {
        int y = 2021 + (int)(m / 12), mo = (int)(m % 12);
        int n = mdays[mo] + (mo == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
        text = grow(text, days + (size_t)n, sizeof *text);
        for (int d = 1; d <= n; d++) snprintf(text[days++], 12, "%04d-%02d-%02d", y % 10000, (mo + 1) % 100, d % 100);
    }
    if (days > 65535) die("window too long");

    /* tune the pace until the process makes at least `events` orders, not many more */
    double pace = 30.0;
    for (int pass = 0;; pass++) {
        simulate(seed, (uint32_t)customers, days, pace);
        if (count >= events && count <= events + events / 5) break;
        if (pass == 40 || pace < 0.05) die("cannot make that many events: too few customers or months");
        pace *= (double)count / ((double)events * 1.08);
    }

    /* keep every first order and an exact random subset of the others (selection sampling) */
    size_t kept = 0, need = events - customers, pool = count - customers;
    rng = seed ^ 0x5DEECE66Dull;
    for (size_t i = 0; i < count; i++) {
        int first = i == 0 || cust[i] != cust[i - 1];
        if (!first) {
            int take = (next64() % pool) < need;
            pool--;
            if (!take) continue;
            need--;
        }
        cust[kept] = cust[i];
        day[kept] = day[i];
        kept++;
    }

    /* sort by day, stably (a counting sort), so each customer's orders stay in order */
    size_t *at = calloc((size_t)days + 1, sizeof *at);
    uint32_t *scust = malloc(kept * sizeof *scust);
    uint16_t *sday = malloc(kept * sizeof *sday);
    if (!at || !scust || !sday) die("out of memory");
    for (size_t i = 0; i < kept; i++) at[day[i] + 1]++;
    for (uint32_t d = 0; d < days; d++) at[d + 1] += at[d];
    for (size_t i = 0; i < kept; i++) {
        size_t j = at[day[i]]++;
        scust[j] = cust[i];
        sday[j] = day[i];
    }
    free(cust);
    free(day);

    /* amounts: each customer has a usual basket; a refund is never a customer's first row */
    int32_t *cents = malloc(kept * sizeof *cents);
    uint8_t *seen = calloc(customers, 1);
    if (!cents || !seen) die("out of memory");
    rng = seed ^ 0xA5A5A5A5ull;
    for (size_t i = 0; i < kept; i++) {
        uint64_t h = (scust[i] + 1) * 0x9E3779B97F4A7C15ull;
        double basket = 800.0 + (double)(h >> 40) / (1 << 24) * 9000.0;
        int32_t v = (int32_t)(basket * (0.3 + 1.4 * unit())) + 99;
        if (seen[scust[i]] && refunds && next64() % 1000 < refunds) v = -v / 2;
        seen[scust[i]] = 1;
        cents[i] = v;
    }
    free(seen);

    uint32_t *order = malloc(kept * sizeof *order);
    if (!order) die("out of memory");
    for (size_t i = 0; i < kept; i++) order[i] = (uint32_t)i;
    if (shuffle) {
        rng = seed ^ 0x3C6EF372FE94F82Bull;
        for (size_t i = kept - 1; i > 0; i--) {
            size_t j = next64() % (i + 1);
            uint32_t t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    int width = 7;
    for (uint64_t c = customers; c >= 10000000; c /= 10) width++;
    static char buf[1 << 20];
    size_t len = 0;
    len += (size_t)sprintf(buf, "customer_id,order_date,amount\n");
    for (size_t k = 0; k < kept; k++) {
        size_t i = order[k];
        if (len > sizeof buf - 64) {
            fwrite(buf, 1, len, stdout);
            len = 0;
        }
        char *p = buf + len;
        *p++ = 'C';
        uint32_t id = scust[i] + 1;
        for (int w = width - 1; w >= 0; w--, id /= 10) p[w] = (char)('0' + id % 10);
        p += width;
        *p++ = ',';
        memcpy(p, text[sday[i]], 10);
        p += 10;
        *p++ = ',';
        int32_t v = cents[i];
        if (v < 0) *p++ = '-', v = -v;
        p += sprintf(p, "%d.%02d\n", v / 100, v % 100);
        len = (size_t)(p - buf);
    }
    fwrite(buf, 1, len, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) die("write failed");
    return 0;
}
