// Ctrl-C, as a person would: the start script must stop the web, the API and PostgreSQL and exit.
export default async function globalTeardown() {
  const product = globalThis.__HEARTH_PRODUCT__;
  if (!product) return;
  const { child } = product;
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGINT');
  const code = await Promise.race([exited, new Promise((done) => setTimeout(() => done('timeout'), 20_000))]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    throw new Error('npm start did not stop within 20 s of Ctrl-C');
  }
}
