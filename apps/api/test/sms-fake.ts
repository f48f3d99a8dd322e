import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type FakeAnswer = { status?: number; json: unknown } | 'drop';

/**
 * A local stand-in for a provider's HTTP endpoint: records each request the SDK sends and answers
 * with what the test queued (default: `fallback`). 'drop' closes the connection without an answer.
 */
export class FakeProvider {
  readonly requests: SeenRequest[] = [];
  private readonly queue: FakeAnswer[] = [];
  private server: http.Server | null = null;
  port = 0;

  constructor(private readonly fallback: () => FakeAnswer) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: new URL(req.url ?? '/', 'http://fake'), headers: req.headers, body });
        const answer = this.queue.shift() ?? this.fallback();
        if (answer === 'drop') {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.json));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  answerNext(...answers: FakeAnswer[]) {
    this.queue.push(...answers);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const aliyunOk = (bizId = 'biz-1'): FakeAnswer => ({ json: { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: 'req-1' } });
export const aliyunRefusal = (code: string, message = ''): FakeAnswer => ({ json: { Code: code, Message: message, RequestId: 'req-1' } });
export const tencentOk = (serial = 'serial-1'): FakeAnswer => ({
  json: {
    Response: {
      SendStatusSet: [{ SerialNo: serial, PhoneNumber: '+8613900000000', Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }],
      RequestId: 'req-1',
    },
  },
});
export const tencentStatus = (code: string, message = ''): FakeAnswer => ({
  json: {
    Response: {
      SendStatusSet: [{ SerialNo: '', PhoneNumber: '+8613900000000', Fee: 0, SessionContext: '', Code: code, Message: message, IsoCode: 'CN' }],
      RequestId: 'req-1',
    },
  },
});
export const tencentError = (code: string, message = ''): FakeAnswer => ({
  json: { Response: { Error: { Code: code, Message: message }, RequestId: 'req-1' } },
});
