import { Form, Link } from '@remix-run/react';
import { useI18n, type Translate } from '../i18n';
import { ORG_SEARCH_MAX, ORG_SEARCH_PARAM, withOption, type OrgPickOption, type OrgPickerView } from '../lib/org-picker';
import { SelectField, TextField } from './form';

function optionLabel(o: OrgPickOption, view: OrgPickerView, t: Translate, indent: boolean): string {
  const label = t('orgs.picker.option', { name: o.name, kind: t(`orgs.kind.${o.kind}`) });
  if (view.mode === 'search') return o.trail.length > 0 ? `${o.trail.join(' › ')} › ${label}` : label;
  return indent ? '\u3000'.repeat(o.level) + label : label;
}

/**
 * The org name search of a big subtree: a GET form of its own, placed before the page's main form
 * so a search never submits (or needs) what was typed there. Nothing when the select lists all.
 */
export function OrgSearchForm({ view, id }: { view: OrgPickerView; id: string }) {
  const { t } = useI18n();
  if (view.mode !== 'search') return null;
  return (
    <Form method="get" className="card stack-tight" role="search" aria-label={t('orgs.picker.search.label')} key={view.q}>
      {view.carry.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <OrgSearchField view={view} id={id} />
      <button type="submit" className="button button-secondary button-block">
        {t('orgs.picker.search.submit')}
      </button>
      {view.q ? (
        <p>
          <Link to={view.clearHref}>{t('orgs.picker.search.clear')}</Link>
        </p>
      ) : null}
    </Form>
  );
}

/** The search box alone, for a page whose own form is already a GET form (a filter, with its own button and `hint`). */
export function OrgSearchField({ view, id, hint }: { view: OrgPickerView; id: string; hint?: string }) {
  const { t } = useI18n();
  if (view.mode !== 'search') return null;
  return (
    <TextField
      name={ORG_SEARCH_PARAM}
      idSuffix={id}
      label={t('orgs.picker.search.label')}
      hint={hint ?? t('orgs.picker.search.hint')}
      type="search"
      maxLength={ORG_SEARCH_MAX}
      defaultValue={view.q}
      autoComplete="off"
      enterKeyHint="search"
    />
  );
}

interface OrgSelectProps {
  view: OrgPickerView;
  label: string;
  hint?: string;
  error?: string;
  name?: string;
  required?: boolean;
  defaultValue: string;
  /** The first option, with the value ''. */
  empty: string;
  /** The chosen org when the list may lack it (a failed POST). */
  extra?: OrgPickOption | null;
  /** Indent a whole small subtree by level. */
  indent?: boolean;
}

/** The org select: her whole small subtree, or the matches of the search labelled with their trail and counted. */
export function OrgSelect({ view, label, hint, error, name = 'orgId', required, defaultValue, empty, extra, indent = false }: OrgSelectProps) {
  const { t } = useI18n();
  const options = withOption(view.options, extra);
  const noteId = `field-${name}-matches`;
  const note =
    view.mode !== 'search'
      ? null
      : view.q
        ? view.total === 0
          ? t('orgs.picker.none', { q: view.q })
          : view.total > view.shown
            ? t('orgs.picker.matchesMore', { q: view.q, n: view.total, shown: view.shown })
            : t('orgs.picker.matches', { q: view.q, n: view.total })
        : t('orgs.picker.first', { n: view.total, shown: view.shown });
  return (
    <>
      <SelectField name={name} label={label} hint={hint} error={error} required={required} defaultValue={defaultValue} describedBy={note ? noteId : undefined}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {optionLabel(o, view, t, indent)}
          </option>
        ))}
      </SelectField>
      {note ? (
        <p id={noteId} className="hint" role="status">
          {note}
        </p>
      ) : null}
    </>
  );
}
