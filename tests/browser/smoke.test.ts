import { test, expect } from 'vitest';
import { startServer } from '../support/server.ts';
import { launchBrowser, openContext, visit, runAxe, formatViolations, focused } from '../support/browser.ts';
test('smoke', async () => {
  const s = await startServer();
  const b = await launchBrowser();
  console.log(b.version());
  const c = await openContext(b, s.origin);
  const p = await c.newPage();
  let t = Date.now();
  await visit(p, s.origin + '/');
  console.log('load', Date.now() - t); t = Date.now();
  const r = await runAxe(p);
  console.log('axe', Date.now() - t, r.passes.length, formatViolations(r.violations));
  await p.keyboard.press('Tab');
  console.log(await focused(p));
  console.log(c.requests, c.problems);
  await c.close(); await b.close(); await s.stop();
});
