# The rounds of one ./kb bench run summarised per page and layer: the median of each figure and its spread.
# Input (rounds.tsv, tab-separated): page layer round req/s p50 p99 errors requests load-before load-after idle% steal%
# Output (tab-separated), pages in the order met, layers L0 L1 L2 L3 "L3 uncached":
#   page layer rounds rps ±% p50 ±% p99 ±% errors ratio ±% load-min load-max idle% steal%
# Spread (±%) is the farthest round from the median, as a percentage of the median. The ratio to L1 (L2/L1, L3/L1,
# L3 uncached/L1) is taken round by round, from the same round's L1, then its median and spread as for the figures.
BEGIN {
    FS = OFS = "\t"
    split("L0|L1|L2|L3|L3 uncached", layers, "|"); nlayers = 5
}

function put(key, value) { count[key]++; values[key, count[key]] = value + 0 }

# The median of values[key, 1..count[key]] (sorted in place); spread() then reads the same sorted values.
function median(key,   n, i, j, v) {
    n = count[key]
    if (n == 0) return ""
    for (i = 2; i <= n; i++) {
        v = values[key, i]
        for (j = i - 1; j >= 1 && values[key, j] > v; j--) values[key, j + 1] = values[key, j]
        values[key, j + 1] = v
    }
    return (n % 2) ? values[key, (n + 1) / 2] : (values[key, n / 2] + values[key, n / 2 + 1]) / 2
}

function spread(key, mid,   lo, hi) {
    if (count[key] == 0) return ""
    if (mid == 0) return (values[key, count[key]] == 0) ? 0 : 100
    lo = mid - values[key, 1]; hi = values[key, count[key]] - mid
    return 100 * (lo > hi ? lo : hi) / mid
}

function figure(key,   m) { m = median(key); return (m == "") ? "\t" : m OFS sprintf("%.1f", spread(key, m)) }

{
    page = $1; layer = $2; round = $3
    if (!(page in seen)) { seen[page] = 1; pages[++npages] = page }
    k = page SUBSEP layer
    rounds[k]++
    put(k SUBSEP "rps", $4); put(k SUBSEP "p50", $5); put(k SUBSEP "p99", $6)
    errors[k] += $7
    put(k SUBSEP "load", $9); put(k SUBSEP "load", $10)
    put(k SUBSEP "idle", $11); put(k SUBSEP "steal", $12)
    rps[page, layer, round] = $4 + 0
    roundsOf[page, round] = 1
    if (round > maxround) maxround = round
}

END {
    for (p = 1; p <= npages; p++) {
        page = pages[p]
        for (r = 1; r <= maxround; r++) {
            if (!((page, r) in roundsOf) || !((page, "L1", r) in rps) || rps[page, "L1", r] <= 0) continue
            for (l = 3; l <= nlayers; l++) {
                if ((page, layers[l], r) in rps) put(page SUBSEP layers[l] SUBSEP "ratio", rps[page, layers[l], r] / rps[page, "L1", r])
            }
        }
        for (l = 1; l <= nlayers; l++) {
            k = page SUBSEP layers[l]
            if (!(k in rounds)) continue
            median(k SUBSEP "load")
            print page, layers[l], rounds[k], figure(k SUBSEP "rps"), figure(k SUBSEP "p50"), figure(k SUBSEP "p99"), errors[k] + 0,
                figure(k SUBSEP "ratio"), values[k, "load", 1], values[k, "load", count[k SUBSEP "load"]],
                median(k SUBSEP "idle"), (median(k SUBSEP "steal") == "" ? "" : values[k, "steal", count[k SUBSEP "steal"]])
        }
    }
}
