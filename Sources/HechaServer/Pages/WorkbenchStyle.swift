/// The workbench's style sheet: plain, readable at arm's length, and usable on a phone — below
/// 640 px each table row becomes a card with its column names beside the values.
enum WorkbenchStyle {
    static let text = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe2; --accent: #0b5cad; --warn: #b42318; --ok: #067647; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
        main.narrow { max-width: 360px; margin-top: 10vh; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        a { color: var(--accent); }
        header.top { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
        header.top .brand { font-weight: 700; text-decoration: none; font-size: 1.2rem; }
        header.top nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
        form label { display: block; margin: .5rem 0; }
        input, select, textarea, button, .button { font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; min-height: 2.5rem; }
        input, select, textarea { width: 100%; }
        button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); }
        button.link { background: none; border: none; color: var(--accent); padding: 0; min-height: 0; }
        button:disabled { opacity: .4; cursor: default; }
        .filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: .5rem; align-items: end; }
        .filters label { margin: 0; }
        table { width: 100%; border-collapse: collapse; background: #fff; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f6; font-weight: 600; }
        tr.overdue td { background: #fff4f2; } tr.concerned td { background: #fffbe6; font-weight: 600; }
        .status { font-weight: 700; } .status.overdue { color: var(--warn); } .status.confirmed { color: var(--warn); } .status.dismissed { color: var(--ok); }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; background: #fff; padding: .8rem; border: 1px solid var(--line); border-radius: 6px; }
        .meta dt { color: var(--muted); } .meta dd { margin: 0; word-break: break-all; }
        .notice { background: #fff8e1; border: 1px solid #f0d58a; padding: .6rem; border-radius: 6px; }
        .muted { color: var(--muted); } .error { color: var(--warn); } .ok { color: var(--ok); }
        .invalid { border-color: var(--warn); outline: 2px solid #f7c6c0; }
        pre { white-space: pre-wrap; word-break: break-all; background: #fff; border: 1px solid var(--line); padding: .8rem; font-size: .85rem; }
        .pager { display: flex; gap: 1rem; align-items: center; justify-content: center; margin: 1rem 0; }
        #outcome-form { background: #fff; padding: .8rem; border: 1px solid var(--line); border-radius: 6px; max-width: 560px; }
        [hidden] { display: none !important; }
        @media (max-width: 640px) {
          main { padding: .6rem; }
          table.cards thead { display: none; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
          table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; background: #fff; }
          table.cards td { border: none; padding: .2rem .6rem; display: flex; gap: .6rem; }
          table.cards td::before { content: attr(data-label); color: var(--muted); min-width: 6.5em; flex: none; }
          table.cards td[data-label=""]::before { content: none; }
          .meta { grid-template-columns: 1fr; } .meta dt { margin-top: .3rem; }
        }

        """
}
