extension HTMLReport {
    /// Inline CSS: system fonts only, print rules, and colours that always come with a shape or words.
    static let stylesheet = """
    :root { --ink: #1b1b1b; --muted: #5f6368; --rule: #d0d5dd; --bg-alt: #f5f7fa; --focus: #1d3f8f; --england: #b45309;
      --better: #1a7f37; --worse: #b42318; --similar: #6b7280; --fband: #fff1b8; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 8px; }
    footer { max-width: 1120px; margin: 0 auto; padding: 8px 32px 32px; color: var(--muted); font-size: 13px; }
    h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 8px; }
    h2 { font-size: 22px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    section { margin: 36px 0; }
    code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
    .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 13px; }
    .lead { font-size: 17px; margin: 0 0 16px; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0 0 16px; }
    .facts div { background: var(--bg-alt); border-radius: 6px; padding: 8px 12px; }
    .facts dt { font-size: 12px; color: var(--muted); }
    .facts dd { margin: 0; font-size: 18px; font-weight: 600; }
    .toc { display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 0; margin: 0; list-style: none; font-size: 14px; }
    .toc li::before { content: "§ "; color: var(--muted); }
    a { color: var(--focus); }
    .tag { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 8px; background: #fde7c7; color: #7a3e00; vertical-align: middle; }
    .tag.ok { background: #dcf2e3; color: #0f5a26; }
    .tag.warn { background: #fbd5d1; color: #8a1c12; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 14px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
    th, td { padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: middle; text-align: left; }
    thead th { border-bottom: 2px solid var(--ink); font-size: 13px; vertical-align: bottom; }
    tbody th { font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .sub, .ci, .n, .small { font-size: 12px; color: var(--muted); }
    .small { font-size: 13px; }
    .muted { color: var(--muted); }
    .code { font-weight: 700; margin-right: 6px; white-space: nowrap; }
    .name { }
    table.headline tbody th .name { display: block; }
    .val { font-size: 17px; font-weight: 600; }
    .supp { font-weight: 700; color: var(--muted); }
    .caveat { display: block; font-size: 12px; color: #7a4b00; }
    .rel { white-space: nowrap; font-weight: 600; }
    .rel.better, .chg.improved { color: var(--better); }
    .rel.worse, .chg.declined { color: var(--worse); }
    .rel.similar, .chg.none { color: var(--similar); }
    .chg { font-weight: 600; white-space: nowrap; }
    .chg .arrow { font-size: 18px; }
    tr.nc td, tr.nc th { background: #fafafa; }
    .nc-flag { color: #7a3e00; font-size: 12px; font-weight: 600; }
    .chartcol { width: 272px; }
    table.change { table-layout: fixed; }
    table.change col.c-measure { width: auto; }
    table.change col.c-num { width: 92px; }
    table.change col.c-change { width: 150px; }
    table.change col.c-p { width: 72px; }
    table.change col.c-result { width: 220px; }
    svg { overflow: visible; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    svg.row { display: block; width: 260px; height: 44px; }
    .axis { stroke: #9aa0a6; stroke-width: 1; }
    .grid { stroke: #e6e8eb; stroke-width: 1; }
    .tick { font-size: 11px; fill: var(--muted); }
    .axtitle { font-size: 12px; fill: var(--muted); }
    .eband { fill: #f6d9b8; opacity: 0.55; }
    .eline { stroke: var(--england); stroke-width: 1.6; stroke-dasharray: 4 3; }
    .elabel { font-size: 12px; font-weight: 600; fill: var(--england); }
    .whisker { stroke: #8b929a; stroke-width: 1.2; }
    .whisker.better { stroke: #7fbf93; }
    .whisker.worse { stroke: #e39a92; }
    .whisker.similar { stroke: #a9afb7; }
    .whisker.focus { stroke: var(--focus); stroke-width: 2.2; }
    .mk { stroke: #fff; stroke-width: 0.6; }
    .mk.better { fill: var(--better); }
    .mk.worse { fill: var(--worse); }
    .mk.similar { fill: var(--similar); }
    .mk.england { fill: var(--england); }
    .mk.focus { fill: var(--focus); stroke: #fff; stroke-width: 1; }
    .fband { fill: var(--fband); }
    .lbl { font-size: 12px; fill: var(--ink); }
    .lbl.small { font-size: 10.5px; fill: #3c4043; }
    .lbl.muted { fill: var(--muted); }
    .lbl.strong { font-weight: 700; fill: var(--focus); }
    .halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 8px 0 4px; font-size: 13px; }
    .legend li { display: flex; align-items: center; gap: 6px; }
    svg.icon { flex: none; }
    figure.bench { margin: 8px 0 28px; break-inside: avoid; page-break-inside: avoid; }
    figure.bench h3 { margin-top: 16px; }
    svg.benchsvg { display: block; width: 100%; height: auto; max-width: 900px; }
    figcaption { font-size: 13px; color: var(--muted); margin: 4px 0; }
    details { margin: 4px 0 8px; }
    summary { cursor: pointer; color: var(--focus); font-size: 13px; }
    table.benchtable { max-width: 720px; font-size: 13px; }
    table.benchtable td, table.benchtable th { padding: 3px 8px; }
    tr.focusrow th, tr.focusrow td { background: var(--fband); font-weight: 700; }
    .distgrid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px 28px; }
    article.dist { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid var(--rule); padding-top: 4px; }
    article.dist h3 { margin: 8px 0 2px; font-size: 15px; }
    .qtext { font-size: 12.5px; color: var(--muted); margin: 0 0 6px; }
    svg.distbar { display: block; width: 100%; height: auto; margin: 4px 0; }
    .seg { stroke: #fff; stroke-width: 1; }
    .seg.withheld { fill: #d9dce0; }
    .seglbl { font-size: 12px; font-weight: 600; }
    table.dtable { font-size: 12.5px; margin: 4px 0; }
    table.dtable td, table.dtable th { padding: 2px 6px; }
    table.dtable { table-layout: fixed; }
    table.dtable col.d-code { width: 48px; }
    table.dtable col.d-share { width: 64px; }
    table.dtable col.d-ci { width: 104px; }
    .sw { display: inline-block; min-width: 22px; text-align: center; border-radius: 3px; font-weight: 700; font-size: 12px; padding: 0 4px; }
    p.n { margin: 2px 0 0; }
    .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .qgrid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 24px; align-items: start; }
    tr.warnrow th, tr.warnrow td { background: #fdf1ef; }
    .sev { font-weight: 600; white-space: nowrap; }
    .sev.err { color: var(--worse); }
    .sev.warn { color: #7a3e00; }
    .notes, .prov, .refs { font-size: 13.5px; padding-left: 20px; }
    .notes li, .prov li, .refs li { margin: 3px 0; }
    ol.footnotes { font-size: 13px; color: var(--muted); padding-left: 20px; }
    dl.method dt { font-weight: 700; margin-top: 10px; }
    dl.method dd { margin: 2px 0 0 0; max-width: 860px; }
    @media (max-width: 720px) { main { padding: 16px; } .chartcol { display: none; } .distgrid { grid-template-columns: 1fr; } }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { font-size: 11pt; }
      main, footer { max-width: none; padding: 0; }
      nav, summary { display: none; }
      section { margin: 18px 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      #benchmark, #distributions, #quality, #methods { break-before: page; page-break-before: always; }
      tr, figure, article, .qgrid table { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      caption { break-after: avoid; page-break-after: avoid; }
      a { color: inherit; text-decoration: none; }
      .distgrid { grid-template-columns: 1fr 1fr; }
      .chartcol { width: 200px; }
      .rel { white-space: normal; }
      svg.row { width: 196px; height: auto; }
      table.change col.c-result { width: 170px; }
    }

    """
}
