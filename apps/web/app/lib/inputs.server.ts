/**
 * The API's input classes (@hearth/contracts/inputs), for route actions. Re-exported from a
 * `.server` file so Remix keeps them, and class-validator with them, out of the browser's bundle.
 */
export * from '@hearth/contracts/inputs';
