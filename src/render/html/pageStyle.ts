// The stylesheet of the trace page and the index, inlined into each file. Colours are custom properties, so that
// the light and the dark theme (the system's preference, or the page's theme button) differ in one place.

const SERVICE_COLOURS_LIGHT: readonly string[] = Object.freeze([
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#c9a227',
  '#9c755f',
  '#e377c2',
  '#7f7f7f',
  '#17becf',
]);
const SERVICE_COLOURS_DARK: readonly string[] = Object.freeze([
  '#79a6d9',
  '#ffa64d',
  '#7cc46f',
  '#d29ac6',
  '#8fd3cd',
  '#e8c547',
  '#c49a80',
  '#f59bd8',
  '#a6a6a6',
  '#4fd8e6',
]);

const LIGHT = `
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --panel-2: #eef1f4;
  --sel: #dbe9ff; --sel-edge: #0969da; --mark: #fff2b3; --mark-edge: #bf8700; --mark-fg: #6b4b00;
  --error: #cf222e; --error-bg: #ffebe9; --error-fg: #a40e26; --ok: #1a7f37; --skew: #8250df; --link: #0969da;
  --grid: #eaeef2; --bar-text: #1f2328; --track: #eef1f4;
  ${SERVICE_COLOURS_LIGHT.map((colour, i) => `--svc-${i}: ${colour};`).join(' ')}`;

const DARK = `
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --panel-2: #1c232c;
  --sel: #1d3557; --sel-edge: #4493f8; --mark: #3b2f0a; --mark-edge: #d29922; --mark-fg: #f2cc60;
  --error: #ff6b63; --error-bg: #3d1519; --error-fg: #ffa198; --ok: #3fb950; --skew: #bc8cff; --link: #58a6ff;
  --grid: #21262d; --bar-text: #e6edf3; --track: #1c232c;
  ${SERVICE_COLOURS_DARK.map((colour, i) => `--svc-${i}: ${colour};`).join(' ')}`;

