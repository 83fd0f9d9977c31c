/// The report's inline stylesheet (no external fonts or images).
enum HTMLStyle {
    static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
    h1{margin-bottom:.25rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2rem}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#f6f8fa}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;word-break:break-all}
    .overall{font-size:2.5rem;font-weight:700}.muted{color:#59636e}
    .counts{list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap}.counts li{border-radius:1rem;padding:.2rem .8rem;background:#f6f8fa;border:1px solid #d0d7de}
    .sev{display:inline-block;min-width:4.5rem;font-weight:600;text-transform:uppercase;font-size:.8em}
    .sev-critical{color:#8b0000}.sev-high{color:#cf222e}.sev-medium{color:#9a6700}.sev-low{color:#0969da}.sev-info{color:#59636e}
    .verdict-fail{color:#cf222e;font-weight:600}.verdict-pass{color:#1a7f37;font-weight:600}.verdict-na{color:#59636e}
    details.control{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .8rem}
    details.control[open]{background:#fcfcfd}details.control summary{cursor:pointer}
    details.fail{border-left:4px solid #cf222e}details.pass{border-left:4px solid #1a7f37}details.na{border-left:4px solid #d0d7de}
    table.exempted{background:#fff8c5}.exempted-note{color:#9a6700;font-weight:600}
    svg.chart text{font-size:13px;fill:#1f2328}svg.chart .track{fill:#eaeef2}
    svg.chart .good{fill:#2da44e}svg.chart .fair{fill:#d4a72c}svg.chart .poor{fill:#cf222e}svg.chart .none{fill:#afb8c1}
    ul.errors li{color:#cf222e}
    """
}
