import type { StaffRole } from '../../../../platform/auth/principal.ts';
import type { Lang } from '../../../../platform/web/i18n.ts';
import type { ServiceDetail } from '../../../catalogue/index.ts';
import type { DeliveryRow } from '../../../notifications/index.ts';
import type { AttachmentMetadata } from '../../core/case-attachments.ts';
import type { UnitHandler } from '../../core/case-staff-repo.ts';
import type { CaseEvent, Transition } from '../../core/case-workflow.ts';
import type { CaseDetail } from '../../core/cases-service.ts';
import type { ShownProblem } from './console-components.tsx';

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

/** Everything the case page shows; the route gathers it, the views only lay it out. */
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
  /** The workflow actions this person may take now (state, role, guards). */
  transitions: readonly Transition[];
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
  problems: readonly ShownProblem[];
  /** Field errors by input id. */
  fieldErrors: ReadonlyMap<string, string>;
  active: ActiveForm | null;
}
