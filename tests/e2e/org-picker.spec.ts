import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { zhCN as zh } from '../../apps/web/app/i18n/zh-CN.js';
import type { OrgKind } from '@hearth/contracts';
import { fill, fitsPhone, launchBrowser, WEB } from '../support/browser.js';
import { apiCall } from '../support/api.js';
import { chinaDay, newOrg, newPerson, newWorld, signedIn, tokenOf, uniqueTag, type World } from '../support/fixtures.js';

/**
 * The org select of a form when the caller's subtree is too big to list (the product runs with
 * ORG_PICKER_LIMIT=5, see tests/support/global-setup.mjs): a name search in its own GET form, the
 * matches labelled with their trail. The orgs here are this spec's own: a province with six clubs and
 * stations, and its admin.
 */
const tag = uniqueTag();
const CLUB = `同名俱乐部${tag}`;
const INSTRUCTOR = `选择讲师${tag}`;
let PROVINCE = '';
/** A club's trail from the province down (what comes before it, up to the root, is the same for all). */
const clubLabel = (city: string) => `${PROVINCE} › ${city} › ${fill(zh['orgs.picker.option'], { name: CLUB, kind: zh['orgs.kind.club'] })}`;
const fromProvince = (labels: string[]) => labels.map((l) => l.slice(l.indexOf(PROVINCE)));

const optionsOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((select) =>
    Array.from((select as HTMLSelectElement).options)
      .filter((o) => o.value)
      .map((o) => o.textContent?.trim() ?? ''),
  );
const chosen = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '');

