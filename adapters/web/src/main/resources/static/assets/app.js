// The dashboard: history from the REST API, live alerts over the WebSocket, filters, charts, health.
import { $ } from './dom.js';
import { adoptTokenFromUrl, getToken, setToken, clearToken } from './auth.js';
import { getJson, query, whenUnauthorized } from './api.js';
import { AlertTable, renderCounts, addExchangeOption } from './alerts.js';
import { readFilters, matcher, serverFilters, watchFilters } from './filters.js';
import { AlertSocket } from './socket.js';
import { showConnection, showAuthProblem, hideAuthProblem, pollHealth, pollPipeline } from './status.js';
import { ChartPanel } from './chartpanel.js';
import { websocketUrl } from './config.js';

adoptTokenFromUrl();

const form = $('#filters');
const table = new AlertTable($('#alerts'));
const charts = new ChartPanel();
let filters = readFilters(form);
let permissions = [];
let serverFiltered = false;
let historyLoaded = false;
let refused = false;
const OUTCOME_REFRESH_MS = 20_000;

table.onExchange = addExchangeOption;
table.setFilter(matcher(filters));

const socket = new AlertSocket({
  url: websocketUrl,
  token: getToken,
  resumeFrom: () => (table.rows.size ? table.maxAlertId : historyLoaded ? 0 : null),
  onState: (state, detail) => {
    showConnection(state, detail);
    if (state === 'unauthorized') showAuthProblem(detail);
  },
  onMessage,
});

function onMessage(msg) {
  switch (msg.type) {
    case 'welcome':
      permissions = Array.isArray(msg.permissions) ? msg.permissions : [];
      if (msg.server_version) $('#version').textContent = 'whalewatch ' + msg.server_version;
      subscribe();
      // Outcome changes between the history's load (or the last connection) and this one were sent to
      // no one: read the recent history again; known rows take the outcomes it has (deduplicated).
      if (historyLoaded) loadHistory();
      break;
    case 'whale_alert':
      if (msg.data && table.add(msg.data, null, true)) {
        renderCounts(table);
        charts.nudge();
      }
      break;
    case 'alert_update':
      if (msg.data) table.update(msg.data);
      break;
    case 'subscribed':
      subscribed(msg.filters || {});
      break;
    case 'error':
      if (/insufficient permissions/i.test(msg.message || '')) {
        note('Filtering in this browser only: the token may not set server-side filters (needs write).');
      } else if (msg.message) {
        note('Server: ' + msg.message);
      }
      break;
    default:
  }
}

function note(text) {
  $('#filter-note').textContent = text;
}

/** The server's echo of the filter it now applies (normalised), shown to the user. */
function subscribed(f) {
  const flows = Array.isArray(f.flow_types) ? f.flow_types : [];
  const exchanges = Array.isArray(f.exchanges) ? f.exchanges : [];
  const parts = [];
  if (flows.length) parts.push('flows ' + flows.join(', '));
  if (f.min_btc > 0) parts.push('≥ ' + f.min_btc + ' BTC');
  if (f.min_urgency > 0) parts.push('urgency ≥ ' + f.min_urgency);
  if (exchanges.length) parts.push('exchanges ' + exchanges.join(', '));
  $('#filter-note').setAttribute('data-server-flows', flows.join(','));
  note(parts.length ? `Filter applied on the server: ${parts.join(' · ')}${filters.maxBtc !== null ? ' (max BTC in this browser)' : ''}.` : '');
}

/** Sends the filters to the server when the token may (write); otherwise filters stay local. */
function subscribe() {
  const sf = serverFilters(filters);
  const wanted = Object.keys(sf).length > 0;
  if (!wanted && !serverFiltered) return;
  if (!permissions.includes('write')) {
    note('Filtering in this browser only: the token has no write permission for server-side filters.');
    return;
  }
  socket.send({ type: 'subscribe', filters: sf });
  serverFiltered = wanted;
}

async function loadHistory() {
  try {
    const body = await getJson('/api/predictions' + query({ limit: 100 }));
    for (const item of (body && body.items) || []) table.add(item, item.outcome || null);
    historyLoaded = true;
    if (/^History unavailable/.test($('#filter-note').textContent)) note('');
  } catch (e) {
    if (e.status !== 401) note('History unavailable (' + e.message + '): showing live alerts only.');
  }
  renderCounts(table);
}

async function start() {
  if (!getToken()) {
    showConnection('unauthorized', 'no token');
    showAuthProblem('no token');
    return;
  }
  hideAuthProblem();
  refused = false;
  await loadHistory();
  if (refused) return; // the API said 401: wait for a new token
  socket.start();
  charts.start(() => filters.exchange);
  pollPipeline();
}

whenUnauthorized(() => {
  refused = true;
  socket.stop();
  charts.stop();
  showConnection('unauthorized', 'token refused by the API');
  showAuthProblem('token refused by the API');
});

watchFilters(form, (f) => {
  const relaxed = serverFiltered;
  filters = f;
  table.setFilter(matcher(f));
  renderCounts(table);
  subscribe();
  charts.redrawFlows();
  // Alerts the old server-side filter held back: fetch the recent history again (deduplicated).
  if (relaxed && getToken()) loadHistory();
});

$('#token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('#token-input');
  if (!input.value.trim()) return;
  setToken(input.value);
  input.value = '';
  $('#token-status').textContent = 'Token saved in this browser.';
  $('#token-panel').open = false;
  start();
});

$('#token-clear').addEventListener('click', () => {
  clearToken();
  socket.stop();
  charts.stop();
  $('#token-status').textContent = 'Token removed from this browser.';
  showConnection('unauthorized', 'no token');
  showAuthProblem('no token');
});

pollHealth();
setInterval(pollHealth, 10_000);
setInterval(() => { if (getToken() && !refused) pollPipeline(); }, 10_000);
// A safety net for outcome updates a row missed (a resume replays outcomes only for the alerts it replays,
// and an alert replayed before the store has its row comes without one): while rows are pending, re-read
// the recent history now and then; rows only ever move away from 'pending' this way.
setInterval(() => { if (getToken() && !refused && historyLoaded && table.hasPending()) loadHistory(); }, OUTCOME_REFRESH_MS);
renderCounts(table);
start();