/** The CSS of tracespec's HTML pages. */
export const PAGE_STYLE = `
:root { color-scheme: light; ${LIGHT} }
:root[data-theme="dark"] { color-scheme: dark; ${DARK} }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { color-scheme: dark; ${DARK} } }
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--fg); }
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
a { color: var(--link); }
button { font: inherit; color: inherit; }
h1 { font-size: 17px; margin: 0; }
h2 { font-size: 14px; margin: 0 0 8px; }
h3 { font-size: 12px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.muted { color: var(--muted); }
.warn { color: var(--error-fg); }
header.top { display: flex; align-items: center; gap: 16px; padding: 10px 16px; border-bottom: 1px solid var(--border); background: var(--panel); }
header.top .title { flex: 1; min-width: 0; }
header.top .sub { margin: 2px 0 0; color: var(--muted); overflow-wrap: anywhere; }
header.top .verdict { font-weight: 600; color: var(--error); margin-right: 6px; }
.tool { border: 1px solid var(--border); background: var(--bg); border-radius: 6px; padding: 4px 10px; cursor: pointer; white-space: nowrap; text-decoration: none; color: var(--fg); }
.tool:hover { border-color: var(--sel-edge); }
main { padding: 12px 16px 24px; }
.failure { border: 1px solid var(--error); border-left-width: 5px; background: var(--error-bg); border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
.failure h2 { color: var(--error-fg); font-size: 13px; margin: 0 0 6px; }
.failure pre.message { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 38vh; overflow: auto; color: var(--fg); }
.failure .marks { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
.mark-chip { border: 1px solid var(--mark-edge); background: var(--mark); color: var(--mark-fg); border-radius: 999px; padding: 2px 10px; cursor: pointer; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mark-chip:hover, .mark-chip:focus-visible { outline: 2px solid var(--sel-edge); }
.hop-note { color: var(--error-fg); font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 12px 0; color: var(--muted); }
.summary strong { color: var(--fg); }
.summary .errors strong { color: var(--error); }
section.map { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; margin-bottom: 12px; overflow-x: auto; background: var(--bg); }
.service-map { display: block; font-size: 12px; max-width: none; }
.service-map .node { cursor: pointer; }
.service-map .node-box { fill: var(--panel); stroke: var(--border); stroke-width: 1.2; }
.service-map .node:hover .node-box, .service-map .node:focus .node-box { stroke: var(--sel-edge); stroke-width: 2; }
.service-map .node:focus, .service-map .edge:focus { outline: none; }
.service-map .node.has-errors .node-box { stroke: var(--error); }
.service-map .node.broken .node-box { stroke: var(--error); stroke-width: 2.4; stroke-dasharray: 6 3; }
.service-map .node.ghost .node-box { stroke-dasharray: 4 3; fill: none; }
.service-map .node-name { fill: var(--fg); font-weight: 600; }
.service-map .node-counts { fill: var(--muted); font-size: 11px; }
.service-map .node-errors, .service-map .edge-errors { fill: var(--error); font-weight: 600; }
.service-map .node-broken, .service-map .edge-broken { fill: var(--error); font-weight: 700; font-size: 11px; }
.service-map .edge { cursor: pointer; }
.service-map .edge-line { fill: none; stroke: var(--muted); stroke-width: 1.6; pointer-events: none; }
.service-map .edge-hit { fill: none; stroke: transparent; stroke-width: 16; pointer-events: stroke; }
.service-map .edge:hover .edge-line, .service-map .edge:focus .edge-line { stroke: var(--sel-edge); stroke-width: 2.4; }
.service-map .edge.broken .edge-line { stroke: var(--error); stroke-width: 2.6; stroke-dasharray: 7 4; }
.service-map .arrow-head { fill: var(--muted); }
.service-map .arrow-head.broken { fill: var(--error); }
.service-map .edge-label { fill: var(--fg); font-size: 11px; paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
${Array.from({ length: 10 }, (_, i) => `.svc-${i} { --svc: var(--svc-${i}); }`).join('\n')}
.service-map .node-stripe { fill: var(--svc, var(--muted)); }
.trace-view { display: grid; grid-template-columns: minmax(0, 1fr) minmax(300px, 34%); gap: 12px; align-items: start; }
@media (max-width: 960px) { .trace-view { grid-template-columns: 1fr; } }
.waterfall { border: 1px solid var(--border); border-radius: 6px; overflow: hidden; --label: 48%; }
.wf-head { display: grid; grid-template-columns: var(--label) 1fr; border-bottom: 1px solid var(--border); background: var(--panel); height: 28px; }
.wf-head .label-head { padding: 5px 8px; font-weight: 600; border-right: 1px solid var(--border); }
.axis { position: relative; }
.axis .tick-label { position: absolute; top: 6px; transform: translateX(-50%); color: var(--muted); font-size: 11px; white-space: nowrap; }
.axis .tick-label:first-child { transform: none; padding-left: 4px; }
.axis .tick-label.end { transform: translateX(-100%); padding-right: 4px; }
#rows { position: relative; max-height: max(360px, calc(100vh - 240px)); min-height: 80px; overflow: auto; outline: none; }
#rows:focus-visible { box-shadow: inset 0 0 0 2px var(--sel-edge); }
#rows-spacer { position: relative; width: 100%; }
.row { position: absolute; left: 0; right: 0; height: 26px; display: grid; grid-template-columns: var(--label) 1fr; cursor: default; border-bottom: 1px solid var(--grid); }
.row:hover { background: var(--panel); }
.row.marked { background: var(--mark); }
.row.marked .label { box-shadow: inset 4px 0 0 var(--mark-edge); }
.row.selected { background: var(--sel); }
.row.selected .label { box-shadow: inset 4px 0 0 var(--sel-edge); }
.row.selected.marked .label { box-shadow: inset 4px 0 0 var(--sel-edge), inset 8px 0 0 var(--mark-edge); }
.label { display: flex; align-items: center; gap: 5px; min-width: 0; overflow: hidden; white-space: nowrap; border-right: 1px solid var(--border); padding-right: 6px; }
.toggle { width: 14px; flex: none; text-align: center; cursor: pointer; color: var(--muted); user-select: none; }
.toggle.leaf { cursor: default; }
.chip { display: inline-block; width: 10px; height: 10px; border-radius: 3px; background: var(--svc, var(--muted)); flex: none; }
.service { color: var(--muted); flex: none; max-width: 9em; overflow: hidden; text-overflow: ellipsis; }
.name { overflow: hidden; text-overflow: ellipsis; min-width: 2em; }
.row.error .name { color: var(--error); font-weight: 600; }
.kind { font-size: 10px; padding: 0 4px; border: 1px solid var(--border); border-radius: 4px; color: var(--muted); flex: none; }
.badge { font-size: 11px; padding: 0 6px; border-radius: 4px; flex: none; line-height: 17px; }
.badge-error { background: var(--error); color: #fff; font-weight: 600; }
.badge-skew { background: none; border: 1px solid var(--skew); color: var(--skew); }
.badge-flag { border: 1px solid var(--error); color: var(--error-fg); }
.badge-mark { background: var(--mark-edge); color: #fff; font-weight: 600; position: absolute; top: 4px; z-index: 1; max-width: 45%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge-mark.at-right { right: 4px; }
.badge-mark.at-left { left: 4px; }
.details-title .badge-mark { position: static; }
.lane { position: relative; overflow: hidden; }
.bar { position: absolute; top: 6px; height: 13px; border-radius: 3px; background: var(--svc, var(--muted)); opacity: .9; }
.bar-error { background: repeating-linear-gradient(135deg, var(--svc, var(--muted)) 0 5px, var(--error) 5px 8px); box-shadow: 0 0 0 1.5px var(--error); }
.bar-open { border-right: 3px dashed var(--error); }
.bar-skew { box-shadow: 0 0 0 1.5px var(--skew); }
.row.selected .bar { box-shadow: 0 0 0 2px var(--sel-edge); opacity: 1; }
.duration { position: absolute; top: 5px; font-size: 11px; color: var(--muted); white-space: nowrap; padding: 0 2px; }
.duration.inside { color: #fff; font-weight: 600; text-shadow: 0 0 2px rgba(0, 0, 0, .7); }
.tick { position: absolute; top: 3px; width: 2px; height: 19px; margin-left: -1px; background: var(--fg); opacity: .55; }
.tick-error { background: var(--error); opacity: 1; }
.trace-row { background: var(--panel-2); font-weight: 600; grid-template-columns: 1fr; }
.trace-row .label { border-right: none; }
.trace-row .trace-id { font-weight: 400; color: var(--muted); margin-left: auto; padding-right: 4px; }
.trace-row .trace-facts { font-weight: 400; color: var(--muted); }
.keys { padding: 6px 10px; border-top: 1px solid var(--border); color: var(--muted); background: var(--panel); font-size: 12px; }
kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: var(--bg); }
#details { border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; max-height: calc(100vh - 24px); overflow: auto; position: sticky; top: 12px; overflow-wrap: anywhere; }
.details-title { display: flex; align-items: center; gap: 6px; font-size: 15px; }
.details-marks { background: var(--mark); border: 1px solid var(--mark-edge); color: var(--mark-fg); border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
.details-skew { border: 1px solid var(--skew); border-radius: 6px; padding: 6px 8px; margin: 8px 0; }
table.facts, table.attributes { border-collapse: collapse; width: 100%; }
table.facts th, table.attributes th { text-align: left; vertical-align: top; font-weight: 500; color: var(--muted); padding: 2px 10px 2px 0; width: 38%; }
table.attributes th { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--fg); }
table.facts td, table.attributes td { padding: 2px 0; vertical-align: top; }
table.attributes tr + tr th, table.attributes tr + tr td, table.facts tr + tr th, table.facts tr + tr td { border-top: 1px solid var(--grid); }
.v-s { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap; }
.v-n, .v-b, .v-a { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--link); }
.v-placeholder { font-family: ui-monospace, monospace; font-size: 12px; color: var(--skew); font-style: italic; }
.status-error { color: var(--error); font-weight: 600; }
.status-ok { color: var(--ok); }
.event { border-left: 3px solid var(--border); padding: 4px 8px; margin: 6px 0; }
.event-error { border-left-color: var(--error); background: var(--error-bg); }
pre.stack { margin: 6px 0 0; max-height: 260px; overflow: auto; white-space: pre; font-size: 11px; background: var(--panel); padding: 6px; border-radius: 4px; }
ul.links { list-style: none; margin: 0; padding: 0; }
ul.links li { margin: 4px 0; }
.jump { border: none; background: none; padding: 0; color: var(--link); cursor: pointer; text-decoration: underline; text-align: left; }
.index-table { border-collapse: collapse; width: 100%; }
.index-table th, .index-table td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--border); }
.index-table th { color: var(--muted); font-weight: 600; background: var(--panel); }
.index-table pre { margin: 4px 0 0; white-space: pre-wrap; max-height: 9.5em; overflow: hidden; color: var(--fg); }
.index-table .file { color: var(--muted); }
.index-table .counts { white-space: nowrap; color: var(--muted); }
.no-trace { color: var(--muted); font-style: italic; }
.empty { padding: 24px; color: var(--muted); }
`;
