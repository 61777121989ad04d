// The Content-Security-Policy admits only the app's own scripts, and the app still hydrates
// and works under it: Chromium reports no violation on the sign-in page or the customer list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, signIn, DEMO_USERS, BASE_URL } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const [admin] = DEMO_USERS;

// Every CSP complaint of the page: console messages and `securitypolicyviolation` events
// (recorded by a script the browser runs before the page's own, outside its policy).
async function watchViolations(page) {
  const complaints = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) complaints.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return async () => [
    ...complaints,
    ...(await page.evaluate(() => window.__cspViolations ?? [])),
  ];
}

test('pages carry a nonce-based CSP with no inline-script allowance', async () => {
  // A page that runs the WebAssembly (the sign-in page runs none) and needs no session.
  const first = await fetch(`${BASE_URL}/pagina-que-nao-existe`);
  const second = await fetch(`${BASE_URL}/pagina-que-nao-existe`);
  const csp = first.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9_-]{16,}' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.notEqual(csp, second.headers.get('content-security-policy'), 'a fresh nonce each time');
  assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
  const nonce = csp.match(/'nonce-([^']+)'/)[1];
  const html = await first.text();
  assert.ok(html.includes(`nonce="${nonce}"`), 'the hydration script carries the nonce');
});

test('sign-in and the customer list hydrate and work with no CSP violation', async () => {
  const page = await newPage(browser);
  const violations = await watchViolations(page);

  // Signing in posts the form (form-action); the home page then hydrates (script-src, connect-src).
  await signIn(page, admin);
  await open(page, '/clientes');
  await page.locator('table.customers tbody tr').first().waitFor();
  // Hydrated, not just server-rendered: the body flag is set by the WebAssembly.
  assert.equal(await page.getAttribute('body', 'data-hydrated'), 'true');

  assert.deepEqual(await violations(), []);
  await page.context().close();
});
