import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** Debian's dovecot-imapd (`apt-get install dovecot-imapd`; .ci/run installs it). */
export const dovecotPath = '/usr/sbin/dovecot';

/** One message in a folder, as a test reads it back. */
export interface StoredMessage {
  uid: number;
  subject: string;
  messageId: string;
  isSeen: boolean;
}

export interface TestImapServer {
  /** imap://petitions:<password>@127.0.0.1:<port>/INBOX, for PETITION_IMAP_URL. */
  url: string;
  /** The mailbox user's password (random per server): for checking that nothing logs it. */
  password: string;
  /** Puts a message in a folder by IMAP APPEND, as a mail server's delivery would (unseen). */
  append(source: string, folder?: string): Promise<void>;
  /** The folder's messages (an empty list for a folder that does not exist). */
  messagesIn(folder: string): Promise<StoredMessage[]>;
  stop(): Promise<void>;
}

/**
 * A real IMAP server for a test: Dovecot (Debian's build) in the foreground, from a temporary folder of its
 * own — its configuration, one user with a plain password in a passwd-file, maildir mail, its sockets, state
 * and log — on 127.0.0.1 and a free port, without TLS. Not a stub: the app reads it with the same client as
 * a real mailbox. Run as root (CI), Dovecot runs its mail processes as the `dovecot` user and its login
 * processes as `dovenull` (both made by the package), and the folder is opened to them; run as anyone else,
 * every process is that user's.
 */
export async function startImapServer(): Promise<TestImapServer> {
  if (!existsSync(dovecotPath))
    throw new Error(
      `The petition e-mail tests read a real IMAP mailbox, and Dovecot is not installed (${dovecotPath}): ` +
        'run `apt-get install dovecot-imapd` (.ci/run installs it).',
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-imap-'));
  const user = 'petitions';
  const password = randomBytes(12).toString('hex');
  const isRoot = process.getuid?.() === 0;
  const me = os.userInfo();
  const mailUser = isRoot ? 'dovecot' : me.username;
  const loginUser = isRoot ? 'dovenull' : me.username;
  const mailUid = isRoot ? idOf('-u', mailUser) : me.uid;
  const mailGid = isRoot ? idOf('-g', mailUser) : me.gid;
  const port = await freePort();
  const usersFile = path.join(dir, 'users');
  const mailDir = path.join(dir, 'mail');
  await mkdir(mailDir);
  await writeFile(usersFile, `${user}:{PLAIN}${password}::::::\n`, { mode: 0o600 });
  if (isRoot) {
    // mkdtemp makes the folder 0700: the auth and mail processes (not root) must get to their files.
    await chmod(dir, 0o711);
    await chown(usersFile, mailUid, mailGid);
    await chown(mailDir, mailUid, mailGid);
  }
  const configFile = path.join(dir, 'dovecot.conf');
  const logFile = path.join(dir, 'dovecot.log');
  await writeFile(
    configFile,
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${path.join(dir, 'run')}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `log_path = ${logFile}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      // A wrong password is answered at once, not after Dovecot's usual two seconds.
      'auth_failure_delay = 0',
      `mail_location = maildir:${mailDir}/%u`,
      `default_internal_user = ${mailUser}`,
      `default_internal_group = ${isRoot ? mailUser : groupNameOf(me.gid)}`,
      `default_login_user = ${loginUser}`,
      `first_valid_uid = ${mailUid}`,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${usersFile}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=${mailUid} gid=${mailGid} home=${mailDir}/%u`,
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      // Chrooting the login processes needs root.
      ...(isRoot ? [] : ['  chroot =']),
      '}',
      // No penalty for the next logins from 127.0.0.1 after a wrong password (a test tries one on purpose).
      'service anvil {',
      ...(isRoot ? [] : ['  chroot =']),
      '  unix_listener anvil-auth-penalty {',
      '    mode = 0',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(dovecotPath, ['-F', '-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Dovecot must not outlive a test process that ends without stopping it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForGreeting(port, child);
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await stop();
    throw new Error(`Dovecot did not start: ${(error as Error).message}\n${output}${log}`);
  }

  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => {});
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
  return {
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    password,
    append: (source, folder = 'INBOX') =>
      withClient(async (client) => {
        if (folder !== 'INBOX') await client.mailboxCreate(folder);
        await client.append(folder, source);
      }),
    messagesIn: (folder) =>
      withClient(async (client) => {
        const folders = await client.list();
        if (!folders.some((listed) => listed.path === folder)) return [];
        const lock = await client.getMailboxLock(folder);
        try {
          const messages: StoredMessage[] = [];
          if (client.mailbox === false || client.mailbox.exists === 0) return messages;
          for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true }))
            messages.push({
              uid: message.uid,
              subject: message.envelope?.subject ?? '',
              messageId: message.envelope?.messageId ?? '',
              isSeen: message.flags?.has('\\Seen') ?? false,
            });
          return messages;
        } finally {
          lock.release();
        }
      }),
    stop,
  };
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
}

function groupNameOf(gid: number): string {
  return execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim() || String(gid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets a connection (`* OK`); rejects if Dovecot exits or after 10 s. */
async function waitForGreeting(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`dovecot exited (${child.exitCode ?? child.signalCode})`);
    if (await greets(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no greeting on 127.0.0.1:${port} within 10 s`);
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000);
    socket.once('data', (chunk) => {
      socket.destroy();
      resolve(String(chunk).startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
