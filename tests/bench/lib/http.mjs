// One-off HTTP requests (samples, sign-in, the CSV import) on a fresh connection each time, so a
// keep-alive socket left over from a load run can never be reused half-closed.
import http from 'node:http';

/** @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, contentType: string }>} */
export function httpRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      url,
      { method, agent: false, headers: { ...headers, ...(payload ? { 'content-length': payload.length } : {}), connection: 'close' } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            contentType: res.headers['content-type'] ?? 'application/octet-stream',
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url} took longer than ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export const json = (response) => JSON.parse(response.body.toString('utf8'));
