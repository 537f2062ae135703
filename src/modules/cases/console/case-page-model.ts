import type { StaffRole } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/database.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getService, type ServiceDetail } from '../../catalogue/index.ts';
import { type DeliveryRow, listDeliveries } from '../../notifications/index.ts';
import { type CaseFacts, mayTakeAction, unitsBeforeTransfers } from '../core/case-actions.ts';
import type { CasesContext, StaffCaseActor } from '../core/case-actor.ts';
import type { AttachmentMetadata } from '../core/case-attachments.ts';
import { caseText } from '../core/case-messages.ts';
import { type CaseDetail, getCaseDetail } from '../core/case-queries.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { listUnitHandlers, staffNamesById, type UnitHandler } from '../core/case-staff-repo.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import type { Transition } from '../core/workflow-definition.ts';
import { type CaseEvent, type CaseState, workflowOf } from '../core/workflows.ts';
import { type CaseNoticesSection, loadCaseNoticesSection } from '../deficiency/case-section.ts';

/**
 * The case page's model, built for one person: the case, and which actions they may take now (the
 * workflow's transitions, and the actions table's extension, decision and assignment), which form was
 * sent and is shown again, and where each of its problems is shown. The views only lay it out.
 */

/** The form the user last sent, shown again with what they typed (and its problems) after a 400 or 409. */
export type ActiveForm =
  | { kind: 'event'; event: CaseEvent; values: Record<string, string> }
  | { kind: 'extension'; values: Record<string, string> }
  | { kind: 'decision'; extensionId: string; values: Record<string, string> }
  | { kind: 'assign'; values: Record<string, string> };

export interface NamedUnit {
  code: string;
  name: string;
}

export interface CasePageModel {
  lang: Lang;
  role: StaffRole;
  csrfToken: string;
  detail: CaseDetail;
  /** The service as it was in the case's version (labels of the form answers and checklist). */
  service: ServiceDetail | null;
  districtName: string | null;
  attachments: readonly AttachmentMetadata[];
  deliveries: readonly DeliveryRow[];
  /** The deficiency notices and their supplements (cases/deficiency). */
  deficiency: CaseNoticesSection;
  /** The workflow actions this person may take now (state, role, guards). */
  transitions: readonly Transition<CaseState, CaseEvent>[];
  /** Why nothing can be done, when nothing can. */
  readOnly: 'admin' | 'other_unit_or_handler' | 'nothing_now' | null;
  /** Active units other than the case's (transfer). */
  transferUnits: readonly NamedUnit[];
  /** Unit names by code (timeline of transfers). */
  unitNames: ReadonlyMap<string, string>;
  /** Names of the staff in the extensions (who asked, who decided). */
  staffNames: ReadonlyMap<string, string>;
  canRequestExtension: boolean;
  canDecideExtensions: boolean;
  /** The unit's case officers, when this person may assign; null otherwise. */
  assignableHandlers: readonly UnitHandler[] | null;
  successMessage: string | null;
  /** A stale version: who changed it and when (from the service), and whether the same action is still possible. */
  conflict: { message: string; isStillAvailable: boolean } | null;
  /** The sent form's problems, each at its input (ids scoped by the form: `reject-reason`, `extension-amount` …). */
  problems: FormProblems;
  active: ActiveForm | null;
}

export interface CasePageExtras {
  successMessage?: string | null;
  conflict?: { message: string } | null;
  problems?: readonly { field: string; code: string; message: string }[];
  active?: ActiveForm | null;
}

/** Where a problem of the sent form is shown: the id of its input, or of the form itself for the whole form. */
export function problemTargetOf(active: ActiveForm, field: string): string {
  switch (active.kind) {
    case 'event':
      return field === '' || field === 'version' ? `action-${active.event}` : `${active.event}-${field}`;
    case 'extension':
      return field === '' || field === 'version' ? 'extension-form' : `extension-${field}`;
    case 'decision':
      return field === 'note' ? `decision-${active.extensionId}-note` : `decision-${active.extensionId}`;
    case 'assign':
      return 'assign-handlerId';
  }
}

function nameIn(lang: Lang, item: { nameZh: string; nameEn: string }): string {
  return lang === 'en' ? item.nameEn : item.nameZh;
}

