export default async function globalTeardown() {
  await globalThis.__HEARTH_DB__?.stop();
}
