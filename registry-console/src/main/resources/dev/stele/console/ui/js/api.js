// The registry's REST API as the console calls it: the user's credentials on every request (kept
// in sessionStorage, so they end with the tab), answers as JSON, errors as ApiError.

const KEY = 'stele.console.credentials';
/** The API's root: where /ui is served from (a reverse proxy may add a prefix). */
const BASE = location.pathname.replace(/\/ui(\/.*)?$/, '');
const MEDIA = 'application/vnd.schemaregistry.v1+json';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const credentials = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY));
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

/** The Authorization header for a user and password (UTF-8, as the server reads it). */
export function basic(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return 'Basic ' + btoa(text);
}

export function bearer(token) {
  return 'Bearer ' + token.trim();
}

/**
 * Calls the API. options: method, body (sent as JSON), query (an object), authorization (to try
 * credentials before keeping them). credentials: 'omit' keeps the browser's own password prompt
 * away: a 401 is the console's to handle.
 */
export async function api(path, options = {}) {
  const headers = { Accept: MEDIA };
  const authorization = options.authorization ?? credentials.get()?.authorization;
  if (authorization) headers.Authorization = authorization;
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = MEDIA;
    body = JSON.stringify(options.body);
  }
  let url = BASE + path;
  if (options.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query)) {
      for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined && item !== null) q.append(k, item);
    }
    if ([...q].length) url += '?' + q;
  }
  let response;
  try {
    response = await fetch(url, { method: options.method ?? 'GET', headers, body, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 0, 'The registry did not answer: ' + e.message);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const message = json && json.message ? json.message : response.status + ' ' + response.statusText;
    throw new ApiError(response.status, json && json.error_code ? json.error_code : response.status, message);
  }
  return json;
}

/** Subject names go into paths encoded; a context-qualified name (:.ctx:name) too. */
export function subjectPath(subject) {
  return '/subjects/' + encodeURIComponent(subject);
}

/** The value of a call, or null when it answers 404 (a config or mode not set on a subject). */
export async function orNull(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
