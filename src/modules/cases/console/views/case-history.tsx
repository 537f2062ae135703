import type { Lang } from '../../../../platform/web/i18n.ts';
import { DeliveryStateTag } from '../../../notifications/index.ts';
import type { CaseDetail } from '../../core/case-queries.ts';
import { isCaseEvent, isCaseState } from '../../core/workflows.ts';
import { casePageNameOf as nameOf, casePageText as text } from '../case-page-messages.ts';
import type { CasePageModel } from '../case-page-model.ts';
import { eventName } from './case-page-actions.tsx';
import { CasePageTable } from './case-page-table.tsx';
import { formatDate, formatDateTime } from './console-format.ts';
import { Section, stateName } from './console-parts.tsx';

/** The case page's history: the whole timeline (internal notes marked) and the notices sent. */

function timelineKindName(lang: Lang, kind: string): string {
  return isCaseEvent(kind) ? eventName(lang, kind) : nameOf(lang, 'timelineKind_', kind);
}

function actorName(lang: Lang, label: string): string {
  if (label === 'applicant') return text(lang, 'actorApplicant');
  if (label === 'system') return text(lang, 'actorSystem');
  return label;
}

/** The structured facts of a timeline row in words (who it was assigned to, where it went …). */
function timelineFacts(
  lang: Lang,
  event: CaseDetail['timeline'][number],
  unitNames: ReadonlyMap<string, string>,
  isHours: boolean,
): string[] {
  const data = event.data;
  const facts: string[] = [];
  const str = (value: unknown) => (typeof value === 'string' ? value : null);
  if (event.kind === 'assigned' && str(data.handlerName) !== null)
    facts.push(text(lang, 'timelineAssignedTo', { name: str(data.handlerName) ?? '' }));
  if (event.kind === 'transfer' && str(data.fromUnit) !== null && str(data.toUnit) !== null) {
    const from = str(data.fromUnit) ?? '';
    const to = str(data.toUnit) ?? '';
    facts.push(
      text(lang, 'timelineTransferred', { from: unitNames.get(from) ?? from, to: unitNames.get(to) ?? to }),
    );
  }
  if (event.kind === 'forward' && str(data.agency) !== null)
    facts.push(text(lang, 'timelineForwardedTo', { agency: str(data.agency) ?? '' }));
  if (event.kind === 'merge' && str(data.mergedInto) !== null)
    facts.push(text(lang, 'timelineMergedInto', { caseNumber: str(data.mergedInto) ?? '' }));
  if (event.kind === 'note' && str(data.mergedFrom) !== null)
    facts.push(text(lang, 'timelineMergedFrom', { caseNumber: str(data.mergedFrom) ?? '' }));
  if (event.kind.startsWith('extension_') && typeof data.amount === 'number')
    facts.push(
      text(lang, isHours ? 'timelineExtensionHours' : 'timelineExtensionDays', { amount: data.amount }),
    );
  if (event.kind === 'extension_approved' && str(data.expectedCompletionDate) !== null)
    facts.push(
      text(lang, 'timelineNewDate', { date: formatDate(lang, str(data.expectedCompletionDate) ?? '') }),
    );
  return facts;
}

function stateOrRaw(lang: Lang, state: string | null): string {
  if (state === null) return '';
  return isCaseState(state) ? stateName(lang, state) : state;
}

/** The states column: "from → to", only the new state when the event opened the case, nothing when neither is set. */
function stateChange(lang: Lang, fromState: string | null, toState: string | null): string {
  if (fromState === null && toState === null) return '';
  if (fromState === null) return stateOrRaw(lang, toState);
  return `${stateOrRaw(lang, fromState)} → ${stateOrRaw(lang, toState)}`;
}

export function Timeline({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <Section id="timeline" title={text(lang, 'sectionTimeline')}>
      <CasePageTable
        lang={lang}
        id="timeline-table"
        rows={detail.timeline}
        emptyKey="timelineEmpty"
        rowData={(event) => ({ 'data-timeline-kind': event.kind })}
        columns={[
          {
            head: 'timelineColumnTime',
            cell: (event) => (
              <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(lang, event.occurredAt)}</time>
            ),
          },
          { head: 'timelineColumnActor', cell: (event) => actorName(lang, event.actorLabel) },
          { head: 'timelineColumnEvent', cell: (event) => timelineKindName(lang, event.kind) },
          {
            head: 'timelineColumnStates',
            cell: (event) => stateChange(lang, event.fromState, event.toState),
          },
          {
            head: 'timelineColumnNotes',
            cell: (event) => (
              <>
                {timelineFacts(lang, event, model.unitNames, isHours).map((fact) => (
                  <p key={fact} class="govuk-body-s govuk-!-margin-bottom-1">
                    {fact}
                  </p>
                ))}
                {event.publicNote ? (
                  <p class="govuk-body-s govuk-!-margin-bottom-1" data-note="public">
                    {text(lang, 'timelinePublic')}
                    {event.publicNote}
                  </p>
                ) : null}
                {event.internalNote ? (
                  <p class="govuk-body-s govuk-!-margin-bottom-1" data-note="internal">
                    <strong class="govuk-tag govuk-tag--grey">{text(lang, 'internalTag')}</strong>{' '}
                    {event.internalNote}
                  </p>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

export function Deliveries({ model }: { model: CasePageModel }) {
  const { lang } = model;
  return (
    <Section id="deliveries" title={text(lang, 'sectionDeliveries')}>
      <CasePageTable
        lang={lang}
        id="deliveries-table"
        rows={model.deliveries}
        emptyKey="deliveriesEmpty"
        rowData={(delivery) => ({ 'data-delivery-topic': delivery.topic })}
        columns={[
          { head: 'deliveryColumnTime', cell: (delivery) => formatDateTime(lang, delivery.createdAt) },
          { head: 'deliveryColumnSubject', cell: (delivery) => delivery.subject },
          {
            head: 'deliveryColumnChannel',
            cell: (delivery) =>
              text(lang, delivery.channel === 'sms' ? 'deliveryChannel_sms' : 'deliveryChannel_email'),
          },
          { head: 'deliveryColumnRecipient', cell: (delivery) => delivery.recipient },
          {
            head: 'deliveryColumnState',
            // The notifications module's own words: an SMS only logged says 「已記錄，未寄出」, never sent.
            cell: (delivery) => <DeliveryStateTag lang={lang} state={delivery.state} />,
          },
          { head: 'deliveryColumnAttempts', cell: (delivery) => delivery.attempts },
          { head: 'deliveryColumnError', cell: (delivery) => delivery.lastError ?? '' },
        ]}
      />
    </Section>
  );
}
