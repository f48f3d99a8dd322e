/**
 * Issue #15, items 6 and 7: the verify page checks the QR's signed token in the browser (also with the
 * network gone), and /verify checks a pasted credential step by step as an outside verifier would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { API, fitsPhone, launchBrowser, phoneContext, watchConsole, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { certify, newLearner, newWorld, tokenOf } from '../support/fixtures.js';
import { pdfImages } from '../support/pdf-images.js';

/** One character of a base64url string changed (in the middle, so the change is in the signed bytes). */
const tamper = (part: string) => {
  const i = Math.floor(part.length / 2);
  return part.slice(0, i) + (part[i] === 'A' ? 'B' : 'A') + part.slice(i + 1);
};

describe('verify: the QR token checked in the browser, and a pasted credential checked step by step', () => {
  let browser: Browser;
  let token: string;
  let code: string;
  let qrUrl: string;
  let credential: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh learner of a fresh club who earned a certificate; its credential is signed when first fetched.
    const world = await newWorld({ place: '金塔' });
    // Three characters: the token carries 王**.
    const learner = await newLearner(world, { name: '王桂兰', learnerType: 'migrant_worker' });
    code = (await certify(world, learner, 'LAW-MPL')).code;
    token = await tokenOf(world.coordinator);
    const pdf = await fetch(`${API()}/api/certificates/${code}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(200);
    const decoded = pdfImages(Buffer.from(await pdf.arrayBuffer()))
      .map((img) => jsQR(img.rgba, img.width, img.height))
      .find(Boolean);
    qrUrl = decoded!.data;
    expect(qrUrl).toMatch(/\/verify\/[0-9A-Z]+#t=[\w-]+\.[\w-]+\.[\w-]+$/);
    credential = (await apiCall<{ credential: string }>('GET', `/api/certificates/${code}/credential`, token)).credential;
  });
  afterAll(() => browser.close());

  it('the printed QR token verifies in the browser, a changed one does not, and the check needs no network', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    const [base, jws] = qrUrl.split('#t=');
    // The QR points at the web's public address; the test opens the same path on the web under test.
    const url = `${WEB()}${new URL(base).pathname}`;
    await page.goto(`${url}#t=${jws}`);
    const offline = page.locator('#offline-check');
    await offline.getByText(zh['certificates.offline.valid']).waitFor();
    await offline.getByText('王**').waitFor();
    await offline.getByText(/LAW-MPL/).waitFor();
    await fitsPhone(page);

    // One character of the payload changed (the masked name the token carries), on a freshly loaded page.
    const [h, p, s] = jws.split('.');
    await page.goto('about:blank');
    await page.goto(`${url}#t=${h}.${tamper(p)}.${s}`);
    await offline.getByText(zh['certificates.offline.invalid']).waitFor();
    expect(await offline.getByText('王**').count()).toBe(0);

    // The network gone, the fragment changes back to the genuine token: the page checks it again, offline.
    await context.setOffline(true);
    const requests: string[] = [];
    // The browser's own tab-icon request aside, nothing is fetched.
    page.on('request', (r) => requests.push(r.url()));
    await page.evaluate((t) => {
      location.hash = `t=${t}`;
    }, jws);
    await offline.getByText(zh['certificates.offline.valid']).waitFor();
    // And a changed signature, still offline, fails.
    await page.evaluate(
      (t) => {
        location.hash = `t=${t}`;
      },
      `${h}.${p}.${tamper(s)}`,
    );
    await offline.getByText(zh['certificates.offline.invalid']).waitFor();
    expect(requests.filter((u) => !u.endsWith('/favicon.svg'))).toEqual([]);
    await context.setOffline(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  /** Pastes a credential on /verify, submits, and returns the four steps' texts. */
  async function checkPasted(page: Page, text: string): Promise<string[]> {
    await page.getByRole('heading', { name: zh['certificates.check.heading'] }).waitFor();
    await page.getByLabel(zh['certificates.check.pasteLabel']).fill(text);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: zh['certificates.check.submit'] }).click(),
    ]);
    const steps = page.getByRole('list', { name: zh['certificates.check.resultLabel'] }).getByRole('listitem');
    await steps.first().waitFor();
    return steps.allInnerTexts();
  }

  it('a pasted credential passes four steps; a changed one fails its signature; after revocation, step 4 says revoked', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${WEB()}/verify`);
    const pass = `：${zh['certificates.check.state.pass']}`;

    const good = await checkPasted(page, credential);
    expect(good).toHaveLength(4);
    expect(good[0]).toContain(`${zh['certificates.check.step.signature']}${pass}`);
    expect(good[1]).toContain(`${zh['certificates.check.step.issuer']}${pass}`);
    expect(good[2]).toContain(`${zh['certificates.check.step.validity']}${pass}`);
    expect(good[3]).toContain(`${zh['certificates.check.step.status']}${pass}`);
    expect(good[3]).toContain('未撤销');
    await fitsPhone(page);

    const [h, p, s] = credential.split('.');
    const tampered = await checkPasted(page, `${h}.${tamper(p)}.${s}`);
    expect(tampered[0]).toContain(`${zh['certificates.check.step.signature']}：${zh['certificates.check.state.fail']}`);
    expect(tampered[0]).toContain('签名无效');
    expect(tampered.slice(1).every((step) => step.includes(zh['certificates.check.state.skip']))).toBe(true);

    await apiCall('POST', `/api/certificates/${code}/revoke`, token, { reason: 'issued_in_error' });
    const revoked = await checkPasted(page, credential);
    expect(revoked[0]).toContain(`${zh['certificates.check.step.signature']}${pass}`);
    expect(revoked[3]).toContain(`${zh['certificates.check.step.status']}：${zh['certificates.check.state.fail']}`);
    expect(revoked[3]).toContain('已撤销');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the credential form works without JavaScript, from an uploaded .jwt file', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${WEB()}/verify`);
    await page
      .getByLabel(zh['certificates.check.fileLabel'])
      .setInputFiles({ name: `certificate-${code}.jwt`, mimeType: 'application/vc+jwt', buffer: Buffer.from(credential) });
    await page.getByRole('button', { name: zh['certificates.check.submit'] }).click();
    const steps = page.getByRole('list', { name: zh['certificates.check.resultLabel'] }).getByRole('listitem');
    await steps.first().waitFor();
    const texts = await steps.allInnerTexts();
    expect(texts[0]).toContain(`${zh['certificates.check.step.signature']}：${zh['certificates.check.state.pass']}`);
    expect(texts[3]).toContain('已撤销');
    await context.close();
  });
});
