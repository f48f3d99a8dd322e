import { CHINA_TIME_ZONE } from '@hearth/contracts';

export const CHINA_TZ = CHINA_TIME_ZONE;

/** SQL: today's date in China. */
export const CHINA_TODAY_SQL = `(now() AT TIME ZONE '${CHINA_TZ}')::date`;

/** SQL: a timestamptz expression as China's wall-clock time (a `timestamp`), or a China wall-clock `timestamp` as a timestamptz. */
export const atChinaTime = (expression: string) => `${expression} AT TIME ZONE '${CHINA_TZ}'`;
