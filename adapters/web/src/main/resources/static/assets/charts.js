// The three charts: exchange flows, accuracy per window, alerts per hour. Hand-drawn SVG.
import { svg, el, clear, fmtBtc, fmtPercent } from './dom.js';
import { frame, niceScale, yAxis, xLabels, bar, message, lastHours, hourOf, plotW, plotH, PAD, W, y0 } from './svgchart.js';

const HOURS = 24;
const compact = (v) => (v >= 1000 ? String(Math.round(v / 10) / 100) + 'k' : String(Math.round(v * 100) / 100));

function mount(container, state, root, legend) {
  clear(container);
  container.setAttribute('data-state', state);
  container.append(root);
  if (legend) container.append(legend);
}

/** An error as wrapping HTML text (an SVG text line would be cut off in a narrow chart). */
export function showError(container, text) {
  mount(container, 'error', el('p', { class: 'chart-error', text }));
}

/** Inflow vs outflow per hour, summed over exchanges (or one exchange when the filter names it). */
export function drawFlows(container, body, exchange) {
  const wanted = (exchange || '').toLowerCase();
  const starts = lastHours(HOURS);
  const sums = new Map(starts.map((t) => [t, { inflow: 0, outflow: 0 }]));
  let name = exchange;
  for (const row of (body && body.series) || []) {
    if (wanted && String(row.exchange).toLowerCase() !== wanted) continue;
    if (wanted) name = String(row.exchange); // the server's spelling, not what was typed
    const s = sums.get(hourOf(row.start));
    if (!s) continue;
    s.inflow += Number(row.inflow_btc) || 0;
    s.outflow += Number(row.outflow_btc) || 0;
  }
  const values = starts.map((t) => sums.get(t));
  const totalIn = values.reduce((a, v) => a + v.inflow, 0);
  const totalOut = values.reduce((a, v) => a + v.outflow, 0);
  const label = `Exchange flows${wanted ? ' for ' + name : ''}, last 24 h: inflow ${fmtBtc(totalIn)} BTC, outflow ${fmtBtc(totalOut)} BTC`;
  const root = frame(label);
  const scale = niceScale(Math.max(...values.map((v) => Math.max(v.inflow, v.outflow))));
  const max = scale.max;
  yAxis(root, scale, compact);
  const step = plotW() / HOURS;
  const w = step * 0.38;
  values.forEach((v, i) => {
    const x = PAD.left + step * i + step * 0.1;
    const when = new Date(starts[i]).toLocaleString([], { hour: '2-digit', minute: '2-digit' });
    if (v.inflow > 0) root.append(bar(x, w, v.inflow, max, 'bar inflow', `${when} inflow ${fmtBtc(v.inflow)} BTC`, { 'data-series': 'inflow' }));
    if (v.outflow > 0) root.append(bar(x + w, w, v.outflow, max, 'bar outflow', `${when} outflow ${fmtBtc(v.outflow)} BTC`, { 'data-series': 'outflow' }));
  });
  xLabels(root, starts, 3);
  const has = totalIn + totalOut > 0;
  if (!has) message(root, 'no exchange flows in the last 24 h');
  const net = totalIn - totalOut;
  const legend = el('p', { class: 'legend' },
    wanted ? el('span', { class: 'only', text: name + ' only:' }) : null,
    el('span', { class: 'key inflow', text: `inflow ${fmtBtc(totalIn)} BTC` }),
    el('span', { class: 'key outflow', text: `outflow ${fmtBtc(totalOut)} BTC` }),
    el('span', { class: 'net', text: `net ${net >= 0 ? '+' : '−'}${fmtBtc(Math.abs(net))} BTC to exchanges` }));
  mount(container, has ? 'data' : 'empty', root, legend);
}

