# docs/benchmarks/growth.svg: the p50 of every page against corpus size, one line per page, in two panels (uncached
# page, SQL only). Both axes are logarithmic, so equal slopes mean equal growth factors whatever a page costs.
# Input: as bench/growth.awk (claims, label, then a bench/summary.awk line); only L0 and "L3 uncached" are drawn.
BEGIN {
    FS = "\t"
    W = 340; H = 230; LEFT = 50; TOP = 30; GAP = 40; BOTTOM = 40   # one panel's plot area and margins
    split("#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #17becf", colour, " ")
    panel["L3 uncached"] = 1; panel["L0"] = 2
    title[1] = "page, uncached (L3 uncached)"; title[2] = "its SQL only (L0, pgbench)"
}

$4 in panel && $8 > 0 {
    claims = $1 + 0
    if (!(claims in named)) { named[claims] = $2; sizes[++nsizes] = claims }
    if (!($3 in pageNo)) { pageNo[$3] = ++npages; pages[npages] = $3 }
    p = panel[$4]; v[p, $3, claims] = $8
    if (!(p in lo) || $8 < lo[p]) lo[p] = $8
    if (!(p in hi) || $8 > hi[p]) hi[p] = $8
}

function log10(x) { return log(x) / log(10) }
function fmt(x) { return sprintf("%.1f", x) }
function corpus(label,   shown) { shown = label; sub(/m$/, "M", shown); return shown }
function xAt(p, c) { return LEFT + (p - 1) * (W + GAP + LEFT) + (nsizes == 1 ? W / 2 : W * (log(c) - log(sizes[1])) / (log(sizes[nsizes]) - log(sizes[1]))) }
function yAt(p, ms) { return TOP + H - H * (log10(ms) - bottom[p]) / (top[p] - bottom[p]) }

END {
    for (i = 2; i <= nsizes; i++) for (j = i; j > 1 && sizes[j - 1] > sizes[j]; j--) { t = sizes[j]; sizes[j] = sizes[j - 1]; sizes[j - 1] = t }
    width = 2 * (LEFT + W) + GAP + 20; legendRows = int((npages + 3) / 4); height = TOP + H + BOTTOM + 20 * legendRows + 10
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height
    print "<title>p50 per page against corpus size (claims), log–log</title>"
    printf "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height
    for (p = 1; p <= 2; p++) {
        if (!(p in lo)) continue
        bottom[p] = int(log10(lo[p]) + 10) - 10; top[p] = bottom[p] + 1
        while (top[p] < log10(hi[p])) top[p]++
        x0 = xAt(p, sizes[1]) - (nsizes == 1 ? W / 2 : 0)
        printf "<text x=\"%s\" y=\"%d\" font-weight=\"bold\">p50 ms, %s</text>\n", fmt(x0), TOP - 12, title[p]
        # Gridlines at 1, 2 and 5 of every decade.
        for (d = bottom[p]; d <= top[p]; d++) for (m = 1; m <= 5; m += (m == 1 ? 1 : 3)) {
            ms = m * 10 ^ d
            if (log10(ms) > top[p] + 1e-9) continue
            y = yAt(p, ms)
            printf "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n", fmt(x0), fmt(y), fmt(x0 + W), fmt(y), (m == 1 ? "#bbb" : "#e5e5e5")
            printf "<text x=\"%s\" y=\"%s\" text-anchor=\"end\">%s</text>\n", fmt(x0 - 4), fmt(y + 4), ms
        }
        for (i = 1; i <= nsizes; i++) {
            x = xAt(p, sizes[i])
            printf "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#e5e5e5\"/>\n", fmt(x), TOP, fmt(x), TOP + H
            printf "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", fmt(x), TOP + H + 16, corpus(named[sizes[i]])
        }
        printf "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">claims (log scale)</text>\n", fmt(x0 + W / 2), TOP + H + 32
        for (n = 1; n <= npages; n++) {
            points = ""
            for (i = 1; i <= nsizes; i++) if ((p, pages[n], sizes[i]) in v) {
                x = xAt(p, sizes[i]); y = yAt(p, v[p, pages[n], sizes[i]])
                points = points fmt(x) "," fmt(y) " "
                printf "<circle cx=\"%s\" cy=\"%s\" r=\"2.5\" fill=\"%s\"><title>%s at %s: %s ms</title></circle>\n", fmt(x), fmt(y), colour[n], pages[n], corpus(named[sizes[i]]), v[p, pages[n], sizes[i]]
            }
            if (points != "") printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n", points, colour[n]
        }
    }
    for (n = 1; n <= npages; n++) {
        x = LEFT + ((n - 1) % 4) * 170; y = TOP + H + BOTTOM + 14 + 20 * int((n - 1) / 4)
        printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>\n", x, y - 4, x + 18, y - 4, colour[n], x + 24, y, pages[n]
    }
    print "</svg>"
}
