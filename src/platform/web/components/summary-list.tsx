import type { ComponentChildren } from 'preact';

/**
 * GOV.UK summary lists (`govuk-summary-list`): a key and its value a row. SummaryRow is one row written in
 * place inside a `<dl class="govuk-summary-list">`; SummaryList is a whole list from an array of rows.
 */

/** One row of a summary list; `labelLang`/`valueLang` mark a key or value written in the other language. */
export function SummaryRow(props: {
  label: string;
  labelLang?: string | undefined;
  valueLang?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key" lang={props.labelLang}>
        {props.label}
      </dt>
      <dd class="govuk-summary-list__value" lang={props.valueLang}>
        {props.children}
      </dd>
    </div>
  );
}

/** A GOV.UK summary list: each row a key and its value; a row may be left out with null. */
export function SummaryList({
  rows,
}: {
  rows: readonly ({ key: ComponentChildren; value: ComponentChildren; id?: string; state?: string } | null)[];
}) {
  return (
    <dl class="govuk-summary-list">
      {rows.map((row, index) =>
        row === null ? null : (
          <div key={index} class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{row.key}</dt>
            <dd class="govuk-summary-list__value" id={row.id} data-state={row.state}>
              {row.value}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
