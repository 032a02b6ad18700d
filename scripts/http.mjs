// HTTP as a signed-in browser does it, shared by the load harness and the crash test.

/// Signs `email` in through the login form; the session cookie (`hrdd_session=…`), or an Error.
export async function signIn(base, email, password) {
  const r = await fetch(`${base}/api/session/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = (r.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('hrdd_session='));
  if (!cookie) throw new Error(`sign-in of ${email} failed: ${r.status} ${(await r.text()).slice(0, 200)}`);
  return cookie;
}
