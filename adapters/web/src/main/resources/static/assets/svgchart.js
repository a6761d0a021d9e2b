// A tiny SVG bar-chart kit: frame, axis, bars. Sizes are viewBox units; the SVG scales to its box.
import { svg } from './dom.js';

export const W = 440;
export const H = 210;
export const PAD = { left: 40, right: 8, top: 12, bottom: 26 };

export function frame(label) {
  return svg('svg', {
    viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: 'chart-svg',
    preserveAspectRatio: 'xMidYMid meet',
  }, svg('title', { text: label }));
}

/** A y scale with round tick steps (1, 2, 2.5, 5 x 10^k; whole steps for counts) and at most 5 ticks. */
export function niceScale(v, whole = false) {
  const top = v > 0 ? v : 1;
  for (let p = 10 ** Math.floor(Math.log10(top / 5)); ; p *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * p;
      if (whole && !Number.isInteger(step)) continue;
      const ticks = Math.ceil(top / step);
      if (ticks <= 5) return { max: step * ticks, step, ticks };
    }
  }
}

export function yAxis(root, scale, fmt) {
  const g = svg('g', { class: 'axis' });
  for (let i = 0; i <= scale.ticks; i++) {
    const y = y0() - (plotH() * i) / scale.ticks;
    g.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: i === 0 ? 'base' : 'grid' }));
    g.append(svg('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', text: fmt(scale.step * i) }));
  }
  root.append(g);
}

export function xLabels(root, starts, every) {
  const g = svg('g', { class: 'axis' });
  const step = plotW() / starts.length;
  starts.forEach((t, i) => {
    if ((starts.length - 1 - i) % every !== 0) return; // always label the current hour, at the right
    const text = new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
    g.append(svg('text', { x: PAD.left + step * (i + 0.5), y: H - 8, 'text-anchor': 'middle', text }));
  });
  root.append(g);
}

export function bar(x, w, value, max, cls, tip, extra = {}) {
  const h = max > 0 ? (plotH() * value) / max : 0;
  return svg('rect', { x, y: y0() - h, width: Math.max(0, w), height: Math.max(0, h), class: cls, ...extra },
    svg('title', { text: tip }));
}

export function message(root, text) {
  root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-msg', text }));
}

/** The last n hourly bucket starts (ms), oldest first, ending with the current hour. */
export function lastHours(n, now = Date.now()) {
  const hour = 3600_000;
  const end = Math.floor(now / hour) * hour;
  return Array.from({ length: n }, (_, i) => end - (n - 1 - i) * hour);
}

export function hourOf(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor(t / 3600_000) * 3600_000;
}

export const plotW = () => W - PAD.left - PAD.right;
export const plotH = () => H - PAD.top - PAD.bottom;
export const y0 = () => H - PAD.bottom;
