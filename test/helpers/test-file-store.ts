import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { createFilesystemStore, type FileStore } from '../../src/platform/files/file-store.ts';

// Registered at the top level, as the test database's clean-up is (an `after` called inside a `before`
// hook would run as soon as that hook's suite ends): every folder made below goes when the file ends.
const folders: string[] = [];
after(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh temporary folder (`prefix` names it, for finding it on disk), removed when the test file ends. */
export async function aTemporaryFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The filesystem file store in a fresh temporary folder of its own, removed when the test file ends. */
export async function aTemporaryFileStore(
  prefix = 'onewindow-files-',
): Promise<FileStore & { readonly dir: string }> {
  return createFilesystemStore(await aTemporaryFolder(prefix));
}
