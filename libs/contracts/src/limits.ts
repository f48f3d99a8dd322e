/** Lengths and sizes the API's input classes enforce and the web's forms show (maxLength, hints). */
export const ORG_NAME_MAX = 200;
export const ORG_SEARCH_MAX = 50;
export const CAPACITY_MAX = 10_000;
export const LOCATION_MAX = 200;
export const NOTE_MAX = 1000;
export const WAGE_MAX = 1_000_000;
export const POSITIONS_MAX = 10_000;
export const JOB_COURSES_MAX = 10;
export const QUALIFICATIONS_MAX = 10;
export const QUALIFICATION_MAX = 100;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const MAX_CLAIM_BATCH = 500;
