import { Type, type Static } from 'typebox';
import type { ImportRejectCode, ImportResultDto, ImportStatusDto } from '@hearth/contracts';
import { Count, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

const REJECT_CODES = [
  'INVALID_NAME',
  'INVALID_PHONE',
  'INVALID_TYPE',
  'DUPLICATE_IN_FILE',
  'PHONE_OTHER_ACCOUNT',
] as const satisfies readonly ImportRejectCode[];

/** What one learner import did: every row is counted once, the rejected ones with their file line and why. */
export const ImportResult = Type.Object({
  id: Uuid({ description: 'The import; GET /imports/{id} shows it again' }),
  total: Count({ description: 'Rows in the file, not counting the header' }),
  created: Count({ description: 'New learner accounts' }),
  existing: Count({ description: 'Learners of your subtree that already had an account' }),
  enrolled: Count(),
  waitlisted: Count(),
  alreadyEnrolled: Count(),
  header: Type.Array(Type.String(), { description: "The file's header row, as written" }),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ minimum: 2, description: 'Line of the file, 1 being the header' }),
      phone: Type.String({ description: 'From the file, spaces and dashes removed' }),
      name: Type.String({ description: 'From the file' }),
      cells: Type.Array(Type.String(), { description: 'The row as in the file, to write the failed rows back out for fixing' }),
      code: OneOf(REJECT_CODES),
      reason: Type.String(),
    }),
  ),
});
sameShape<Static<typeof ImportResult>, ImportResultDto>(true);

/** An import's progress while it runs, its result once done. */
export const ImportStatus = Type.Object({
  id: Uuid(),
  status: OneOf(['running', 'done', 'failed'] as const),
  totalRows: Count(),
  processedRows: Count(),
  result: Nullable(
    Type.Union([ImportResult, Type.Object({ error: Type.String(), code: Type.Optional(Type.String()) })], {
      description: 'Null while running; { error, code } when the import failed',
    }),
  ),
});
sameShape<Static<typeof ImportStatus>, ImportStatusDto>(true);
