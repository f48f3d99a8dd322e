import { parse } from 'csv-parse/sync';
import { LEARNER_TYPES, PHONE_PATTERN, type LearnerType } from '@hearth/contracts';

export type RejectCode = 'INVALID_NAME' | 'INVALID_PHONE' | 'INVALID_TYPE' | 'DUPLICATE_IN_FILE' | 'PHONE_OTHER_ACCOUNT';

export interface Rejected {
  line: number;
  phone: string;
  /** As the file has it, so the coordinator can tell the rows apart. */
  name: string;
  /** The row's cells as in the file, to write the failed rows back out for fixing. */
  cells: string[];
  code: RejectCode;
  reason: string;
}

export interface LearnerRow {
  line: number;
  name: string;
  phone: string;
  learnerType: LearnerType;
  cells: string[];
}

const HEADERS: Record<string, 'name' | 'phone' | 'learnerType'> = {
  name: 'name',
  姓名: 'name',
  phone: 'phone',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  电话: 'phone',
  learnertype: 'learnerType',
  type: 'learnerType',
  类型: 'learnerType',
  学员类型: 'learnerType',
};

const TYPES: Record<string, LearnerType> = {
  volunteer_mother: 'volunteer_mother',
  爱心妈妈: 'volunteer_mother',
  志愿者: 'volunteer_mother',
  migrant_worker: 'migrant_worker',
  进城务工妇女: 'migrant_worker',
  务工妇女: 'migrant_worker',
  务工: 'migrant_worker',
};

export const MAX_ROWS = 20_000;

export class CsvFormatError extends Error {}

/** Reads and checks every row; valid rows and rejected rows (with the 1-based file line) come back separately. */
export function readLearnerCsv(
  text: string,
  defaultType: LearnerType = 'migrant_worker',
): { rows: LearnerRow[]; rejected: Rejected[]; total: number; header: string[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new CsvFormatError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new CsvFormatError('The file has no rows');
  const header = records[0].map((h) => HEADERS[h.toLowerCase().replace(/[\s_]/g, '')] ?? HEADERS[h]);
  const col = (key: 'name' | 'phone' | 'learnerType') => header.indexOf(key);
  if (col('name') < 0 || col('phone') < 0) throw new CsvFormatError('The first row must name the columns: name, phone, learnerType (or 姓名, 手机号, 类型)');
  const body = records.slice(1);
  if (body.length > MAX_ROWS) throw new CsvFormatError(`At most ${MAX_ROWS} rows per file; this one has ${body.length}`);
  const rows: LearnerRow[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  body.forEach((record, i) => {
    const line = i + 2;
    const name = (record[col('name')] ?? '').trim();
    const phone = (record[col('phone')] ?? '').replace(/[\s-]/g, '');
    const rawType = col('learnerType') >= 0 ? (record[col('learnerType')] ?? '').trim() : '';
    const learnerType = rawType === '' ? defaultType : (TYPES[rawType] ?? TYPES[rawType.toLowerCase()]);
    if (!PHONE_PATTERN.test(phone))
      rejected.push({
        line,
        phone,
        name,
        cells: record,
        code: 'INVALID_PHONE',
        reason: 'phone must be a mainland mobile number: 11 digits starting with 13-19',
      });
    else if (name.length < 1 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name))
      rejected.push({ line, phone, name, cells: record, code: 'INVALID_NAME', reason: 'name must be 1 to 100 characters' });
    else if (!learnerType || !LEARNER_TYPES.includes(learnerType))
      rejected.push({
        line,
        phone,
        name,
        cells: record,
        code: 'INVALID_TYPE',
        reason: 'learnerType must be volunteer_mother (爱心妈妈) or migrant_worker (进城务工妇女)',
      });
    else if (seen.has(phone))
      rejected.push({ line, phone, name, cells: record, code: 'DUPLICATE_IN_FILE', reason: 'this phone number appears earlier in the file' });
    else {
      seen.add(phone);
      rows.push({ line, name, phone, learnerType, cells: record });
    }
  });
  return { rows, rejected, total: body.length, header: records[0] };
}
