export * from './domain.js';
export * from './errors.js';
export * from './dto.js';
export * from './api-client.js';
export * from './completion.js';
export * from './csv.js';
export * from './secrets.js';
export * from './notifications.js';
