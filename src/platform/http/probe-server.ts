import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * The HTTP server the app listens with (Fastify's `serverFactory`): every request goes to Fastify, except a
 * plain `GET` or `HEAD /healthz`, the liveness probe, which is answered here before any framework code runs
 * (ADR 0019). Load balancers and orchestrators ask it every few seconds from many places; it says only that
 * the process is up, so routing, hooks and serialisation buy it nothing. Issue 12 asked for the probe at
 * ≥ 80 % of a bare `node:http` server: through Fastify it stayed at 54–63 % after every hook was trimmed.
 *
 * The answer is the route's (`operations-routes.tsx`, which still answers `app.inject`, a query string and the
 * OpenAPI description): status 200 and `{"status":"ok","uptimeSeconds":…}`. Its headers are a JSON probe's,
 * not a page's: the type, the length and `nosniff` (a fixed JSON body that no browser will run as a page), and
 * no request id, since healthy probes are not logged. The pages' ten headers cost a third of the bare server's
 * rate here (the client parses them too: measured beside it, 15,000–18,600 against 21,900–39,500 requests/s).
 * While the app closes, the probe goes to Fastify like any request, which refuses new work with 503 — and so
 * does every request `answerFirst` would have answered (the kept public pages, ADR 0023).
 */
export interface ProbeServer {
  /** Builds the server for Fastify's `serverFactory`. */
  serverFactory: (handler: (request: IncomingMessage, response: ServerResponse) => void) => Server;
  /**
   * Asks `answer` first about every request but the probe (ADR 0023: the kept public answers); true means
   * it answered, false that the request goes on to Fastify.
   */
  answerFirst: (answer: (request: IncomingMessage, response: ServerResponse) => boolean) => void;
  /** From now on the probe goes through Fastify (called when the app starts closing). */
  closing: () => void;
}

/** The probe's headers (but its length). */
export const probeHeaders: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
};

export function probeServer(): ProbeServer {
  let isClosing = false;
  let first: ((request: IncomingMessage, response: ServerResponse) => boolean) | null = null;
  // The body changes once a second: made once per second, not per probe.
  let body = '';
  let bodyHeaders: Record<string, string | number> = {};
  let bodySecond = -1;
  const answerProbe = (request: IncomingMessage, response: ServerResponse) => {
    const second = Math.round(process.uptime());
    if (second !== bodySecond) {
      bodySecond = second;
      body = `{"status":"ok","uptimeSeconds":${second}}`;
      bodyHeaders = { ...probeHeaders, 'content-length': Buffer.byteLength(body) };
    }
    response.writeHead(200, bodyHeaders);
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  return {
    serverFactory: (handler) =>
      createServer((request, response) => {
        if (isClosing) handler(request, response);
        else if (request.url === '/healthz' && (request.method === 'GET' || request.method === 'HEAD'))
          answerProbe(request, response);
        else if (first === null || !first(request, response)) handler(request, response);
      }),
    answerFirst: (answer) => {
      first = answer;
    },
    closing: () => {
      isClosing = true;
    },
  };
}