describe('choosing an organisation in a big subtree', () => {
  let browser: Browser;
  let admin: string;
  let world: World;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    world = await newWorld({ place: '选择', above: ['province'] });
    admin = await tokenOf(world.admin);
    PROVINCE = world.above[0].name;
    const create = async (name: string, kind: OrgKind, parentId: string) => (await newOrg(world.admin, parentId, kind, name)).id;
    ids.province = world.above[0].id;
    ids.cityA = await create(`甲市${tag}`, 'city', ids.province);
    ids.cityB = await create(`乙市${tag}`, 'city', ids.province);
    // Two clubs of one name: only their trails tell them apart.
    ids.clubA = await create(CLUB, 'club', ids.cityA);
    ids.clubB = await create(CLUB, 'club', ids.cityB);
    // More clubs and stations than the picker lists (5).
    await create(`二号驿站${tag}`, 'station', world.club.id);
    await create(`三号驿站${tag}`, 'station', world.club.id);
    await newPerson(world.admin, 'instructor', ids.clubA, { name: INSTRUCTOR });
  });
  afterAll(() => browser.close());

  it('a province admin finds a club by name and opens a class there, without JavaScript', async () => {
    const { context, page } = await signedIn(browser, world.admin, { javaScriptEnabled: false });
    await page.getByRole('link', { name: zh['common.nav.manageClasses'] }).first().click();
    await page.waitForURL(/\/manage\/classes$/);
    await page.getByRole('link', { name: zh['classes.list.new'] }).click();
    await page.getByRole('heading', { name: zh['classes.new.heading'] }).waitFor();

    // Before a search: the first few clubs and stations, and how to find the others.
    const search = page.getByRole('search', { name: zh['orgs.picker.search.label'] });
    await search.waitFor();
    const first = await optionsOf(page, zh['classes.new.org']);
    expect(first.length).toBe(5);
    await page.getByText(new RegExp(fill(zh['orgs.picker.first'], { n: '\\d+', shown: 5 }))).waitFor();
    await fitsPhone(page);

    // Typed in the main form, then a search: the search form is a GET form of its own, before the main form.
    await search.getByLabel(zh['orgs.picker.search.label'], { exact: true }).fill(CLUB);
    await search.getByRole('button', { name: zh['orgs.picker.search.submit'] }).click();
    await page.waitForURL((url) => url.searchParams.get('orgQ') === CLUB);
    await page.getByText(fill(zh['orgs.picker.matches'], { q: CLUB, n: 2 })).waitFor();
    // Same name, same depth: in either order.
    expect(fromProvince(await optionsOf(page, zh['classes.new.org'])).sort()).toEqual([clubLabel(`甲市${tag}`), clubLabel(`乙市${tag}`)].sort());
    expect(await search.getByLabel(zh['orgs.picker.search.label'], { exact: true }).inputValue()).toBe(CLUB);
    await fitsPhone(page);

    // An office (not a club or station) is never offered.
    await search.getByLabel(zh['orgs.picker.search.label'], { exact: true }).fill(PROVINCE);
    await search.getByRole('button', { name: zh['orgs.picker.search.submit'] }).click();
    await page.getByText(fill(zh['orgs.picker.none'], { q: PROVINCE })).waitFor();
    expect(await optionsOf(page, zh['classes.new.org'])).toEqual([]);
    await page.goBack();
    await page.getByText(fill(zh['orgs.picker.matches'], { q: CLUB, n: 2 })).waitFor();

    await page.getByLabel(zh['classes.new.course'], { exact: true }).selectOption({ label: '美容师' });
    const clubA = (await optionsOf(page, zh['classes.new.org'])).find((o) => o.endsWith(clubLabel(`甲市${tag}`)))!;
    await page.getByLabel(zh['classes.new.org'], { exact: true }).selectOption({ label: clubA });
    await page
      .getByLabel(zh['classes.new.instructor'], { exact: true })
      .selectOption({ label: fill(zh['classes.new.instructorOption'], { name: INSTRUCTOR, org: CLUB }) });
    const [start, end] = [chinaDay(30), chinaDay(31)];
    await page.getByLabel(zh['classes.new.startsOn']).fill(start);
    await page.getByLabel(zh['classes.new.endsOn']).fill(end);
    // The capacity left out: refused, and the chosen club is still chosen.
    await page.getByText(zh['classes.schedule.manual']).click();
    const row = page.getByRole('group', { name: fill(zh['classes.new.sessionN'], { n: 1 }), exact: true });
    await row.getByLabel(zh['classes.new.sessionDate']).fill(start);
    await row.getByLabel(zh['classes.new.sessionStart']).fill('09:00');
    await row.getByLabel(zh['classes.new.sessionEnd']).fill('11:00');
    await page.getByRole('button', { name: zh['classes.new.submit'] }).click();
    await page.getByRole('alert').waitFor();
    expect(await chosen(page, zh['classes.new.org'])).toBe(clubA);

    await page.getByLabel(zh['classes.new.capacity']).fill('12');
    await page.getByRole('button', { name: zh['classes.new.submit'] }).click();
    await page.waitForURL(/\/manage\/classes\/[0-9a-f-]{36}\?created=1/);
    const classId = new URL(page.url()).pathname.split('/').pop()!;
    const created = await apiCall<{ orgId: string }>('GET', `/api/classes/${classId}`, admin);
    expect(created.orgId).toBe(ids.clubA);
    await context.close();
  });

  it('a preset club stays chosen even when it is not on the first page', async () => {
    const { context, page, problems } = await signedIn(browser, world.admin);
    await page.goto(`${WEB()}/manage/classes/new?orgId=${ids.clubB}`);
    expect(fromProvince([await chosen(page, zh['classes.new.org'])])).toEqual([clubLabel(`乙市${tag}`)]);
    // An office preset is not a place for a class: not offered.
    await page.goto(`${WEB()}/manage/classes/new?orgId=${ids.province}`);
    expect(await chosen(page, zh['classes.new.org'])).toBe(zh['common.form.choose']);
    // The account filter searches the same way, inside its own GET form.
    await page.goto(`${WEB()}/manage/people`);
    await page.getByLabel(zh['orgs.picker.search.label'], { exact: true }).fill(CLUB);
    await page.getByRole('button', { name: zh['people.filter.submit'] }).click();
    await page.waitForURL((url) => url.searchParams.get('orgQ') === CLUB);
    expect(fromProvince(await optionsOf(page, zh['people.filter.org'])).sort()).toEqual([clubLabel(`甲市${tag}`), clubLabel(`乙市${tag}`)].sort());
    await fitsPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a coordinator still gets a plain select of her club and station, with no search', async () => {
    const { context, page, problems } = await signedIn(browser, world.coordinator);
    for (const [path, label] of [
      ['/manage/classes/new', zh['classes.new.org']],
      ['/manage/people/new', zh['people.field.org']],
      ['/manage/jobs', zh['referrals.employerForm.org']],
    ] as const) {
      await page.goto(`${WEB()}${path}`);
      const options = await optionsOf(page, label);
      // Her club and its three stations: a short plain list.
      const trimmed = options.map((o) => o.trim());
      expect(trimmed[0]).toBe(fill(zh['orgs.picker.option'], { name: world.club.name, kind: zh['orgs.kind.club'] }));
      expect(trimmed).toContain(fill(zh['orgs.picker.option'], { name: world.station.name, kind: zh['orgs.kind.station'] }));
      expect(trimmed).toHaveLength(4);
      expect(options.every((o) => o.includes(zh['orgs.kind.club']) || o.includes(zh['orgs.kind.station']))).toBe(true);
      expect(await page.getByRole('search', { name: zh['orgs.picker.search.label'] }).count()).toBe(0);
      expect(await page.getByLabel(zh['orgs.picker.search.label'], { exact: true }).count()).toBe(0);
      await fitsPhone(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