/** Whether the form the person sent could still be sent now (after a conflict, their typing is kept in it). */
function isStillAvailable(
  active: ActiveForm | null,
  model: Pick<CasePageModel, 'transitions' | 'canRequestExtension' | 'assignableHandlers'>,
  mayDecide: (extensionId: string) => boolean,
): boolean {
  switch (active?.kind) {
    case 'event':
      return model.transitions.some((transition) => transition.event === active.event);
    case 'extension':
      return model.canRequestExtension;
    case 'decision':
      return mayDecide(active.extensionId);
    case 'assign':
      return model.assignableHandlers !== null;
    default:
      return false;
  }
}

export async function loadCasePageModel(
  db: Database,
  options: {
    caseId: string;
    actor: StaffCaseActor;
    context: Pick<CasesContext, 'now' | 'reopenDays' | 'lang'> & Partial<Pick<CasesContext, 'origin'>>;
    csrfToken: string;
    extras: CasePageExtras;
  },
): Promise<CasePageModel> {
  const { actor, context, extras } = options;
  const lang = context.lang;
  const detail = await getCaseDetail(db, options.caseId, context.now);
  if (detail === null) throw notFound(caseText(lang, 'caseNotFound'));
  const row = detail.row;
  await ensureMayReadCase({ ...context, db }, actor, {
    caseId: row.id,
    facts: { ...row, unitsBefore: unitsBeforeTransfers(detail.timeline) },
  });
  const facts = (hasPendingExtension: boolean): CaseFacts => ({
    ...row,
    unitsBefore: unitsBeforeTransfers(detail.timeline),
    hasPendingExtension,
  });
  const pending = detail.extensions.filter((extension) => extension.state === 'pending');
  const may = (
    action: 'assign' | 'request_extension' | 'decide_extension',
    hasPending = pending.length > 0,
  ) => mayTakeAction(actor, action, facts(hasPending), lang).isAllowed;
  const attachments = detail.attachments;
  const [service, deliveries, units, districts, handlers, staffNames] = await Promise.all([
    getService(db, { code: row.serviceCode, version: row.serviceVersion }),
    listDeliveries(db, { type: 'case', id: row.id }),
    listUnits(db),
    row.districtCode === null ? Promise.resolve([]) : listDistricts(db),
    may('assign') ? listUnitHandlers(db, row.unitCode) : Promise.resolve(null),
    staffNamesById(
      db,
      detail.extensions.flatMap((extension) =>
        extension.decidedBy === null ? [extension.requestedBy] : [extension.requestedBy, extension.decidedBy],
      ),
    ),
  ]);
  const deficiency = await loadCaseNoticesSection(db, row, lang);
  const transitions = availableTransitions(row, actor, context);
  const isNamedInState = workflowOf(row.kind).eventsFor(row.state, actor.role).length > 0;
  const active = extras.active ?? null;
  const district = districts.find((candidate) => candidate.code === row.districtCode);
  const model = {
    lang,
    role: actor.role,
    csrfToken: options.csrfToken,
    detail,
    service,
    districtName: district === undefined ? row.districtCode : nameIn(lang, district),
    attachments,
    deliveries,
    deficiency,
    transitions,
    readOnly:
      transitions.length > 0
        ? null
        : actor.role === 'admin'
          ? 'admin'
          : isNamedInState
            ? 'other_unit_or_handler'
            : 'nothing_now',
    transferUnits: units
      .filter((unit) => unit.isActive && unit.code !== row.unitCode)
      .map((unit) => ({ code: unit.code, name: nameIn(lang, unit) })),
    unitNames: new Map(units.map((unit) => [unit.code as string, nameIn(lang, unit)])),
    staffNames,
    canRequestExtension: may('request_extension'),
    canDecideExtensions: may('decide_extension'),
    assignableHandlers: handlers,
    successMessage: extras.successMessage ?? null,
    problems:
      active === null
        ? FormProblems.none
        : problemsOnPage(extras.problems ?? [], {
            lang,
            targetOf: (field) => problemTargetOf(active, field),
            wholeFormTarget: problemTargetOf(active, ''),
          }),
    active,
  } satisfies Omit<CasePageModel, 'conflict'>;
  const mayDecide = (extensionId: string) =>
    may(
      'decide_extension',
      pending.some((extension) => extension.id === extensionId),
    );
  return {
    ...model,
    conflict: extras.conflict
      ? { message: extras.conflict.message, isStillAvailable: isStillAvailable(active, model, mayDecide) }
      : null,
  };
}
