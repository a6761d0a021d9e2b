// The access token: localStorage 'jwt_token'; '?token=' in the address logs the browser in once.
const KEY = 'jwt_token';

export function adoptTokenFromUrl() {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token.trim()) setToken(token);
  url.searchParams.delete('token');
  // The token must not stay in the address bar, the history or a bookmark.
  window.history.replaceState(null, '', url.pathname + (url.search ? url.search : '') + url.hash);
}

export function getToken() {
  try {
    return window.localStorage.getItem(KEY) || '';
  } catch (e) {
    return '';
  }
}

export function setToken(token) {
  window.localStorage.setItem(KEY, token.trim());
}

export function clearToken() {
  window.localStorage.removeItem(KEY);
}

/** The token's claims for display (not verified here: the server verifies). */
export function tokenClaims(token) {
  try {
    const part = token.split('.')[1];
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}
