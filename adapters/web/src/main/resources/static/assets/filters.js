// The filter form: one object used locally (all fields) and sent to the server (what it supports).
import { $ } from './dom.js';

const ALL_FLOWS = ['inflow', 'outflow', 'internal', 'unknown'];

function num(input) {
  const v = input.value.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function readFilters(form) {
  const flows = ALL_FLOWS.filter((f) => form.querySelector(`input[name=flow][value=${f}]`).checked);
  return {
    flows,
    minUrgency: Number($('#min-urgency', form).value) || 0,
    minBtc: num($('#min-btc', form)),
    maxBtc: num($('#max-btc', form)),
    exchange: $('#exchange', form).value.trim(),
  };
}

export function isEmpty(f) {
  return f.flows.length === ALL_FLOWS.length && f.minUrgency === 0 && f.minBtc === null
    && f.maxBtc === null && f.exchange === '';
}

export function matcher(f) {
  const flows = new Set(f.flows);
  const exchange = f.exchange.toLowerCase();
  return (a) => flows.has(a.flow_type)
    && (a.urgency_score ?? 0) >= f.minUrgency
    && (f.minBtc === null || (a.btc_value ?? 0) >= f.minBtc)
    && (f.maxBtc === null || (a.btc_value ?? 0) <= f.maxBtc)
    && (exchange === '' || (Array.isArray(a.exchanges) && a.exchanges.some((e) => String(e).toLowerCase() === exchange)));
}

/** The server's subscription filter (it has no max_btc: that one stays local). */
export function serverFilters(f) {
  const out = {};
  if (f.flows.length && f.flows.length < ALL_FLOWS.length) out.flow_types = f.flows;
  if (f.minBtc !== null) out.min_btc = f.minBtc;
  if (f.minUrgency > 0) out.min_urgency = f.minUrgency;
  if (f.exchange) out.exchanges = [f.exchange];
  return out;
}

/** Calls back (debounced) whenever a filter changes. */
export function watchFilters(form, onChange) {
  let timer = null;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      $('#min-urgency-out', form).textContent = Number($('#min-urgency', form).value).toFixed(2);
      onChange(readFilters(form));
    }, 150);
  };
  form.addEventListener('input', fire);
  form.addEventListener('change', fire);
  form.addEventListener('reset', () => setTimeout(fire, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
}
