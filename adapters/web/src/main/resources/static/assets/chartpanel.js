// Fetches the statistics and redraws the charts: every 30 s; sooner (5 s) while a chart has no data
// or after a burst of new alerts.
import { $ } from './dom.js';
import { getJson, query } from './api.js';
import { drawFlows, drawVolume, drawAccuracy, showError } from './charts.js';

const SLOW_MS = 30_000;
const FAST_MS = 5_000;
const BURST = 10; // alerts since the last refresh that make the charts stale

export class ChartPanel {
  constructor() {
    this.timer = null;
    this.flows = null;
    this.exchange = () => '';
    this.empty = true;
    this.running = false;
    this.arrived = 0;
    this.last = 0;
  }

  start(exchange) {
    this.exchange = exchange;
    this.stop();
    this.running = true;
    this.refresh();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = null;
  }

  /** A new alert arrived: refresh soon rather than in 30 s while a chart is empty or many arrived. */
  nudge() {
    this.arrived++;
    const due = this.empty || this.arrived >= BURST;
    if (due && this.timer !== null && Date.now() - this.last >= FAST_MS) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(), 1000);
    }
  }

  async refresh() {
    this.arrived = 0;
    this.last = Date.now();
    const from = new Date(Date.now() - 24 * 3600_000).toISOString();
    await Promise.all([
      this.load('#chart-flows', '/api/stats/flows' + query({ bucket: 'hour', from }), (c, b) => {
        this.flows = b;
        drawFlows(c, b, this.exchange());
      }),
      this.load('#chart-accuracy', '/api/stats/accuracy', drawAccuracy),
      this.load('#chart-volume', '/api/stats/volume' + query({ bucket: 'hour', from }), drawVolume),
    ]);
    // Poll fast only while the server answers but has no data yet (a fresh demo), not on errors.
    this.empty = ['#chart-flows', '#chart-volume'].some((s) => $(s).getAttribute('data-state') === 'empty');
    clearTimeout(this.timer);
    this.timer = this.running ? setTimeout(() => this.refresh(), this.empty ? FAST_MS : SLOW_MS) : null;
  }

  async load(selector, path, draw) {
    const container = $(selector);
    try {
      draw(container, await getJson(path));
    } catch (e) {
      showError(container, 'statistics unavailable: ' + e.message);
    }
  }

  redrawFlows() {
    if (this.flows) drawFlows($('#chart-flows'), this.flows, this.exchange());
  }
}
