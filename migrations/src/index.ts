import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { CoursesClassesEnrolment1764000100000 } from './1764000100000-courses-classes-enrolment.js';
import { SeedCatalog1764000200000 } from './1764000200000-seed-catalog.js';

export { CATALOG } from './1764000200000-seed-catalog.js';

/** Every migration, oldest first. TypeORM wants classes, not globs (ESM build). */
export const migrations = [Foundation1764000000000, CoursesClassesEnrolment1764000100000, SeedCatalog1764000200000];
