// Header badges and banners: connection state, /health (every 10 s) and the pipeline figures.
import { $, fmtPercent } from './dom.js';
import { getJson } from './api.js';

const CONN_TEXT = {
  idle: 'not connected', connecting: 'connecting…', connected: 'live', reconnecting: 'reconnecting', unauthorized: 'unauthorized',
};

export function showConnection(state, detail) {
  const badge = $('#conn-state');
  badge.setAttribute('data-state', state);
  badge.textContent = CONN_TEXT[state] || state;
  badge.title = detail || '';
  if (state === 'reconnecting' && detail) badge.textContent = 'reconnecting · ' + detail.replace(/^.*; /, '');
}

export function showAuthProblem(reason) {
  const banner = $('#auth-banner');
  banner.textContent = `Not authorized${reason ? ' (' + reason + ')' : ''}: paste an access token with read permission.`;
  banner.hidden = false;
  const panel = $('#token-panel');
  panel.open = true;
  $('#token-input').focus();
}

export function hideAuthProblem() {
  $('#auth-banner').hidden = true;
}

function problems(health) {
  const out = [];
  for (const [name, c] of Object.entries(health.components || {})) {
    if (c && c.status && c.status !== 'ok' && c.status !== 'up' && c.status !== 'healthy') {
      out.push(`${name}: ${c.detail || c.status}`);
    }
  }
  if (health.database && health.database !== 'connected') out.push('database: ' + health.database);
  return out;
}

export function showHealth(health) {
  const status = health && typeof health.status === 'string' ? health.status : 'unreachable';
  const badge = $('#health-state');
  badge.setAttribute('data-state', status);
  badge.textContent = 'health: ' + status;
  const banner = $('#health-banner');
  banner.setAttribute('data-state', status);
  if (status === 'healthy') {
    banner.hidden = true;
    banner.textContent = '';
    return;
  }
  const detail = status === 'unreachable' ? 'the server does not answer /health' : problems(health).join(' · ');
  banner.textContent = `Service ${status}${detail ? ': ' + detail : ''}`;
  banner.hidden = false;
}

export async function pollHealth() {
  try {
    showHealth(await getJson('/health', { auth: false }));
  } catch (e) {
    showHealth(null);
  }
}

export async function pollPipeline() {
  const out = $('#pipeline');
  try {
    const body = await getJson('/api/status');
    const p = body && body.pipeline;
    if (!p || typeof p.transactions !== 'number') throw new Error('no pipeline figures');
    const ms = (v) => (typeof v === 'number' ? Math.round(v) + ' ms' : '–');
    out.textContent = `${p.transactions ?? 0} tx · ${p.whales ?? 0} whales · latency p50 ${ms(p.detection_latency_p50_ms)} / p99 ${ms(p.detection_latency_p99_ms)}`;
    out.hidden = false;
  } catch (e) {
    out.hidden = true;
  }
}

export { fmtPercent };
