/**
 * Every request shape, as class-validator classes: `@hearth/contracts/inputs`. A separate entry
 * point from `@hearth/contracts` so class-validator never reaches a browser bundle; the web uses it
 * in `*.server.ts` files only. class-transformer's @Type reads decorator metadata, hence the polyfill.
 */
import 'reflect-metadata';

export * from './validation.js';
export * from './assessments.js';
export * from './attendance.js';
export * from './auth.js';
export * from './certificates.js';
export * from './classes.js';
export * from './courses.js';
export * from './employers.js';
export * from './imports.js';
export * from './notifications.js';
export * from './orgs.js';
export * from './qualifications.js';
export * from './referrals.js';
export * from './users.js';
export * from './field-errors.js';
