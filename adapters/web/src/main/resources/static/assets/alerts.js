// The alert table: deduplicated by alert_id, newest first, capped, filtered locally.
import { $, el, clear } from './dom.js';
import { buildRow, updateStatus } from './rows.js';

const MAX_ROWS = 500;

export class AlertTable {
  constructor(table) {
    this.tbody = table.querySelector('tbody');
    this.rows = new Map(); // alert_id -> { alert, outcome, tr }
    this.matches = () => true;
    this.exchanges = new Set();
    this.onExchange = () => {};
  }

  get maxAlertId() {
    let max = -1;
    for (const id of this.rows.keys()) if (id > max) max = id;
    return max;
  }

  /** Adds an alert unless known; returns true when it was new. */
  add(alert, outcome, fresh = false) {
    const id = Number(alert.alert_id);
    if (!Number.isSafeInteger(id)) return false;
    if (this.rows.has(id)) {
      if (outcome && outcome.status !== 'pending') this.update({ ...outcome, alert_id: id });
      return false;
    }
    const tr = buildRow(alert, outcome);
    tr.hidden = !this.matches(alert);
    if (fresh) tr.classList.add('fresh');
    this.rows.set(id, { alert, outcome: outcome || { status: 'pending' }, tr });
    this.insert(id, tr);
    this.noteExchanges(alert.exchanges);
    this.trim();
    return true;
  }

  insert(id, tr) {
    // Usually the newest: first row. Older ones (initial load, replays) go to their place.
    let before = this.tbody.firstElementChild;
    while (before && Number(before.getAttribute('data-alert-id')) > id) before = before.nextElementSibling;
    this.tbody.insertBefore(tr, before);
  }

  trim() {
    while (this.rows.size > MAX_ROWS) {
      const last = this.tbody.lastElementChild;
      this.rows.delete(Number(last.getAttribute('data-alert-id')));
      last.remove();
    }
  }

  /** Whether any row still waits for its outcome. */
  hasPending() {
    for (const { outcome } of this.rows.values()) if (outcome.status === 'pending') return true;
    return false;
  }

  /** Applies an alert_update (or an outcome) to its row; unknown alert ids are ignored. */
  update(data) {
    const entry = this.rows.get(Number(data.alert_id));
    if (!entry) return false;
    entry.outcome = { ...entry.outcome, ...data };
    updateStatus(entry.tr, entry.outcome);
    return true;
  }

  setFilter(matches) {
    this.matches = matches;
    for (const { alert, tr } of this.rows.values()) tr.hidden = !matches(alert);
  }

  noteExchanges(names) {
    if (!Array.isArray(names)) return;
    for (const n of names) {
      if (typeof n === 'string' && n && !this.exchanges.has(n)) {
        this.exchanges.add(n);
        this.onExchange(n);
      }
    }
  }

  counts() {
    let shown = 0;
    for (const { tr } of this.rows.values()) if (!tr.hidden) shown++;
    return { total: this.rows.size, shown };
  }
}

export function renderCounts(table) {
  const { total, shown } = table.counts();
  $('#alert-count').textContent = total === shown ? `${total} alerts` : `${shown} of ${total} alerts shown`;
  $('#alerts-empty').hidden = shown > 0;
  $('#alerts-empty').textContent = total > 0 ? 'No alert matches the filters.' : 'Waiting for whale alerts…';
}

export function addExchangeOption(name) {
  const list = $('#exchange-names');
  list.append(el('option', { value: name }));
}

export { clear };
