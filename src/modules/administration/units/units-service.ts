import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { findUnitRow, saveUnitDetails } from '../../../platform/reference/unit-admin-service.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type UnitFormValues, unitDetailsOf } from './unit-form.ts';
import { unitsText as text } from './units-messages.ts';

/**
 * Saves a unit's names, contacts, hours and status: every problem at once (VALIDATION_FAILED), then one
 * transaction that writes the row, announces the public pages that show units, and records the change
 * (`unit.updated`, the changed fields before and after; a unit's contacts are the bureau's, not personal data).
 */
export async function updateUnit(
  db: Database,
  options: {
    code: string;
    values: UnitFormValues;
    actor: AuditActor;
    origin: RequestOrigin;
    now: Date;
    lang: Lang;
  },
): Promise<{ nameZh: string; nameEn: string }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    const current = await findUnitRow(tx, options.code);
    if (current === null) throw new DomainError('NOT_FOUND', text(lang, 'unitNotFound'));
    const { details, problems } = unitDetailsOf(options.values, current, lang);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
    const change = await saveUnitDetails(tx, options.code, details);
    if (change === null) throw new DomainError('NOT_FOUND', text(lang, 'unitNotFound'));
    if (Object.keys(change.after).length > 0)
      await recordAudit(tx, {
        occurredAt: options.now,
        actor: options.actor,
        action: 'unit.updated',
        target: { type: 'unit', id: options.code },
        origin: options.origin,
        details: change,
      });
    return { nameZh: details.nameZh, nameEn: details.nameEn };
  });
}
