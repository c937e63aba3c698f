// The console's only way to the server: the public API, with the access token kept in memory.
// The refresh token never reaches JavaScript: login and register ask for it as an httpOnly cookie
// scoped to /api/v1/auth (X-Parley-Refresh-Cookie), and a 401 is answered by one silent refresh.
// Beside it the server sets parley_session=1, a cookie without any secret that JavaScript can
// read, so that a page load knows whether there is a session to resume before asking.

const REFRESH_COOKIE_HEADER = { 'X-Parley-Refresh-Cookie': 'true' };

let accessToken = null;
let refreshing = null;
const listeners = new Set();

/** Calls fn(signedIn) whenever the session starts or ends. */
export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function setToken(token) {
  const was = accessToken !== null;
  accessToken = token;
  if (was !== (token !== null)) listeners.forEach((fn) => fn(token !== null));
}

export function signedIn() {
  return accessToken !== null;
}

export function token() {
  return accessToken;
}

/** An error answer of the API: the RFC 9457 problem, with its status. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}

async function authRequest(path, body) {
  const response = await fetch(`/api/v1/auth/${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...REFRESH_COOKIE_HEADER },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const tokens = await response.json();
  setToken(tokens.access_token);
  return tokens;
}

/** login is an email or a username: the API's email field takes either. */
export function login(login, password) {
  return authRequest('login', { email: login, password });
}

export function register(fields) {
  return authRequest('register', fields);
}

/** Exchanges the refresh cookie for a new access token; false when there is no session to resume. */
export function refresh() {
  if (!document.cookie.split('; ').includes('parley_session=1')) {
    setToken(null);
    return Promise.resolve(false);
  }
  refreshing ??= authRequest('refresh')
    .then(() => true)
    .catch(() => {
      setToken(null);
      return false;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export async function logout() {
  try {
    await request('POST', '/api/v1/auth/logout', undefined, { headers: REFRESH_COOKIE_HEADER });
  } finally {
    setToken(null);
  }
}

/**
 * One API call. body is sent as JSON (or as is when it is FormData); the answer is parsed as JSON
 * (null for 204). A 401 triggers one silent refresh and a retry; other errors throw ApiError.
 */
export async function request(method, path, body, options = {}) {
  const send = () => {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  };
  let response = await send();
  if (response.status === 401 && accessToken !== null && !path.startsWith('/api/v1/auth/')) {
    if (await refresh()) response = await send();
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (options.raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const patch = (path, body, options) => request('PATCH', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);

/** The caller's profile, cached for the page's life (role decides the admin pages). */
let me = null;
export async function currentUser(reload = false) {
  if (reload || me === null) me = await get('/api/v1/auth/me');
  return me;
}
onSessionChange((on) => {
  if (!on) me = null;
});
