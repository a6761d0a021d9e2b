// REST calls with the bearer token. A 401 is reported to the listener (the page asks for a token).
import { getToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(listener) {
  onUnauthorized = listener;
}

export async function getJson(path, { auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  const token = getToken();
  if (auth && token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(path, { headers, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'server unreachable');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (response.status === 401 && auth) onUnauthorized();
  if (!response.ok && !(path === '/health' && body && body.status)) {
    const message = body && typeof body.error === 'string' ? body.error : 'HTTP ' + response.status;
    throw new ApiError(response.status, message);
  }
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
