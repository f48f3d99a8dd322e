/** The one time zone Hearth's calendar runs on (classes, reminders, quiet hours, "today"). */
export const CHINA_TZ = 'Asia/Shanghai';

/** SQL: today's date in China. */
export const CHINA_TODAY_SQL = `(now() AT TIME ZONE '${CHINA_TZ}')::date`;
