/// The CSS of `report.html`, inline in the page.
enum ReportStyle {
    /// The page's CSS: desktop, phone width (the list as cards) and print (A4, the list as a table).
    static let text = """

    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #b42318; --bar: #c2410c; --bg: #f5f7fa; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.55 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; color: var(--ink); background: var(--bg); }
    header { background: #7f1d1d; color: #fff; padding: 20px 24px 16px; }
    header h1 { margin: 0 0 6px; font-size: 24px; letter-spacing: 0.02em; }
    .meta { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 22px; font-size: 14px; opacity: 0.95; }
    main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 8px; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 0 0 16px; }
    h2 { font-size: 18px; margin: 0 0 10px; border-left: 4px solid var(--accent); padding-left: 8px; }
    .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
    .card .label { color: var(--muted); font-size: 13px; }
    .card .value { font-size: 28px; font-weight: 600; color: var(--accent); font-variant-numeric: tabular-nums; }
    .card .value small { font-size: 13px; font-weight: 400; color: var(--muted); }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    thead th { background: #f0f4f8; white-space: nowrap; position: sticky; top: 0; }
    tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td small, .note { color: var(--muted); font-size: 12px; }
    .note { margin: 0 0 8px; }
    .file { font-size: 12px; color: var(--muted); word-break: break-all; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
    .findings td:nth-child(-n+3), .findings td.num { white-space: nowrap; }
    .findings td.num div { text-align: right; }
    .findings td:nth-child(4) { min-width: 170px; }
    .findings td.file { min-width: 170px; }
    .incomplete { border: 2px solid #b42318; background: #fef3f2; padding: 8px 14px; border-radius: 6px; }
    .findings .detail { color: var(--ink); font-size: 13px; word-break: normal; }
    .findings small.verify { display: block; max-width: 28em; white-space: normal; }
    td:first-child { white-space: nowrap; }
    table.sortable th { cursor: pointer; user-select: none; }
    table.sortable th::after { content: " ↕"; color: #9aa5b1; font-size: 11px; }
    table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: var(--ink); }
    table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: var(--ink); }
    .sev-high { color: var(--accent); font-weight: 600; }
    .sev-medium { color: #b45309; }
    .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
    figure { margin: 0; }
    figcaption { color: var(--muted); font-size: 12px; text-align: center; }
    .chart { width: 100%; max-width: 640px; height: auto; display: block; }
    .chart text { font-size: 13px; fill: var(--ink); }
    .chart text.value { fill: var(--muted); font-size: 12px; }
    .chart rect { fill: var(--bar); }
    .notrun { margin: 0; padding-left: 20px; }
    footer { text-align: center; color: var(--muted); font-size: 12px; padding: 4px 16px 24px; }
    .filters { display: flex; flex-wrap: wrap; gap: 6px 8px; margin: 0 0 8px; }
    .filters select, .filters input, .pager button { font: inherit; font-size: 14px; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
    .filters input { flex: 1 1 200px; min-width: 0; }
    .pager { display: flex; align-items: center; justify-content: center; gap: 12px; margin: 10px 0 0; font-size: 13px; color: var(--muted); }
    .pager button:disabled { opacity: 0.4; }
    /* phone width on screen only: a printed A4 page is narrower than 760 px but prints as a table */
    @media screen and (max-width: 760px) {
      header { padding: 14px 14px 12px; }
      header h1 { font-size: 19px; }
      main { padding: 10px 8px 4px; }
      section { padding: 12px 10px; }
      .cards { grid-template-columns: repeat(2, 1fr); gap: 8px; }
      .card { padding: 10px 12px; }
      .card .value { font-size: 22px; }
      .split { grid-template-columns: 1fr; }
      table { font-size: 13px; }
      th, td { padding: 5px 6px; }
      /* findings as cards: the headers become sort buttons, each cell is labelled */
      .findings, .findings tbody, .findings tr, .findings td { display: block; width: 100%; }
      .findings thead tr { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
      .findings thead th { position: static; border: 1px solid var(--line); border-radius: 12px; padding: 2px 8px; font-size: 12px; font-weight: 400; }
      .findings tbody tr { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 6px 10px; background: #fff; }
      .findings td { display: grid; grid-template-columns: 76px minmax(0, 1fr); gap: 8px; border: 0; padding: 2px 0; text-align: left; white-space: normal !important; min-width: 0 !important; }
      .findings td::before { content: attr(data-label); color: var(--muted); font-size: 12px; }
      .findings td[data-empty] { display: none; }
      .findings td.num div { text-align: left; }
      .filters select { flex: 1 1 40%; }
    }
    @page { size: A4 landscape; margin: 10mm 8mm; }
    @media print {
      body { background: #fff; font-size: 10px; }
      header { background: none; color: var(--ink); padding: 0 0 6px; border-bottom: 2px solid var(--ink); }
      main { max-width: none; padding: 6px 0 0; }
      section { break-inside: avoid; border: 0; padding: 0; margin: 0 0 10px; }
      section.list { break-inside: auto; }
      .cards { grid-template-columns: repeat(4, 1fr); }
      .card .value { font-size: 18px; }
      .scroll { overflow: visible; }
      table { font-size: 9px; }
      th, td { padding: 2px 4px; }
      thead { display: table-header-group; }
      thead th { position: static; }
      tr { break-inside: avoid; }
      .findings td:nth-child(4), .findings td.file { min-width: 0; }
      table.sortable th::after { content: ""; }
      .filters, .pager, .note { display: none; }
      .split { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
    }

    """
}
