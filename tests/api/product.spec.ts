import { describe, expect, it } from '@jest/globals';
import { API, DEMO, DEMO_PASSWORD, WEB } from '../support/browser.js';

/** Black-box checks of the running product, started exactly as `npm start` starts it. */
describe('the product as npm start runs it', () => {
  it('reports a healthy API with its database', async () => {
    const res = await fetch(`${API()}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI UI and spec', async () => {
    const ui = await fetch(`${API()}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const spec = await (await fetch(`${API()}/api/docs-json`)).json();
    expect(spec.openapi).toMatch(/^3\./);
  });

  it.each(Object.entries(DEMO))('the demo %s can sign in with the README password', async (role, phone) => {
    const res = await fetch(`${API()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const expectedRole = role === 'volunteer' ? 'learner' : role;
    expect(body.user.role).toBe(expectedRole);
  });

  it('serves the web home page in Chinese', async () => {
    const res = await fetch(`${WEB()}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
  });
});
