# The growth table of docs/benchmarks.md: the p50 of every page, uncached (L3 uncached) and SQL only (L0), per corpus
# size, and whether the largest corpus's p50 is within MAX_GROWTH times the smallest's.
# Input (tab-separated): claims, label (100k, 1m, 5m), then a bench/summary.awk line (page, layer, rounds, rps, ±%,
# p50, ±%, ...). Only the L0 and "L3 uncached" lines are read.
BEGIN { FS = "\t"; NOISY = 15; MAX_GROWTH = 1.5 }

$4 == "L0" || $4 == "L3 uncached" {
    claims = $1 + 0
    if (!(claims in named)) { named[claims] = $2; sizes[++nsizes] = claims }
    key = $3 SUBSEP $4
    if (!(key in rowSeen)) { rowSeen[key] = 1; rows[++nrows] = key }
    p50[key, claims] = $8; spread[key, claims] = $9
}

END {
    for (i = 2; i <= nsizes; i++) for (j = i; j > 1 && sizes[j - 1] > sizes[j]; j--) { t = sizes[j]; sizes[j] = sizes[j - 1]; sizes[j - 1] = t }
    small = sizes[1]; large = sizes[nsizes]
    header = "| page | layer |"; line = "| --- | --- |"
    for (i = 1; i <= nsizes; i++) { header = header " " corpus(named[sizes[i]]) " p50 ms |"; line = line " ---: |" }
    # With one corpus there is nothing to compare yet: no ratio columns.
    ratios = nsizes > 1
    print header (ratios ? " " corpus(named[large]) " ÷ " corpus(named[small]) " | within " MAX_GROWTH "× |" : "")
    print line (ratios ? " ---: | --- |" : "")
    for (r = 1; r <= nrows; r++) {
        key = rows[r]; split(key, kp, SUBSEP)
        out = "| " kp[1] " | " kp[2] " |"
        for (i = 1; i <= nsizes; i++) {
            c = sizes[i]
            out = out ((key, c) in p50 ? sprintf(" %.2f ±%.0f%% |", p50[key, c], spread[key, c]) : " – |")
        }
        verdict = "–"; ratio = "–"
        if (nsizes > 1 && ((key, small) in p50) && ((key, large) in p50) && p50[key, small] > 0) {
            g = p50[key, large] / p50[key, small]; ratio = sprintf("%.2f", g)
            if (spread[key, small] > NOISY || spread[key, large] > NOISY) verdict = "noisy"
            else verdict = (g <= MAX_GROWTH) ? "met" : "**missed**"
        }
        print out (ratios ? " " ratio " | " verdict " |" : "")
    }
}

# 100k, 1M, 5M: the labels as the report names corpora.
function corpus(label,   shown) { shown = label; sub(/m$/, "M", shown); return shown }
