import { eq, sql } from 'drizzle-orm';
import { cliActor, recordAudit } from '../../platform/auth/audit-log.ts';
import { staff } from '../../platform/auth/auth-schema.ts';
import { normaliseEmail } from '../../platform/auth/staff-email.ts';
import type { ModuleCommand } from '../../platform/composition/app-module.ts';
import { CommandFailure } from '../../platform/composition/command-failure.ts';
import { forgetPetitionTypes, listPetitionTypes } from './petition-types.ts';
import { petitionOfficers, petitionTypes } from './petitions-schema.ts';

/**
 * `npx onewindow petitions:*`: the petition types' rules and the officers designated to see confidential
 * reporters, for operators until the administration pages (issue 17) have them. Every change is audited.
 */

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
      const kind = await context.db.execute<{ kind: string }>(sql`
        select v.kind from services s
          join service_versions v on v.service_code = s.code and v.version = s.current_version
         where s.code = ${code}`);
      if (kind.rows[0]?.kind !== 'petition')
        throw new CommandFailure(`There is no catalogue service ${code} of kind petition.`, [
          'A petition type is a service of kind petition: add it in the catalogue first.',
        ]);
      const days = values['outer-limit'] === undefined ? undefined : Number(values['outer-limit']);
      if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 60))
        throw new CommandFailure('--outer-limit must be a whole number of working days from 1 to 60.', []);
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
      const now = new Date();
      await context.db.transaction(async (tx) => {
        await tx
          .insert(petitionTypes)
          .values({ serviceCode: code, ...rules, updatedAt: now })
          .onConflictDoUpdate({ target: petitionTypes.serviceCode, set: { ...rules, updatedAt: now } });
        await recordAudit(tx, {
          occurredAt: now,
          actor: cliActor,
          action: 'petition.type_set',
          target: { type: 'service', id: code },
          details: rules,
        });
      });
      forgetPetitionTypes();
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
      const [member] = await context.db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
      if (member === undefined) throw new CommandFailure(`There is no staff member ${email}.`, []);
      const now = new Date();
      await context.db.transaction(async (tx) => {
        if (values.remove === true)
          await tx.delete(petitionOfficers).where(eq(petitionOfficers.staffId, member.id));
        else
          await tx
            .insert(petitionOfficers)
            .values({ staffId: member.id, designatedAt: now })
            .onConflictDoNothing();
        await recordAudit(tx, {
          occurredAt: now,
          actor: cliActor,
          action: values.remove === true ? 'petition.officer_removed' : 'petition.officer_designated',
          target: { type: 'staff', id: member.id },
        });
      });
      context.print(
        values.remove === true
          ? `${email} no longer sees confidential reporters’ identities.`
          : `${email} may see confidential reporters’ identities (each reading is audited).`,
      );
    },
  },
};
