import type { ApiClient, Locale, MissingRequirement, RequirementStatusDto, RosterEntryDto } from '@hearth/contracts';
import type { Translate } from '../i18n';

/** Runs `work` over `items`, at most `limit` at a time: a class of 40 must not open 40 API calls at once. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The whole roster, page by page (the API gives at most 100 at a time). */
export async function fullRoster(api: ApiClient, classId: string): Promise<RosterEntryDto[]> {
  const entries: RosterEntryDto[] = [];
  for (let offset = 0; offset < 5_000; offset += 100) {
    const page = await api.classes.roster(classId, { limit: 100, offset });
    entries.push(...page.items);
    if (page.items.length < 100 || entries.length >= page.total) break;
  }
  return entries;
}

/** Who can hold a certificate: enrolled (or already through the course), not waiting for a place. */
export const holdsPlace = (e: Pick<RosterEntryDto, 'status'>) => e.status !== 'waitlisted';

export interface LearnerRequirements {
  entry: RosterEntryDto;
  status: RequirementStatusDto;
}

export function requirementsOf(api: ApiClient, entries: RosterEntryDto[], lang: Locale): Promise<LearnerRequirements[]> {
  return mapLimit(entries, 6, async (entry) => ({ entry, status: await api.certificates.requirements(entry.id, { lang }) }));
}

/** One missing requirement as a line for the coordinator. */
export function missingText(m: MissingRequirement, t: Translate): string {
  switch (m.requirement) {
    case 'attendance':
      return t('certificates.manage.missing.attendance', { actual: Math.round(m.actualPct), required: m.requiredPct });
    case 'hours':
      return t('certificates.manage.missing.hours', { actual: Math.round(m.actual * 10) / 10, required: m.required });
    case 'assessment':
      return t('certificates.manage.missing.assessment', {
        title: m.title,
        score: m.bestScore === null ? t('certificates.manage.noScore') : t('certificates.manage.score', { n: m.bestScore }),
        pass: m.passMark,
      });
  }
}
