// Where the alert WebSocket is: GET /api/config (no auth), else /ws on this host.
import { getJson } from './api.js';

let cached = null;

function usable(url) {
  const u = new URL(url, window.location.href);
  // A server bound to all interfaces advertises 0.0.0.0: the browser must use the page's host.
  if (['0.0.0.0', '[::]', '::', ''].includes(u.hostname)) u.hostname = window.location.hostname;
  if (window.location.protocol === 'https:' && u.protocol === 'ws:') u.protocol = 'wss:';
  return u.toString();
}

export async function websocketUrl() {
  if (cached) return cached;
  try {
    const body = await getJson('/api/config', { auth: false });
    if (body && typeof body.websocket_url === 'string') {
      if (body.version) document.querySelector('#version').textContent = 'whalewatch ' + body.version;
      cached = usable(body.websocket_url);
      return cached;
    }
  } catch (e) {
    // fall through: same host, /ws
  }
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/ws`;
}
