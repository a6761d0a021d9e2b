// The alert WebSocket: auth as first message, resume_from on every (re)connect, backoff with jitter.
const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const PING_MS = 30000;

export class AlertSocket {
  /**
   * @param {object} o
   * @param {() => Promise<string>} o.url       where to connect
   * @param {() => string} o.token             the current token
   * @param {() => number|null} o.resumeFrom   highest alert_id seen, or null for "live only"
   * @param {(state: string, detail: string) => void} o.onState
   * @param {(msg: object) => void} o.onMessage
   */
  constructor(o) {
    Object.assign(this, o);
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.ping = null;
    this.stopped = true;
  }

  start() {
    this.stop();
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ping);
    if (this.ws) {
      this.ws.onclose = null;
      this.ws.close(1000, 'bye');
      this.ws = null;
    }
  }

  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  async connect() {
    this.onState('connecting', '');
    let url;
    try {
      url = await this.url();
    } catch (e) {
      this.retry('no WebSocket address: ' + e.message);
      return;
    }
    if (this.stopped) return;
    const ws = new WebSocket(url);
    this.ws = ws;
    let lastError = '';
    ws.onopen = () => {
      const auth = { type: 'auth', token: this.token() };
      const resume = this.resumeFrom();
      if (resume !== null && resume >= 0) auth.resume_from = resume;
      ws.send(JSON.stringify(auth));
    };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg.type === 'welcome') this.welcomed();
      if (msg.type === 'error') lastError = String(msg.message || '');
      this.onMessage(msg);
    };
    ws.onclose = (ev) => this.closed(ev, lastError);
  }

  welcomed() {
    this.attempt = 0;
    clearInterval(this.ping);
    this.ping = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    this.onState('connected', '');
  }

  closed(ev, lastError) {
    clearInterval(this.ping);
    this.ws = null;
    if (this.stopped) return;
    const reason = ev.reason || lastError;
    // 1008 is the server's policy close: no or bad or expired token. Rate limiting is retried.
    if (ev.code === 1008 && !/rate limit/i.test(reason)) {
      this.stopped = true;
      this.onState('unauthorized', reason || 'token refused');
      return;
    }
    this.retry(reason || (ev.code === 1006 ? 'connection lost' : 'closed (' + ev.code + ')'));
  }

  retry(why) {
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.5 + Math.random() * 0.5));
    this.attempt++;
    this.onState('reconnecting', `${why}; retry in ${Math.ceil(delay / 1000)} s`);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { if (!this.stopped) this.connect(); }, delay);
  }
}
