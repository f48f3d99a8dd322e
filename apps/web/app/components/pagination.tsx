import { Link } from '@remix-run/react';
import { useI18n } from '../i18n';

/** "Previous · page n of m · Next" under a paged list: plain links, nothing when there is one page. */
export function Pagination({ page, pages, previous, next }: { page: number; pages: number; previous: string | null; next: string | null }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination.label')} className="pagination">
      {previous ? <Link to={previous}>{t('common.pagination.previous')}</Link> : <span />}
      <span>{t('common.pagination.status', { page, pages })}</span>
      {next ? <Link to={next}>{t('common.pagination.next')}</Link> : <span />}
    </nav>
  );
}
