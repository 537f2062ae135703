import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { testCasesContext } from '../../../../test/helpers/cases-context.ts';
import { startImapServer, type TestImapServer } from '../../../../test/helpers/imap-server.ts';
import { capturedLogStream, rememberPersonalValue } from '../../../../test/helpers/log-capture.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { samplePdf, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { emailIntakeQueue, readPetitionEmails, startEmailIntakeWorker } from './email-intake.ts';
import { emailIntakeCommands } from './email-intake-commands.ts';
import { MailboxUnavailableError, refusedFolder, registeredFolder } from './imap-mailbox.ts';

/**
 * Petitions by e-mail (issue 16 §1) from a real IMAP mailbox: Dovecot started for the file
 * (test/helpers/imap-server.ts), messages put in by IMAP APPEND, read by the use case the app's worker and
 * `npx onewindow petitions:read-mail` run, registered on the real database.
 */
describe('petitions by e-mail, from a real IMAP mailbox', () => {
  let server: TestImapServer;
  let subject: TestApp;
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const log = {
    info: (details: Record<string, unknown>, message: string) => keep('info', details, message),
    warn: (details: Record<string, unknown>, message: string) => keep('warn', details, message),
  };
  const keep = (level: string, details: Record<string, unknown>, message: string) => {
    lines.push({ level, details, message });
    // The runner's log scan reads these lines too (no name, address or subject may be in them).
    capturedLogStream()?.write(`${JSON.stringify({ level, ...details, msg: message })}\n`);
  };

  before(async () => {
    server = await startImapServer();
    rememberPersonalValue(server.password, 'mailbox password');
    subject = await buildTestApp({ environment: { PETITION_IMAP_URL: server.url } });
  });
  after(async () => {
    await subject?.app.close();
    await server?.stop();
  });

  const read = (options: { batchSize?: number } = {}) =>
    readPetitionEmails(
      { imapUrl: String(subject.config.petitionImapUrl), contextAt: () => testCasesContext(subject), log },
      options,
    );
  const emailOf = (message: ConstructorParameters<typeof MailComposer>[0]) =>
    new MailComposer({ date: new Date('2026-03-01T08:00:00Z'), ...message }).compile().build();
  const petitionRows = async (messageIds: string[]) =>
    (
      await subject.database.db.execute<Record<string, unknown>>(sql`
        select c.case_number, c.kind, c.channel, c.service_code, c.applicant_name, c.applicant_email,
               c.applicant_lang, c.subject, c.description, p.source, p.is_english, p.message_id
          from petitions p join cases c on c.id = p.case_id
         where p.message_id in (${sql.join(
           messageIds.map((id) => sql`${id}`),
           sql`, `,
         )})`)
    ).rows;
  const idsIn = async (folder: string) =>
    (await server.messagesIn(folder)).map((message) => message.messageId);

  const english = {
    messageId: `<en-${randomUUID()}@mail.example.com>`,
    from: { name: 'Jane Petitioner', address: 'Jane.Petitioner.Imap@Example.com' },
    to: 'petitions@pwb.kcg.gov.tw',
    subject: 'Broken streetlight on Zhongzheng 3rd Road',
    text: 'The streetlight in front of number 40 on Zhongzheng 3rd Road has been out for a week. Please fix it.',
  };
  const chinese = {
    messageId: `<zh-${randomUUID()}@mail.example.com.tw>`,
    from: { name: '王小明', address: 'wang.xiaoming.imap@example.com.tw' },
    to: 'petitions@pwb.kcg.gov.tw',
    subject: '四維三路人行道破損',
    // HTML only: read as text.
    html: '<html><body><p>四維三路與中正路口的人行道<b>破損</b>，行人容易絆倒。</p><p>請儘速修復，謝謝。</p></body></html>',
  };
  const empty = {
    messageId: `<empty-${randomUUID()}@mail.example.com>`,
    from: { name: 'Nobody Writes', address: 'empty.sender.imap@example.com' },
    subject: 'Empty message',
    text: '',
  };
  const long = {
    messageId: `<long-${randomUUID()}@mail.example.com.tw>`,
    from: { name: '陳長文', address: 'long.letter.imap@example.com.tw' },
    subject: '很長的陳情信',
    text: `${'高雄市前鎮區的排水溝長期堵塞，下雨就淹水。'.repeat(250)}`,
  };

  it('registers an English and a Chinese e-mail as petitions, moves them to OneWindow-Registered, and refuses an empty one without losing it', async () => {
    for (const message of [english, chinese, empty, long])
      await server.append((await emailOf(message)).toString());

    // Two at a time: the read goes through the inbox in batches.
    assert.deepEqual(await read({ batchSize: 2 }), { registered: 3, refused: 1, alreadyRegistered: 0 });

    const rows = await petitionRows([english.messageId, chinese.messageId, long.messageId, empty.messageId]);
    const rowOf = (messageId: string) => rows.find((row) => row.message_id === messageId);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      { ...rowOf(english.messageId), case_number: undefined },
      {
        case_number: undefined,
        kind: 'petition',
        channel: 'email',
        service_code: 'director-mailbox',
        applicant_name: 'Jane Petitioner',
        applicant_email: 'jane.petitioner.imap@example.com',
        applicant_lang: 'en',
        subject: english.subject,
        description: english.text,
        source: 'email',
        is_english: true,
        message_id: english.messageId,
      },
    );
    // The petitioner's receipt (number and lookup code), in the language the petition was written in.
    const receipts = await subject.database.db.execute<{ topic: string; lang: string }>(
      sql`select topic, lang from notification_deliveries where recipient = 'jane.petitioner.imap@example.com'`,
    );
    assert.deepEqual(receipts.rows, [{ topic: 'case.received', lang: 'en' }]);
    const zh = rowOf(chinese.messageId);
    assert.equal(zh?.source, 'email');
    assert.equal(zh?.channel, 'email');
    assert.equal(zh?.applicant_lang, 'zh-TW');
    assert.equal(zh?.is_english, false);
    assert.equal(zh?.applicant_name, '王小明');
    assert.equal(zh?.applicant_email, 'wang.xiaoming.imap@example.com.tw');
    assert.equal(zh?.subject, '四維三路人行道破損');
    assert.equal(zh?.description, '四維三路與中正路口的人行道破損，行人容易絆倒。\n\n請儘速修復，謝謝。');
    const cut = String(rowOf(long.messageId)?.description);
    assert.ok(cut.length <= 4000, String(cut.length));
    assert.ok(cut.startsWith('高雄市前鎮區的排水溝長期堵塞'));
    assert.match(cut, /原信共 5,250 字，超過陳情內容 4,000 字的上限/);
    assert.match(cut, /over the petition's limit of 4,000/);

    // Nothing is left unseen in the inbox; the refused message is kept, whole, in its folder.
    assert.deepEqual(await server.messagesIn('INBOX'), []);
    assert.deepEqual(
      (await idsIn(registeredFolder)).sort(),
      [english.messageId, chinese.messageId, long.messageId].sort(),
    );
    const refused = await server.messagesIn(refusedFolder);
    assert.deepEqual(
      refused.map((message) => [message.messageId, message.subject]),
      [[empty.messageId, 'Empty message']],
    );

    // One line for the refused message: its UID and the problem, nothing of who wrote it or what about.
    const warnings = lines.filter((line) => line.level === 'warn');
    assert.deepEqual(warnings, [
      {
        level: 'warn',
        details: { uid: warnings[0]?.details.uid, problems: ['no_text'] },
        message: 'petition e-mail refused',
      },
    ]);
    assert.equal(typeof warnings[0]?.details.uid, 'number');
    const logged = JSON.stringify(lines);
    for (const personal of [
      'Jane',
      'jane',
      '王小明',
      'Nobody',
      'empty.sender',
      'Empty message',
      'streetlight',
    ])
      assert.equal(logged.includes(personal), false, personal);
    assert.equal(logged.includes(server.password), false);
  });

  it('keeps an e-mail’s photo and PDF on the case as a form’s files are checked; a program and a too-large file are refused and the handler told', async () => {
    const photo = samplePng();
    const letter = samplePdf();
    const withFiles = {
      messageId: `<files-${randomUUID()}@mail.example.com.tw>`,
      from: { name: '李附件', address: 'li.attachments.imap@example.com.tw' },
      subject: '路面坑洞照片',
      // The signature's logo is an inline part of the HTML body (multipart/related): not an attachment.
      html: '<p>民族一路 100 號前路面有坑洞，照片與陳情書如附件。</p><p><img src="cid:logo@example"></p>',
      attachments: [
        { filename: 'logo.png', content: photo, cid: 'logo@example' },
        { filename: '坑洞照片.png', content: photo },
        { filename: '陳情書.pdf', content: letter },
        { filename: 'setup.exe', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]) },
        { filename: 'video.png', content: Buffer.concat([photo, Buffer.alloc(70_000, 7)]) },
      ],
    };
    await server.append((await emailOf(withFiles)).toString());
    const counts = await readPetitionEmails(
      {
        imapUrl: String(subject.config.petitionImapUrl),
        contextAt: () => testCasesContext(subject),
        log,
        attachments: { files: subject.files, maxFileBytes: 64 * 1024, maxFiles: 10 },
      },
      {},
    );
    assert.deepEqual(counts, { registered: 1, refused: 0, alreadyRegistered: 0 });
    const [row] = await petitionRows([withFiles.messageId]);
    assert.ok(row);
    const kept = await subject.database.db.execute<{
      file_name: string;
      media_type: string;
      sha256: string;
    }>(sql`
      select a.file_name, a.media_type, a.sha256 from case_attachments a join cases c on c.id = a.case_id
       where c.case_number = ${String(row.case_number)} order by a.file_name`);
    const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    assert.deepEqual(kept.rows, [
      { file_name: '坑洞照片.png', media_type: 'image/png', sha256: sha(photo) },
      { file_name: '陳情書.pdf', media_type: 'application/pdf', sha256: sha(letter) },
    ]);
    // The bytes are in the file store under their SHA-256.
    for (const file of kept.rows) assert.ok(await subject.files.has(file.sha256), file.file_name);
    const notes = await subject.database.db.execute<{ internal_note: string }>(sql`
      select e.internal_note from case_events e join cases c on c.id = e.case_id
       where c.case_number = ${String(row.case_number)} and e.kind = 'note'`);
    assert.deepEqual(
      notes.rows.map((note) => note.internal_note),
      [
        '電子郵件另有 2 個附件未保存（格式不接受 1 個、超過檔案大小上限 1 個），原信在信箱的 OneWindow-Registered 資料夾。',
      ],
    );
    assert.deepEqual(await idsIn('INBOX'), []);
  });

  it('reads again without registering anything, and registers a message put back in the inbox only once', async () => {
    assert.deepEqual(await read(), { registered: 0, refused: 0, alreadyRegistered: 0 });

    // As after a crash between registering and moving: the same message unseen in the inbox again.
    await server.append((await emailOf(english)).toString());
    assert.deepEqual(await read(), { registered: 0, refused: 0, alreadyRegistered: 1 });
    assert.equal((await petitionRows([english.messageId])).length, 1);
    assert.deepEqual(await server.messagesIn('INBOX'), []);
    assert.equal((await idsIn(registeredFolder)).filter((id) => id === english.messageId).length, 2);
  });

  it('two readers at once register a new message once; one whose registration loses the race counts it already registered', async () => {
    const raced = (label: string) => ({
      messageId: `<${label}-${randomUUID()}@mail.example.com.tw>`,
      from: { name: '林同時', address: 'race.sender.imap@example.com.tw' },
      subject: '公園路燈不亮',
      text: '衛武營公園東側步道的路燈晚上不亮，請派員檢修。',
    });
    const both = raced('race');
    await server.append((await emailOf(both)).toString());
    const [first, second] = await Promise.all([read(), read()]);
    assert.equal(first.registered + second.registered, 1, JSON.stringify([first, second]));
    assert.equal(first.refused + second.refused, 0);
    assert.equal((await petitionRows([both.messageId])).length, 1);

    // Another process's registration of the same Message-ID, not yet committed when this reader checks: the
    // reader's insert waits on the unique index, and fails once the other commits — its case rolled back.
    const late = raced('late');
    const other = await subject.database.pool.connect();
    try {
      await other.query('begin');
      await other.query('update petitions set message_id = $1 where message_id = $2', [
        late.messageId,
        english.messageId,
      ]);
      await server.append((await emailOf(late)).toString());
      const reading = read();
      await waitUntilBlocked(subject);
      await other.query('commit');
      assert.deepEqual(await reading, { registered: 0, refused: 0, alreadyRegistered: 1 });
      await other.query('update petitions set message_id = $1 where message_id = $2', [
        english.messageId,
        late.messageId,
      ]);
    } finally {
      other.release();
    }
    assert.equal((await petitionRows([late.messageId])).length, 0);
    assert.deepEqual(await server.messagesIn('INBOX'), []);
    const registered = await idsIn(registeredFolder);
    // Two sessions moving one message at the same instant may both copy it before either expunges it (a
    // Maildir MOVE is a copy and an expunge): the folder may hold it twice, the database never does.
    assert.ok(registered.filter((id) => id === both.messageId).length >= 1);
    assert.equal(registered.filter((id) => id === late.messageId).length, 1);
  });

  it('the app’s worker reads the mailbox when PETITION_IMAP_URL is set, one read queued at a time', async () => {
    const message = {
      messageId: `<worker-${randomUUID()}@mail.example.com.tw>`,
      from: { name: '黃工作', address: 'worker.sender.imap@example.com.tw' },
      subject: '水溝蓋鬆動',
      text: '自由路二段的水溝蓋鬆動，機車經過會發出聲響。',
    };
    await server.append((await emailOf(message)).toString());
    // Asked while one is queued: no second job (what keeps two processes from reading at once).
    await subject.jobs.ensureQueue(emailIntakeQueue);
    const ask = () =>
      subject.jobs.send(emailIntakeQueue, { slot: 1 }, { tx: subject.database.db, singletonKey: 'mailbox' });
    assert.ok(await ask());
    assert.equal(await ask(), null);
    const stop = await startEmailIntakeWorker({
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: subject.config,
      files: subject.files,
      log: { ...log, error: (details, text) => keep('error', details, text) },
    });
    try {
      assert.ok(stop);
      await waitUntil(
        () => petitionRows([message.messageId]),
        (rows) => rows.length === 1,
        { what: 'the worker to register the e-mail' },
      );
      await waitUntil(
        () => server.messagesIn('INBOX'),
        (messages) => messages.length === 0,
      );
    } finally {
      await stop?.();
    }
    const unset = await startEmailIntakeWorker({
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: { ...subject.config, petitionImapUrl: null },
      files: subject.files,
      log: { ...log, error: (details, text) => keep('error', details, text) },
    });
    assert.equal(unset, undefined);
  });

  it('names a mailbox it cannot enter by its address and the server’s reason, never the password', async () => {
    const wrong = String(subject.config.petitionImapUrl).replace(server.password, 'not-the-password-2319');
    await assert.rejects(
      readPetitionEmails({ imapUrl: wrong, contextAt: () => testCasesContext(subject), log }),
      (error: unknown) => {
        assert.ok(error instanceof MailboxUnavailableError);
        assert.equal(error.reason, 'AUTHENTICATIONFAILED');
        assert.match(
          error.message,
          /imap:\/\/127\.0\.0\.1:\d+\/INBOX could not be read \(AUTHENTICATIONFAILED\)/,
        );
        assert.doesNotMatch(error.message, /not-the-password|petitions:/);
        return true;
      },
    );
  });

  it('`npx onewindow petitions:read-mail` reads the mailbox once and prints the counts', async () => {
    const message = {
      messageId: `<cli-${randomUUID()}@mail.example.com>`,
      from: { name: 'Command Line', address: 'command.line.imap@example.com' },
      subject: 'Pothole',
      text: 'There is a deep pothole on Minzu 1st Road near the school gate.',
    };
    await server.append((await emailOf(message)).toString());
    await server.append(
      (await emailOf({ ...empty, messageId: `<cli-empty-${randomUUID()}@x.example>` })).toString(),
    );
    // The command as the CLI runs it, in this process (a child process of the CLI costs ~8 s): its
    // configuration from the environment, as `onewindow` reads it.
    const printed: string[] = [];
    process.env.PETITION_IMAP_URL = server.url;
    try {
      await emailIntakeCommands['petitions:read-mail']?.run(
        {},
        {
          db: subject.database.db,
          connectionString: subject.database.connectionString,
          print: (line) => printed.push(line),
        },
      );
    } finally {
      delete process.env.PETITION_IMAP_URL;
    }
    assert.equal(printed.length, 2, printed.join('\n'));
    assert.match(printed[0] ?? '', /^Refused UID \d+: no_text$/);
    assert.equal(
      printed[1],
      'Registered 1 petition(s) (moved to OneWindow-Registered); 0 already registered (moved to ' +
        'OneWindow-Registered); refused 1 (moved to OneWindow-Refused).',
    );
    const [row] = await petitionRows([message.messageId]);
    assert.equal(row?.source, 'email');
    assert.equal(row?.applicant_lang, 'en');
  });
});

/** Resolves once a statement of the test database waits on a lock (the reader's insert); 5 s at most. */
async function waitUntilBlocked(subject: TestApp): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const waiting = await subject.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and query ilike '%petitions%'`);
    if ((waiting.rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the reader never waited on the other registration');
}
