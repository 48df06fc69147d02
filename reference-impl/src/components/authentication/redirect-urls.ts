// Which redirect URLs the platform stores: only an absolute https URL
// with a host and without credentials. Altinn checks the scheme of a system's allowedRedirectUrls when
// the system is registered (AUTH.VLD-00005), not when it is updated, and matches a request's
// redirectUrl against the list without looking at its scheme (AUTH-00021 when nothing matches). The
// reference is stricter: the same rule on registration, on update and on every request's redirectUrl,
// so a `javascript:` or plain `http:` URL never enters the store, whatever the list held before.

/** Whether `value` is an absolute https URL with a host and no user name or password. */
export function isSafeRedirectUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false; // relative, or not a URL at all
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