/** Alerts per hour over the last 24 h. */
export function drawVolume(container, body) {
  const starts = lastHours(HOURS);
  const counts = new Map(starts.map((t) => [t, { alerts: 0, btc: 0 }]));
  for (const row of (body && body.series) || []) {
    const c = counts.get(hourOf(row.start));
    if (c) {
      c.alerts += Number(row.alerts) || 0;
      c.btc += Number(row.btc) || 0;
    }
  }
  const values = starts.map((t) => counts.get(t));
  const total = values.reduce((a, v) => a + v.alerts, 0);
  const root = frame(`Alerts per hour, last 24 h: ${total} alerts`);
  const scale = niceScale(Math.max(...values.map((v) => v.alerts)), true);
  const max = scale.max;
  yAxis(root, scale, (v) => String(v));
  const step = plotW() / HOURS;
  values.forEach((v, i) => {
    if (v.alerts === 0) return;
    const when = new Date(starts[i]).toLocaleString([], { hour: '2-digit', minute: '2-digit' });
    root.append(bar(PAD.left + step * i + step * 0.15, step * 0.7, v.alerts, max, 'bar volume',
      `${when}: ${v.alerts} alerts, ${fmtBtc(v.btc)} BTC`, { 'data-series': 'alerts' }));
  });
  xLabels(root, starts, 3);
  if (total === 0) message(root, 'no alerts in the last 24 h');
  const legend = el('p', { class: 'legend' }, el('span', { class: 'key volume', text: `${total} alerts in 24 h` }));
  mount(container, total > 0 ? 'data' : 'empty', root, legend);
}

/** Accuracy and false-positive rate per window; "not enough samples" when the server says so. */
export function drawAccuracy(container, body) {
  const windows = (body && Array.isArray(body.windows)) ? body.windows : [];
  const warn = Number(body?.thresholds?.warning) || null;
  const crit = Number(body?.thresholds?.critical) || null;
  const root = frame('Prediction accuracy and false-positive rate per window');
  const rowH = plotH() / Math.max(1, windows.length);
  const left = 96;
  const width = W - left - PAD.right - 50;
  const any = windows.some((w) => w.sufficient);
  const limits = { warn, crit };
  windows.forEach((w, i) => root.append(accuracyRow(w, PAD.top + rowH * i, rowH, left, width, limits)));
  if (!windows.length) message(root, 'no accuracy windows reported');
  const legend = el('p', { class: 'legend' },
    el('span', { class: 'key accuracy', text: 'accuracy' }),
    el('span', { class: 'key fpr', text: 'false-positive rate (dropped)' }));
  mount(container, any ? 'data' : windows.length ? 'insufficient' : 'empty', root, legend);
}

function accuracyRow(w, top, rowH, left, width, { warn, crit }) {
  const g = svg('g', { 'data-window': w.window, 'data-sufficient': String(Boolean(w.sufficient)) });
  g.append(svg('text', { x: 8, y: top + rowH / 2 - 4, class: 'row-label', text: w.window }));
  g.append(svg('text', { x: 8, y: top + rowH / 2 + 12, class: 'row-sub', text: `${w.resolved ?? 0} resolved` }));
  if (!w.sufficient) {
    g.append(svg('text', { x: left, y: top + rowH / 2 + 4, class: 'insufficient',
      text: `not enough samples (${w.resolved ?? 0} of ${w.minimum_samples ?? '?'} needed)` }));
    return g;
  }
  // The alert thresholds as dashed ticks behind this row's bars (never across a text-only row).
  if (warn !== null) g.append(threshold(left + width * warn, top + 4, top + rowH - 4, 'warning ' + fmtPercent(warn), 'warn'));
  if (crit !== null) g.append(threshold(left + width * crit, top + 4, top + rowH - 4, 'critical ' + fmtPercent(crit), 'crit'));
  const bh = Math.min(16, rowH / 3);
  const acc = Number(w.accuracy) || 0;
  const fpr = Number(w.false_positive_rate) || 0;
  const accCls = warn !== null && acc < warn ? 'bar accuracy low' : 'bar accuracy';
  g.append(hbar(left, top + rowH / 2 - bh - 2, width * acc, bh, accCls, `accuracy ${fmtPercent(acc)} (${w.accurate} of ${w.resolved})`, 'accuracy'));
  g.append(svg('text', { x: left + width + 6, y: top + rowH / 2 - 5, class: 'row-val', text: fmtPercent(acc) }));
  g.append(hbar(left, top + rowH / 2 + 2, width * fpr, bh, 'bar fpr', `false-positive rate ${fmtPercent(fpr)} (${w.dropped} dropped)`, 'fpr'));
  g.append(svg('text', { x: left + width + 6, y: top + rowH / 2 + bh, class: 'row-val', text: fmtPercent(fpr) }));
  return g;
}

function hbar(x, y, w, h, cls, tip, series) {
  return svg('rect', { x, y, width: Math.max(1, w), height: h, class: cls, 'data-series': series }, svg('title', { text: tip }));
}

function threshold(x, y1, y2, tip, cls) {
  return svg('line', { x1: x, x2: x, y1, y2, class: 'threshold ' + cls }, svg('title', { text: tip }));
}
