import { toCsv } from '@hearth/contracts';

/**
 * A CSV to start from, written by the product's one CSV writer. The byte-order mark makes Excel on
 * Windows read it as UTF-8 (without it, Chinese Excel assumes GBK and shows garbage).
 */
const TEMPLATE = toCsv(
  [
    ['姓名', '手机号', '类型'],
    ['王芳', '13800000000', '进城务工妇女'],
  ],
  { bom: true },
);

export function loader() {
  return new Response(TEMPLATE, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hearth-learners.csv"; filename*=UTF-8''${encodeURIComponent('学员名单模板.csv')}`,
      'Cache-Control': 'public, max-age=3600',
    },
  });
}
