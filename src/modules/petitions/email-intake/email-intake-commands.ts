import type { ModuleCommand } from '../../../platform/composition/app-module.ts';
import { CommandFailure } from '../../../platform/composition/command-failure.ts';

/**
 * `npx onewindow petitions:read-mail`: reads the petition mailbox once, now, as the app does every interval,
 * and prints what its unseen messages became. Safe beside the running app (a message is registered once
 * whoever reads it). The code that reads the mailbox is loaded when the command runs.
 */
export const emailIntakeCommands: Readonly<Record<string, ModuleCommand>> = {
  'petitions:read-mail': {
    summary:
      'Read the petition mailbox (PETITION_IMAP_URL) once: register its new e-mails as petitions, print the counts.',
    usage: 'onewindow petitions:read-mail',
    options: {},
    async run(_values, context) {
      const { loadConfig } = await import('../../../config.ts');
      const { createJobs } = await import('../../../platform/jobs/jobs.ts');
      const { readPetitionEmails } = await import('./email-intake.ts');
      const { refusedFolder, registeredFolder } = await import('./imap-mailbox.ts');
      const { openFilesystemStore } = await import('../../../platform/files/file-store.ts');
      const config = loadConfig();
      if (config.petitionImapUrl === null)
        throw new CommandFailure('PETITION_IMAP_URL is not set: there is no petition mailbox to read.', [
          'Set it to imaps://user:password@host:993/INBOX (docs/operations.md, "Petitions by e-mail").',
        ]);
      // The receipts the intake queues go out through the app's job queue (the CLI runs no job itself).
      const jobs = createJobs({ connectionString: context.connectionString, poolMax: 1 });
      const files = await openFilesystemStore(config.fileStoreDir);
      try {
        const counts = await readPetitionEmails({
          imapUrl: config.petitionImapUrl,
          contextAt: () => ({
            db: context.db,
            jobs,
            now: new Date(),
            lang: 'zh-TW',
            calendarRegion: config.calendarRegion,
            reopenDays: config.caseReopenDays,
            publicBaseUrl: config.publicBaseUrl,
          }),
          attachments: { files, maxFileBytes: config.uploadMaxFileBytes, maxFiles: config.uploadMaxFiles },
          log: {
            info: () => {},
            warn: (details) =>
              context.print(
                `Refused UID ${String(details.uid)}: ${Array.isArray(details.problems) ? details.problems.join(', ') : ''}`,
              ),
          },
        });
        context.print(
          `Registered ${counts.registered} petition(s) (moved to ${registeredFolder}); ` +
            `${counts.alreadyRegistered} already registered (moved to ${registeredFolder}); ` +
            `refused ${counts.refused} (moved to ${refusedFolder}).`,
        );
      } finally {
        await jobs.stop();
      }
    },
  },
};
