import { cliActor } from '../../platform/auth/audit-log.ts';
import { normaliseEmail } from '../../platform/auth/staff-email.ts';
import type { ModuleCommand } from '../../platform/composition/app-module.ts';
import { CommandFailure } from '../../platform/composition/command-failure.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { isOuterLimit, outerLimitBounds } from './petition-admin-form.ts';
import {
  designatePetitionOfficer,
  endPetitionOfficerDesignation,
  findPetitionService,
  findStaffByEmail,
  savePetitionType,
} from './petition-admin-service.ts';
import { listPetitionTypes } from './petition-types.ts';

/**
 * `npx onewindow petitions:*`: the petition types' rules and the officers designated to see confidential
 * reporters, for operators and scripts; the admin pages (`/staff/petitions/types`, `/staff/petitions/officers`)
 * are the everyday way. Both call the same use cases (petition-admin-service.ts); every change is audited.
 */

/** The command's actor: the command line, in English. */
const cliActing = () => ({ actor: cliActor, now: new Date(), lang: 'en' as const });

const yesNo = (value: unknown, name: string): boolean | undefined => {
  if (value === undefined) return undefined;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new CommandFailure(`--${name} must be yes or no (got ${String(value)}).`, []);
};

export const petitionCommands: Readonly<Record<string, ModuleCommand>> = {
  'petitions:types': {
    summary: 'List the petition types (catalogue services of kind petition) with their rules.',
    usage: 'onewindow petitions:types',
    options: {},
    async run(_values, context) {
      for (const type of await listPetitionTypes(context.db))
        context.print(
          `${type.serviceCode}\t${type.nameZh}\touter limit ${type.outerLimitWorkingDays} working days\t` +
            `approval ${type.needsAnswerApproval ? 'yes' : 'no'}\tconfidential ${type.isConfidential ? 'yes' : 'no'}\t` +
            `on the mailbox ${type.isOnMailbox ? 'yes' : 'no'}`,
        );
    },
  },
  'petitions:type': {
    summary:
      'Make a catalogue service of kind petition a petition type, or change its rules (new petitions follow them).',
    usage:
      'onewindow petitions:type --service CODE [--outer-limit DAYS] [--approval yes|no] [--confidential yes|no] [--mailbox yes|no]',
    options: {
      service: { type: 'string', description: 'the catalogue service (kind petition)', required: true },
      'outer-limit': { type: 'string', description: 'working days no extension passes (1–60; default 30)' },
      approval: { type: 'string', description: 'a supervisor approves the answer before it is sent' },
      confidential: { type: 'string', description: 'a report (檢舉): the reporter’s identity is kept apart' },
      mailbox: { type: 'string', description: 'offered on the director’s mailbox and the suggestion box' },
    },
    async run(values, context) {
      const code = String(values.service);
      if ((await findPetitionService(context.db, code)) === null)
        throw new CommandFailure(`There is no catalogue service ${code} of kind petition.`, [
          'A petition type is a service of kind petition: add it in the catalogue first.',
        ]);
      const days = values['outer-limit'] === undefined ? undefined : Number(values['outer-limit']);
      if (days !== undefined && !isOuterLimit(days))
        throw new CommandFailure(
          `--outer-limit must be a whole number of working days from ${outerLimitBounds.min} to ${outerLimitBounds.max}.`,
          [],
        );
      const rules = {
        ...(days === undefined ? {} : { outerLimitWorkingDays: days }),
        ...(yesNo(values.approval, 'approval') === undefined
          ? {}
          : { needsAnswerApproval: yesNo(values.approval, 'approval') }),
        ...(yesNo(values.confidential, 'confidential') === undefined
          ? {}
          : { isConfidential: yesNo(values.confidential, 'confidential') }),
        ...(yesNo(values.mailbox, 'mailbox') === undefined
          ? {}
          : { isOnMailbox: yesNo(values.mailbox, 'mailbox') }),
      };
      await savePetitionType(context.db, { ...cliActing(), serviceCode: code, change: rules });
      const [type] = (await listPetitionTypes(context.db)).filter((one) => one.serviceCode === code);
      context.print(
        `${code}: outer limit ${type?.outerLimitWorkingDays} working days, approval ${type?.needsAnswerApproval ? 'yes' : 'no'}, ` +
          `confidential ${type?.isConfidential ? 'yes' : 'no'}, on the mailbox ${type?.isOnMailbox ? 'yes' : 'no'}.`,
      );
    },
  },
  'petitions:officer': {
    summary:
      'Designate a staff member to see confidential reporters’ identities (or, with --remove, no longer).',
    usage: 'onewindow petitions:officer --email ADDRESS [--remove]',
    options: {
      email: { type: 'string', description: 'the staff member’s e-mail address', required: true },
      remove: { type: 'boolean', description: 'end the designation' },
    },
    async run(values, context) {
      const email = normaliseEmail(String(values.email));
      const member = await findStaffByEmail(context.db, email);
      if (member === null) throw new CommandFailure(`There is no staff member ${email}.`, []);
      const isRemoval = values.remove === true;
      try {
        if (isRemoval)
          await endPetitionOfficerDesignation(context.db, { ...cliActing(), staffId: member.id });
        else await designatePetitionOfficer(context.db, { ...cliActing(), email });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Already as asked (designated, or not): the command says so as before, and nothing is recorded.
        if (error.code !== (isRemoval ? 'NOT_FOUND' : 'CONFLICT'))
          throw new CommandFailure(
            `${email}: ${error.problems.map((problem) => problem.message).join('; ') || error.message}.`,
            [],
          );
      }
      context.print(
        isRemoval
          ? `${email} no longer sees confidential reporters’ identities.`
          : `${email} may see confidential reporters’ identities (each reading is audited).`,
      );
    },
  },
};
