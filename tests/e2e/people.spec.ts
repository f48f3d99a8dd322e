import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import { API, chooseJoinOrg, fill, fitsPhone, launchBrowser, phoneContext, signIn, watchConsole, WEB } from '../support/browser.js';
import { newEmployer, newLearner, newWorld, signedIn, tokenOf, uniquePersonName, uniquePhone, uniqueTag, type World } from '../support/fixtures.js';

const stamp = uniqueTag();

/** The options of a select, by its label, without the "please choose" placeholder. */
const optionsOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((select) =>
    Array.from((select as HTMLSelectElement).options)
      .filter((o) => o.value)
      .map((o) => o.textContent?.trim() ?? ''),
  );

/** The error shown for a field, checked to be tied to the input for screen readers. */
async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId).toBeTruthy();
  return (await page.locator(`#${errorId}`).textContent())?.trim() ?? '';
}

describe('accounts (/manage/people) through the real Chinese pages', () => {
  let browser: Browser;
  const instructor = { phone: uniquePhone(), name: uniquePersonName('吴'), password: `Teach-${stamp}` };
  /** A county of its own: its club's coordinator makes the accounts, and a partner employer of the club. */
  let world: World;
  let CLUB = '';
  let EMPLOYER = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await newWorld({ place: '福州' });
    CLUB = world.club.name;
    EMPLOYER = (await newEmployer(world)).name;
  });
  afterAll(() => browser.close());

  it('a coordinator creates an instructor on her phone, finds her with the filters, and the instructor signs in', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);

    // The home page's "manage accounts" step leads here.
    await page.locator('a[href="/manage/people"]').first().click();
    await page.waitForURL(/\/manage\/people$/);
    await page.getByRole('heading', { name: zh['people.list.heading'] }).waitFor();
    await fitsPhone(page);
    await page.getByRole('link', { name: zh['people.list.new'] }).click();
    await page.waitForURL(/\/manage\/people\/new$/);
    await page.getByRole('heading', { name: zh['people.form.heading'] }).waitFor();
    await fitsPhone(page);

    // A coordinator is offered only the roles she may create; her club is chosen for her.
    expect(await optionsOf(page, zh['people.field.role'])).toEqual([zh['people.role.learner'], zh['people.role.instructor'], zh['people.role.employer']]);
    await page.getByText(zh['people.field.roleHintCoordinator']).waitFor();
    const orgSelect = page.getByLabel(zh['people.field.org'], { exact: true });
    expect(await orgSelect.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')).toContain(CLUB);
    // The password hint states the API's rule.
    await page.getByText(fill(zh['people.field.passwordHint'], { min: 8, max: 128 })).waitFor();

    await page.getByLabel(zh['people.field.phone'], { exact: true }).fill(instructor.phone);
    await page.getByLabel(zh['people.field.name'], { exact: true }).fill(instructor.name);
    await page.getByLabel(zh['people.field.role'], { exact: true }).selectOption({ label: zh['people.role.instructor'] });
    // With JavaScript, the learner and employer fields go away for an instructor.
    await page.getByLabel(zh['people.field.learnerType'], { exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByLabel(zh['people.field.employer'], { exact: true }).count()).toBe(0);
    await page.getByLabel(zh['people.field.password'], { exact: true }).fill(instructor.password);
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();

    const notice = page.getByRole('status').filter({ hasText: fill(zh['people.created.title'], { name: instructor.name }) });
    await notice.waitFor();
    await notice.getByText(fill(zh['people.created.details'], { role: zh['people.role.instructor'], phone: instructor.phone, org: CLUB })).waitFor();
    await notice.getByText(zh['people.created.remind']).waitFor();
    // The form is empty again for the next person, and the password typed is not on the page.
    expect(await page.getByLabel(zh['people.field.phone'], { exact: true }).inputValue()).toBe('');
    expect(await page.content()).not.toContain(instructor.password);

    // The list: filter by role and search by name.
    await page.goto(`${WEB()}/manage/people`);
    const search = page.getByRole('search', { name: zh['people.filter.label'] });
    await search.getByLabel(zh['people.filter.q'], { exact: true }).fill(instructor.name);
    await search.getByLabel(zh['people.filter.role'], { exact: true }).selectOption({ label: zh['people.role.instructor'] });
    await search.getByRole('button', { name: zh['people.filter.submit'] }).click();
    await page.waitForURL(/role=instructor/);
    await page.getByText(fill(zh['people.list.count'], { n: 1 })).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: instructor.name });
    await card.getByText(instructor.phone).waitFor();
    await card.getByText(zh['people.role.instructor']).waitFor();
    await fitsPhone(page);

    // Searching by the first digits of the phone, typed with spaces, finds her too; another role does not.
    await page.goto(`${WEB()}/manage/people?q=${encodeURIComponent(`${instructor.phone.slice(0, 3)} ${instructor.phone.slice(3)}`)}`);
    await page.getByRole('listitem').filter({ hasText: instructor.name }).waitFor();
    await page.goto(`${WEB()}/manage/people?role=learner&q=${instructor.phone}`);
    await page.getByText(zh['people.list.empty']).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The new instructor signs in with the password she was given.
    const hers = await phoneContext(browser);
    const herPage = await hers.newPage();
    await signIn(herPage, instructor.phone, instructor.password);
    await herPage.getByText(zh['people.role.instructor']).first().waitFor();
    await hers.close();
  });

  it('the instructor forgot her password: the coordinator gives her a new one, and the old one stops working', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.goto(`${WEB()}/manage/people?q=${instructor.phone}`);
    const card = page.getByRole('listitem').filter({ hasText: instructor.name });
    await card.getByText(zh['people.reset.open']).click();
    await card.getByRole('button', { name: fill(zh['people.reset.confirm'], { name: instructor.name }) }).click();
    const notice = card.getByRole('status');
    await notice.waitFor();
    const password = /新密码：([a-z2-9]{10})/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();

    const hers = await phoneContext(browser);
    const login = await hers.newPage();
    await login.goto(`${WEB()}/login`);
    await login.getByLabel(zh['common.field.phone'], { exact: true }).fill(instructor.phone);
    await login.getByLabel(zh['common.field.password']).fill(instructor.password);
    await login.getByRole('button', { name: zh['account.login.submit'] }).click();
    await login.getByText(zh['common.error.INVALID_CREDENTIALS']).first().waitFor();
    await signIn(login, instructor.phone, password);
    instructor.password = password;
    await hers.close();
  });

  it('shows bad input on the field, in Chinese: a malformed phone, a phone already used, a missing staff password', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.goto(`${WEB()}/manage/people/new`);

    await page.getByLabel(zh['people.field.phone'], { exact: true }).fill('12345');
    await page.getByLabel(zh['people.field.name'], { exact: true }).fill('测试');
    await page.getByLabel(zh['people.field.role'], { exact: true }).selectOption({ label: zh['people.role.instructor'] });
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();
    await page.getByRole('alert').waitFor();
    expect(await fieldError(page, zh['people.field.phone'])).toBe(zh['common.field.phone.invalid']);
    expect(await fieldError(page, zh['people.field.password'])).toBe(fill(zh['people.error.passwordRequired'], { min: 8, max: 128 }));
    // What she typed is kept.
    expect(await page.getByLabel(zh['people.field.name'], { exact: true }).inputValue()).toBe('测试');
    expect(await page.getByLabel(zh['people.field.role'], { exact: true }).inputValue()).toBe('instructor');

    // A phone that already has an account (a learner of the club): the API's refusal lands on the phone field.
    await page.getByLabel(zh['people.field.phone'], { exact: true }).fill((await newLearner(world)).phone);
    await page.getByLabel(zh['people.field.password'], { exact: true }).fill(`Teach-${stamp}`);
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();
    await page.getByText(zh['people.error.phoneTaken']).first().waitFor();
    expect(await fieldError(page, zh['people.field.phone'])).toBe(zh['people.error.phoneTaken']);
    expect(await page.getByLabel(zh['people.field.password'], { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin may create coordinators and admins; a coordinator may not', async () => {
    // A province of its own with a caring mother at its station; the coordinator is the file's, in another county.
    const province = await newWorld({ place: '甘肃', above: ['province', 'city'] });
    const volunteer = await newLearner(province);
    const { context, page } = await signedIn(browser, province.admin);
    await page.locator('a[href="/manage/people"]').first().click();
    await page.getByRole('link', { name: zh['people.list.new'] }).click();
    await page.waitForURL(/\/manage\/people\/new$/);
    const roles = await optionsOf(page, zh['people.field.role']);
    expect(roles).toEqual(
      expect.arrayContaining([
        zh['people.role.admin'],
        zh['people.role.coordinator'],
        zh['people.role.instructor'],
        zh['people.role.learner'],
        zh['people.role.employer'],
      ]),
    );
    await page.getByText(zh['people.field.roleHintAdmin']).waitFor();
    // The orgs of her province are offered, offices too.
    const county = fill(zh['orgs.picker.option'], { name: province.county.name, kind: zh['orgs.kind.county'] });
    expect((await optionsOf(page, zh['people.field.org'])).some((label) => label.endsWith(county))).toBe(true);
    // She sees accounts of her whole province; the coordinator's list holds only her club's.
    await page.goto(`${WEB()}/manage/people?q=${volunteer.phone}`);
    await page.getByRole('listitem').filter({ hasText: volunteer.phone }).waitFor();
    await context.close();

    const { context: coordinator, page: coordinatorPage } = await signedIn(browser, world.coordinator);
    await coordinatorPage.goto(`${WEB()}/manage/people?q=${volunteer.phone}`);
    await coordinatorPage.getByText(zh['people.list.empty']).waitFor();
    await coordinatorPage.goto(`${WEB()}/manage/people/new`);
    const hers = await optionsOf(coordinatorPage, zh['people.field.role']);
    expect(hers).not.toContain(zh['people.role.admin']);
    expect(hers).not.toContain(zh['people.role.coordinator']);
    expect((await optionsOf(coordinatorPage, zh['people.field.org'])).some((label) => label.includes(province.county.name))).toBe(false);
    await coordinator.close();
  });

  it('refuses a learner the way other manage pages do', async () => {
    const { context, page } = await signedIn(browser, await newLearner(world, { learnerType: 'migrant_worker' }));
    for (const path of ['/manage/people', '/manage/people/new']) {
      const response = await page.goto(`${WEB()}${path}`);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: zh['common.errorPage.403.title'] }).waitFor();
    }
    await context.close();
  });

  it('works without JavaScript: a coordinator creates employer staff, then a learner with a generated password', async () => {
    const { context, page } = await signedIn(browser, world.coordinator, { javaScriptEnabled: false });
    await page.locator('a[href="/manage/people"]').first().click();
    await page.getByRole('link', { name: zh['people.list.new'] }).click();
    await page.waitForURL(/\/manage\/people\/new$/);

    // Every field is on the page; the server reads only those of the chosen role.
    const staff = { phone: uniquePhone(), name: uniquePersonName('何') };
    await page.getByLabel(zh['people.field.phone'], { exact: true }).fill(staff.phone);
    await page.getByLabel(zh['people.field.name'], { exact: true }).fill(staff.name);
    await page.getByLabel(zh['people.field.role'], { exact: true }).selectOption({ label: zh['people.role.employer'] });
    await page.getByLabel(zh['people.field.learnerType'], { exact: true }).selectOption({ label: zh['people.learnerType.migrant_worker'] });
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();
    // No employer chosen and no password: both reported at once.
    await page.getByRole('alert').waitFor();
    expect(await fieldError(page, zh['people.field.employer'])).toBe(zh['people.error.employer']);
    expect(await fieldError(page, zh['people.field.password'])).toBe(fill(zh['people.error.passwordRequired'], { min: 8, max: 128 }));
    await page.getByLabel(zh['people.field.employer'], { exact: true }).selectOption({ label: EMPLOYER });
    await page.getByLabel(zh['people.field.password'], { exact: true }).fill(`Staff-${stamp}`);
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();
    await page.getByText(fill(zh['people.created.title'], { name: staff.name })).waitFor();
    await fitsPhone(page);

    // A learner with no password: the system makes one up, shown this once.
    const learner = { phone: uniquePhone(), name: uniquePersonName('孙') };
    await page.getByLabel(zh['people.field.phone'], { exact: true }).fill(learner.phone);
    await page.getByLabel(zh['people.field.name'], { exact: true }).fill(learner.name);
    await page.getByLabel(zh['people.field.role'], { exact: true }).selectOption({ label: zh['people.role.learner'] });
    await page.getByLabel(zh['people.field.learnerType'], { exact: true }).selectOption({ label: zh['people.learnerType.volunteer_mother'] });
    await page.getByRole('button', { name: zh['people.form.submit'] }).click();
    await page.getByText(fill(zh['people.created.title'], { name: learner.name })).waitFor();
    const generated = (await page.locator('.people-password').textContent())?.trim() ?? '';
    expect(generated).toMatch(/^[a-z2-9]{10}$/);
    await page.getByText(zh['people.created.temporaryOnce']).waitFor();

    // The GET filter form works without JavaScript too.
    await page.goto(`${WEB()}/manage/people`);
    await page.getByLabel(zh['people.filter.role'], { exact: true }).selectOption({ label: zh['people.role.employer'] });
    await page.getByLabel(zh['people.filter.q'], { exact: true }).fill(staff.phone);
    await page.getByRole('button', { name: zh['people.filter.submit'] }).click();
    await page.waitForURL(/role=employer/);
    await page.getByRole('listitem').filter({ hasText: staff.name }).waitFor();
    await context.close();

    // She signs in with the generated password; her home page asks her to choose one only she knows.
    const hers = await phoneContext(browser);
    const herPage = await hers.newPage();
    await signIn(herPage, learner.phone, generated);
    const askOwn = herPage.getByText(zh['account.password.fromStaff']);
    await askOwn.waitFor();
    await herPage.getByRole('link', { name: zh['account.me.password.link'] }).click();
    await herPage.waitForURL(/\/me\/password$/);
    await herPage.getByText(zh['account.password.fromStaff']).waitFor();
    await herPage.getByLabel(zh['account.password.current']).fill(generated);
    await herPage.getByLabel(zh['account.password.new'], { exact: true }).fill('only-she-knows-1');
    await herPage.getByLabel(zh['account.password.confirm']).fill('only-she-knows-1');
    await herPage.getByRole('button', { name: zh['account.password.submit'] }).click();
    await herPage.waitForURL(/\/me\?password=changed$/);
    await herPage.goto(`${WEB()}/app`);
    await herPage.getByRole('heading', { name: zh['home.app.nextSteps'] }).waitFor();
    expect(await askOwn.count()).toBe(0);
    await hers.close();
  });

  it('an imported learner claims her account with the activation code her coordinator generates here', async () => {
    const phone = uniquePhone();
    const name = uniquePersonName('郑');
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${API()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const accessToken = await tokenOf(world.coordinator);
    expect((await post('/api/imports/learners', { csv: `name,phone,learnerType\n${name},${phone},migrant_worker` }, accessToken)).status).toBeLessThan(300);

    const { context, page, problems } = await signedIn(browser, world.coordinator);
    await page.goto(`${WEB()}/manage/people?q=${phone}`);
    const card = page.getByRole('listitem').filter({ hasText: name });
    await card.getByText(zh['people.claim.pending'], { exact: true }).waitFor();
    await card.getByRole('button', { name: zh['people.claim.issue'] }).click();
    const notice = card.getByRole('status');
    await notice.waitFor();
    const code = (/(\d{4}) (\d{4})/.exec((await notice.textContent()) ?? '') ?? []).slice(1).join('');
    expect(code).toMatch(/^\d{8}$/);
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();

    // On her own phone: knowing the number is not enough; with the code she gets the account her club made.
    const hers = await phoneContext(browser);
    const reg = await hers.newPage();
    const regProblems = watchConsole(reg);
    await reg.goto(`${WEB()}/register`);
    await chooseJoinOrg(reg, world.tag, world.station.name);
    await reg.getByLabel(zh['common.field.name']).fill(name);
    await reg.getByLabel(zh['common.field.phone'], { exact: true }).fill(phone);
    await reg.getByLabel(zh['common.field.password']).fill('her-own-pass-1');
    await reg.getByLabel(zh['people.learnerType.migrant_worker'], { exact: false }).check();
    await reg.getByRole('button', { name: zh['account.register.submit'] }).click();
    await reg.getByText(zh['common.error.CLAIM_CODE_REQUIRED']).first().waitFor();
    expect(await fieldError(reg, zh['account.register.claimCode.label'])).toBe(zh['common.error.CLAIM_CODE_REQUIRED']);
    await reg.getByLabel(zh['account.register.claimCode.label'], { exact: true }).fill(`${code.slice(0, 4)} ${code.slice(4)}`);
    await reg.getByLabel(zh['common.field.password']).fill('her-own-pass-1');
    await reg.getByRole('button', { name: zh['account.register.submit'] }).click();
    await reg.waitForURL(/\/app$/);
    await reg.getByText(name).first().waitFor();
    expect(regProblems).toEqual([]);
    await hers.close();
  });
});
