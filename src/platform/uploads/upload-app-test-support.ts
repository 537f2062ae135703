import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { loadConfig } from '../../config.ts';
import { createFilesystemStore, type FileStore } from '../files/file-store.ts';
import type { AppInstance } from '../http/app-types.ts';
import { installCsrf } from '../http/csrf.ts';
import { toErrorBody } from '../http/error-handler.ts';
import { langFromPath } from '../web/i18n.ts';
import { readMultipartForm, registerMultipart } from './multipart.ts';

/** The multipart tests' app and what they read back (not a test file itself). */

/** The CSRF token the tests send, as cookie and as `?_csrf=`. */
export const uploadToken = randomBytes(32).toString('base64url');

export interface Echo {
  fields: Record<string, string | string[]>;
  files: {
    fieldName: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    /** The stored bytes read back from the store ('' when the app was asked not to read them). */
    base64: string;
  }[];
  problems: { field: string; code: string; message: string }[];
}

export type UploadApp = AppInstance & { files: FileStore & { dir: string } };

/** Every file in a store folder, temporary ones included (`tmp/…`): what an upload left on disk. */
export async function filesOnDisk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * A bare Fastify app that reads requests as the site does: `request.lang` from the path (`/en/…`), and every
 * error answered with the error handler's status and JSON body (toErrorBody), without the site's pages.
 */
export function aBareSiteApp(options: FastifyServerOptions = {}): AppInstance {
  const app = Fastify(options) as unknown as AppInstance;
  app.decorateRequest('lang', 'zh-TW');
  app.addHook('onRequest', (request, _reply, done) => {
    request.lang = langFromPath(request.url);
    done();
  });
  app.setErrorHandler((error, request, reply) => {
    const { statusCode, body } = toErrorBody(error, request);
    return reply.code(statusCode).send(body);
  });
  return app;
}

/**
 * A small app built the way the site context is (cookies, CSRF, then registerMultipart) with one route
 * (`/upload`, `/en/upload`) that echoes what readMultipartForm read, with the bytes read back from its own
 * file store (a fresh folder, removed when the app closes) unless `readBack` is false. buildTestApp's app
 * is already `ready()`, so no route can be added to it.
 */
export async function uploadEchoApp(
  environment: Record<string, string>,
  options: { readBack?: boolean } = {},
): Promise<UploadApp> {
  const config = loadConfig(environment);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-multipart-'));
  const files = createFilesystemStore(dir);
  const app = aBareSiteApp();
  await app.register(formBody);
  await app.register(cookie);
  installCsrf(app, { isCookieSecure: false, sessionCsrfToken: () => null });
  await registerMultipart(app, config, files);
  const echo = async (request: Parameters<typeof readMultipartForm>[0]): Promise<Echo> => {
    const form = await readMultipartForm(request, request.lang);
    return {
      fields: form.fields,
      problems: form.problems,
      files: await Promise.all(
        form.files.map(async (file) => ({
          fieldName: file.fieldName,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          base64: options.readBack === false ? '' : (await files.read(file.sha256)).toString('base64'),
        })),
      ),
    };
  };
  app.post('/upload', (request) => echo(request));
  app.post('/en/upload', (request) => echo(request));
  app.addHook('onClose', () => rm(dir, { recursive: true, force: true }));
  await app.ready();
  return Object.assign(app, { files });
}
