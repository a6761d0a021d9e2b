// One table row per alert: cells built from text nodes only.
import { el, clear, fmtBtc, fmtUsd, fmtTime } from './dom.js';

const TXID = /^[0-9a-f]{64}$/i;
const FLOWS = new Set(['inflow', 'outflow', 'internal', 'unknown']);

export function shortTxid(txid) {
  return typeof txid === 'string' && txid.length > 16 ? txid.slice(0, 8) + '…' + txid.slice(-6) : String(txid ?? '');
}

function txLink(txid) {
  const label = shortTxid(txid);
  if (!TXID.test(txid || '')) return el('span', { class: 'mono', title: String(txid ?? ''), text: label });
  return el('a', {
    class: 'mono', href: 'https://mempool.space/tx/' + txid.toLowerCase(), title: txid,
    target: '_blank', rel: 'noopener noreferrer', text: label,
  });
}

function flowBadge(flow) {
  const f = FLOWS.has(flow) ? flow : 'unknown';
  return el('span', { class: 'flow flow-' + f, text: f });
}

function urgency(score) {
  const v = typeof score === 'number' && Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  const level = v >= 0.75 ? 'high' : v >= 0.4 ? 'mid' : 'low';
  const bar = el('span', { class: 'urgency-bar' }, el('span', { class: 'urgency-fill urgency-' + level }));
  bar.firstChild.style.width = (v * 100).toFixed(0) + '%';
  return el('span', { class: 'urgency', title: 'urgency score ' + v.toFixed(2) },
    bar, el('span', { class: 'urgency-num', text: v.toFixed(2) }));
}

function cell(label, cls, ...children) {
  return el('td', { 'data-label': label, class: cls }, ...children);
}

/** The status cell content of an outcome ({status, confirmation_block, blocks_off, replaced_by, provisional}). */
export function statusContent(outcome) {
  const o = outcome || { status: 'pending' };
  const status = ['pending', 'confirmed', 'replaced', 'dropped'].includes(o.status) ? o.status : 'pending';
  const badge = el('span', { class: 'status status-' + status, text: status });
  let detail = '';
  let title = '';
  if (status === 'confirmed') {
    const off = Number.isInteger(o.blocks_off) ? o.blocks_off : null;
    detail = '#' + (o.confirmation_block ?? '?') + (off === null ? '' : off === 0 ? ' · on target' : ` · ${off > 0 ? '+' : ''}${off} blk`);
    if (typeof o.time_to_confirmation === 'number') title = 'confirmed after ' + Math.round(o.time_to_confirmation) + ' s';
  } else if (status === 'replaced') {
    detail = o.replaced_by ? 'by ' + shortTxid(o.replaced_by) : '';
    title = o.replaced_by ? 'replaced by ' + o.replaced_by : '';
  } else if (status === 'dropped') {
    detail = o.provisional ? 'provisional' : 'final';
  }
  return el('span', { class: 'status-wrap', title: title || undefined }, badge,
    detail ? el('span', { class: 'status-detail', text: detail }) : null);
}

export function buildRow(a, outcome) {
  const exchanges = Array.isArray(a.exchanges) ? a.exchanges.map(String) : [];
  const tr = el('tr', {
    'data-alert-id': a.alert_id, 'data-flow': FLOWS.has(a.flow_type) ? a.flow_type : 'unknown',
    'data-status': (outcome && outcome.status) || 'pending',
  },
  cell('Time', 'time', el('time', { datetime: a.detection_timestamp, title: a.detection_timestamp, text: fmtTime(a.detection_timestamp) })),
  cell('Transaction', 'tx', txLink(a.transaction_id), a.rbf_enabled ? el('span', { class: 'tag', title: 'signals RBF', text: 'RBF' }) : null),
  cell('Flow', 'flowcell', flowBadge(a.flow_type)),
  cell('Exchanges', 'exchanges', exchanges.length ? exchanges.join(', ') : '–'),
  cell('BTC', 'num btc', fmtBtc(a.btc_value)),
  cell('USD', 'num usd', fmtUsd(a.usd_value)),
  cell('Urgency', 'urgency-cell', urgency(a.urgency_score)),
  cell('Fee', 'num fee', typeof a.fee_rate === 'number' ? a.fee_rate.toFixed(1) + ' sat/vB' : '–'),
  cell('Predicted block', 'num block', a.predicted_confirmation_block != null ? '#' + a.predicted_confirmation_block : '–'),
  cell('Status', 'statuscell', statusContent(outcome)));
  return tr;
}

export function updateStatus(tr, outcome) {
  const td = tr.querySelector('td.statuscell');
  clear(td);
  td.append(statusContent(outcome));
  tr.setAttribute('data-status', outcome.status);
  tr.classList.remove('changed');
  void tr.offsetWidth; // restart the highlight animation
  tr.classList.add('changed');
}
