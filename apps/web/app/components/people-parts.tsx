import { useI18n } from '../i18n';
import type { OrgChoices } from '../lib/people-view';

/** The <option>s of an org select: the whole subtree indented by level, or search results naming their parent. */
export function OrgOptions({ choices }: { choices: Pick<OrgChoices, 'options' | 'searchable'> }) {
  const { t } = useI18n();
  return (
    <>
      {choices.options.map((o) => {
        const kind = t(`orgKind.${o.kind}`);
        const label = o.parentName && choices.searchable ? t('people.orgOptionIn', { name: o.name, kind, parent: o.parentName }) : t('people.orgOption', { name: o.name, kind });
        return (
          <option key={o.id} value={o.id}>
            {choices.searchable ? label : '\u3000'.repeat(o.level) + label}
          </option>
        );
      })}
    </>
  );
}

/** Under a searched org select: what the search left out. */
export function OrgSearchNote({ choices }: { choices: Pick<OrgChoices, 'options' | 'search' | 'more'> }) {
  const { t } = useI18n();
  if (choices.more > 0) return <p className="hint">{t('people.orgSearch.more', { n: choices.more })}</p>;
  if (choices.search && choices.options.length === 0) return <p className="hint">{t('people.orgSearch.none', { q: choices.search })}</p>;
  return null;
}
