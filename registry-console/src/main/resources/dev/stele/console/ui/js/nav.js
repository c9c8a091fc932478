// Moving between the console's pages: the hash is the page (a deep link), so navigating is
// setting it; the shell (main.js) renders on every change.

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** Changes the query of the page shown without rendering it again (a search box typing). */
export function replaceQuery(hash) {
  history.replaceState(null, '', hash);
}
