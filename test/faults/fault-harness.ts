/**
 * The pieces of the fault suite (issue 13, `npm run test:faults`): the real app as a child process started
 * with `npm start`'s command line, its own PostgreSQL (stopped and started by the suite), a real SMTP server
 * that can go away and come back on the same port, a small tmpfs for the file store (really filled), and a
 * load client that creates cases at a steady rate and retries each until it is acknowledged.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net, { type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startCommand } from '../../scripts/start-command.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---------------------------------------------------------------------------------------------------------
// The app as a child process.

export interface AppProcessOptions {
  port: number;
  env: Record<string, string>;
  logFile: string;
}

/** `npm start` without its build step (the pages' assets do not matter here): the same node flags. */
// `npm start`'s node arguments and allocator settings (scripts/start-command.ts).
const start = startCommand();

export class AppProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream | null = null;
  constructor(private readonly options: AppProcessOptions) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once /readyz answers 200; returns how long that took. */
  async start(timeoutMs = 90_000): Promise<number> {
    const started = Date.now();
    this.log = createWriteStream(this.options.logFile, { flags: 'a' });
    this.log.write(`\n--- start ${new Date().toISOString()} ---\n`);
    const child = spawn(process.execPath, start.nodeArguments, {
      cwd: process.cwd(),
      env: { ...process.env, ...start.environment, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    let exited: number | null = null;
    child.once('exit', (code) => {
      exited = code ?? -1;
    });
    while (Date.now() - started < timeoutMs) {
      if (exited !== null)
        throw new Error(`the app exited (${exited}) while starting; see ${this.options.logFile}`);
      try {
        const response = await fetch(`${this.baseUrl}/readyz`, { signal: AbortSignal.timeout(1000) });
        await response.arrayBuffer();
        if (response.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`the app was not ready within ${timeoutMs} ms; see ${this.options.logFile}`);
  }

  /** kill -9: no shutdown, no goodbye. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** SIGTERM and wait (the end of the suite). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child !== null && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    this.child = null;
    this.log?.end();
  }

  /** Is the process still there (it must survive the database and SMTP going away)? */
  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// SMTP: a real server (npm smtp-server) on a fixed port, which the suite takes down and brings back.

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  at: number;
  /** The client's port: which connection brought it. */
  port: number;
  /**
   * The last mail of a connection the server cut when it went down (`stop`): taken, but its "250" may never
   * have reached the client, which then sends it again — SMTP's own window, whatever the app does.
   */
  cutAtStop?: boolean;
}

export class RestartableSmtp {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private sockets = new Set<Socket>();
  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const received = this.received;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              at: Date.now(),
              port: session.remotePort,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Down: the port refuses connections and every open one is cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return;
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    for (const socket of this.sockets) {
      const last = this.received.findLast((mail) => mail.port === socket.remotePort);
      if (last !== undefined) last.cutAtStop = true;
      socket.destroy();
    }
    await closed;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The file store's disk: a small tmpfs, filled for real.

export class SmallDisk {
  private filler: string;
  constructor(
    readonly dir: string,
    private readonly sizeMb: number,
  ) {
    this.filler = path.join(dir, 'filler.bin');
  }

  async mount(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${this.sizeMb}m,mode=0755`, 'tmpfs', this.dir]);
  }

  /** Writes a file until the disk says ENOSPC. */
  async fill(): Promise<number> {
    const handle = await fs.open(this.filler, 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    let written = 0;
    try {
      while (true) {
        try {
          const { bytesWritten } = await handle.write(block);
          written += bytesWritten;
          if (bytesWritten < block.length) break;
        } catch (error) {
          if ((error as { code?: string }).code === 'ENOSPC') break;
          throw error;
        }
      }
    } finally {
      await handle.close();
    }
    return written;
  }

  async free(): Promise<void> {
    await fs.rm(this.filler, { force: true });
  }

  async unmount(): Promise<void> {
    try {
      execFileSync('umount', [this.dir]);
    } catch {
      execFileSync('umount', ['-l', this.dir]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// A signed-in counter clerk over real HTTP.

export interface StaffSession {
  cookie: string;
  csrfToken: string;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair === undefined || at < 0) continue;
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password: string,
): Promise<StaffSession> {
  const jar = new Map<string, string>();
  const page = await fetch(`${baseUrl}/staff/sign-in`);
  cookiesOf(page, jar);
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (csrf === undefined) throw new Error('the sign-in page has no CSRF field');
  const signedIn = await fetch(`${baseUrl}/staff/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  await signedIn.arrayBuffer();
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);
  cookiesOf(signedIn, jar);
  const session = await fetch(`${baseUrl}/api/staff/session`, {
    headers: { cookie: cookieHeader(jar), accept: 'application/json' },
  });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return { cookie: cookieHeader(jar), csrfToken };
}

// ---------------------------------------------------------------------------------------------------------
// The load: cases at a steady rate, half through the JSON API (Idempotency-Key), half through the counter
// form with a small attachment (one-time token), each retried with the same key until acknowledged.

/** A PNG (2×2) carrying ~2 KB of random text, so that every attachment is new bytes for the store. */
export function randomPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  // Stored (uncompressed) deflate of the 2×2 RGB pixels: zlib header, one final stored block, Adler-32.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const idat = Buffer.concat([
    Buffer.from([0x78, 0x01, 0x01, pixels.length, 0, ~pixels.length & 0xff, 0xff]),
    pixels,
    adler32(pixels),
  ]);
  const text = Buffer.concat([
    Buffer.from('Comment\0', 'latin1'),
    Buffer.from(randomBytes(1500).toString('base64')),
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', text),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function adler32(data: Buffer): Buffer {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}

export type Kind = 'api' | 'form';

export interface Acknowledged {
  id: number;
  kind: Kind;
  key: string;
  email: string;
  caseNumber: string;
  sha256: string | null;
  phase: string;
  attempts: number;
  at: number;
}

export interface AttemptRecord {
  kind: Kind;
  startedAt: number;
  ms: number;
  /** The HTTP status, or what went wrong before one came. */
  status: number | 'refused' | 'timeout' | 'network';
  code: string | null;
  retryAfter: string | null;
}

export interface LoadOptions {
  baseUrl: () => string;
  session: StaffSession;
  ratePerSecond: number;
  workers: number;
  runId: string;
  attemptTimeoutMs: number;
}

export class LoadClient {
  readonly acknowledged: Acknowledged[] = [];
  readonly attempts: AttemptRecord[] = [];
  /** Logical requests begun and not acknowledged (still retrying, or given up at the end). */
  readonly pending = new Map<number, { key: string; email: string; kind: Kind }>();
  phase = 'warm-up';
  private nextId = 0;
  private isRunning = false;
  private loops: Promise<void>[] = [];
  private lastIssue = 0;
  private stopDeadline = Number.POSITIVE_INFINITY;

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.isRunning = true;
    for (let worker = 0; worker < this.options.workers; worker += 1) this.loops.push(this.loop());
  }

  /** Issues nothing new; waits (up to `graceMs`) for every request begun to be acknowledged. */
  async stop(graceMs: number): Promise<void> {
    this.isRunning = false;
    this.stopDeadline = Date.now() + graceMs;
    await Promise.all(this.loops);
  }

  /** The first acknowledgement at or after `since` (ms), or null. */
  firstAckAfter(since: number, kind?: Kind): number | null {
    const found = this.acknowledged.find(
      (ack) => ack.at >= since && (kind === undefined || ack.kind === kind),
    );
    return found?.at ?? null;
  }

  private async nextSlot(): Promise<boolean> {
    const interval = 1000 / this.options.ratePerSecond;
    while (this.isRunning) {
      const now = Date.now();
      const due = this.lastIssue + interval;
      if (now >= due) {
        this.lastIssue = Math.max(due, now - interval);
        return true;
      }
      await sleep(due - now);
    }
    return false;
  }

  private async loop(): Promise<void> {
    while (await this.nextSlot()) {
      const id = this.nextId;
      this.nextId += 1;
      const kind: Kind = id % 2 === 0 ? 'api' : 'form';
      const key = kind === 'api' ? randomUUID() : randomBytes(32).toString('base64url');
      const email = `fault.${this.options.runId}.${id}@example.tw`;
      const png = kind === 'form' ? randomPng() : null;
      this.pending.set(id, { key, email, kind });
      let attempts = 0;
      while (Date.now() < this.stopDeadline) {
        attempts += 1;
        const caseNumber = await this.attempt(kind, key, email, png);
        if (caseNumber !== null) {
          this.pending.delete(id);
          this.acknowledged.push({
            id,
            kind,
            key,
            email,
            caseNumber,
            sha256: png === null ? null : createHash('sha256').update(png).digest('hex'),
            phase: this.phase,
            attempts,
            at: Date.now(),
          });
          break;
        }
        await sleep(200 + Math.random() * 300);
      }
    }
  }

  /** One HTTP attempt; the case number when it was acknowledged, else null. */
  private async attempt(kind: Kind, key: string, email: string, png: Buffer | null): Promise<string | null> {
    const startedAt = Date.now();
    const base = this.options.baseUrl();
    const { cookie, csrfToken } = this.options.session;
    const record = (status: AttemptRecord['status'], code: string | null, retryAfter: string | null) =>
      this.attempts.push({ kind, startedAt, ms: Date.now() - startedAt, status, code, retryAfter });
    try {
      const response =
        kind === 'api'
          ? await fetch(`${base}/api/staff/cases`, {
              method: 'POST',
              signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
              headers: {
                cookie,
                accept: 'application/json',
                'content-type': 'application/json',
                'x-csrf-token': csrfToken,
                'idempotency-key': key,
              },
              body: JSON.stringify(apiBody(email)),
            })
          : await fetch(
              `${base}/staff/counter/new?service=pothole-report&_csrf=${encodeURIComponent(csrfToken)}`,
              {
                method: 'POST',
                redirect: 'manual',
                signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
                headers: { cookie },
                body: counterForm(email, key, png ?? Buffer.alloc(0)),
              },
            );
      const text = await response.text();
      const retryAfter = response.headers.get('retry-after');
      if (kind === 'api' && response.status === 201) {
        record(201, null, null);
        return (JSON.parse(text) as { caseNumber: string }).caseNumber;
      }
      if (kind === 'form' && response.status === 303) {
        const match = /\/staff\/counter\/receipt\/(\d{7}-\d{4})$/.exec(
          response.headers.get('location') ?? '',
        );
        record(303, null, null);
        if (match?.[1] !== undefined) return match[1];
        return null;
      }
      let code: string | null = null;
      try {
        code = (JSON.parse(text) as { code?: string }).code ?? null;
      } catch {
        code = /SERVICE_UNAVAILABLE|儲存空間|資料庫/.test(text) ? 'page' : null;
      }
      record(response.status, code, retryAfter);
      return null;
    } catch (error) {
      const name = (error as Error).name;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      record(
        name === 'TimeoutError' ? 'timeout' : cause === 'ECONNREFUSED' ? 'refused' : 'network',
        cause ?? name,
        null,
      );
      return null;
    }
  }
}

function apiBody(email: string) {
  return {
    serviceCode: 'pothole-report',
    channel: 'phone',
    applicantType: 'person',
    applicantName: '負載測試',
    applicantEmail: email,
    applicantLang: 'zh-TW',
    consent: true,
    description: '故障測試：博愛二路外側車道有坑洞。',
    formData: { size: 'medium' },
    address: '高雄市苓雅區博愛二路與明誠二路口',
  };
}

function counterForm(email: string, token: string, png: Buffer): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    _once: token,
    channel: 'counter',
    applicantType: 'person',
    applicantName: '負載測試',
    applicantEmail: email,
    applicantLang: 'zh-TW',
    description: '故障測試：機車道上有坑洞。',
    address: '博愛二路與明誠二路口',
    'field.size': 'medium',
    consent: 'yes',
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('documents', new Blob([new Uint8Array(png)], { type: 'image/png' }), '現場.png');
  return form;
}
