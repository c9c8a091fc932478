// What the signed-in caller may do, from GET /v1/caller: the console offers only those actions
// (the server still checks each request, so a stale answer can only show a refusal, never pass).

import { api } from './api.js';

/** The caller's operations on one subject: a Set of 'read', 'write', 'delete', 'admin'. */
export async function subjectRights(subject) {
  const caller = await api('/v1/caller', { query: { subject } });
  return new Set(caller.subjects?.[subject] ?? []);
}

/** The caller's operations on the global config and mode. */
export function globalRights(caller) {
  return new Set(caller?.global ?? []);
}
