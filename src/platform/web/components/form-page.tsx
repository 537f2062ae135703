import type { ComponentChildren } from 'preact';
import type { Static, TObject } from 'typebox';
import type { Lang } from '../i18n.ts';
import { Button, type ControlProps, CsrfField, ErrorSummary } from './form-controls.tsx';
import type { FormProblems } from './form-problems.ts';
import type { FormDefinition } from './read-form.ts';

/**
 * The frame of a page with a form, and the form itself, as every module lays them out: the pieces a form
 * page would otherwise write again around its fields.
 */

/**
 * A page of one form: the error summary first (announced and focused when there are problems), then a
 * notice (a banner), the heading and its lead, then the form and whatever follows it, in the two-thirds
 * column GOV.UK keeps forms to.
 */
export function FormPage(props: {
  lang: Lang;
  problems: FormProblems;
  title: string;
  lead?: string | undefined;
  notice?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={props.lang} problems={props.problems} />
        {props.notice}
        <h1 class="govuk-heading-l">{props.title}</h1>
        {props.lead === undefined ? null : <p class="govuk-body">{props.lead}</p>}
        {props.children}
      </div>
    </div>
  );
}

/**
 * A form posted back to the server with the CSRF token, ended by its submit button. `novalidate`: the
 * browser's own checks would stop at the first problem in its own words; the page lists every problem at
 * once, in the user's language. `isUpload` sends files (multipart).
 */
export function PostForm(props: {
  action: string;
  csrfToken: string;
  submit: string;
  isUpload?: boolean;
  isSecondary?: boolean;
  isWarning?: boolean;
  preventsDoubleClick?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.isUpload ? 'multipart/form-data' : undefined}
      novalidate
    >
      <CsrfField token={props.csrfToken} />
      {props.children}
      <Button
        isSecondary={props.isSecondary}
        isWarning={props.isWarning}
        preventsDoubleClick={props.preventsDoubleClick}
      >
        {props.submit}
      </Button>
    </form>
  );
}

/** A text field's limit as its form defines it (field-limits.ts), or undefined for other kinds. */
export function textLimitOf<Schema extends TObject>(
  form: FormDefinition<Schema>,
  name: string,
): number | undefined {
  const schema = (form.schema.properties as Record<string, { 'x-kind'?: unknown; maxLength?: unknown }>)[
    name
  ];
  if (schema === undefined || (schema['x-kind'] ?? 'text') !== 'text') return undefined;
  return typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
}

/**
 * What every text control of one form shares, by field name: its name, its label (the form definition's,
 * the words its problems name it by), the text typed (shown again after a problem), the problems and the
 * field's limit (its `maxlength` and the hint that says it).
 * `const control = textControls(form, view)`, then `<TextInput {...control('name')} hint={…} />`.
 */
export function textControls<Schema extends TObject>(
  form: FormDefinition<Schema>,
  view: {
    lang: Lang;
    values: { readonly [Key in keyof Static<Schema>]?: unknown };
    problems: FormProblems;
  },
) {
  return (name: keyof Static<Schema> & string): ControlProps & { value: string } => {
    const typed = view.values[name];
    return {
      lang: view.lang,
      name,
      label: form.labels[name][view.lang],
      value: typeof typed === 'string' ? typed : '',
      problems: view.problems,
      maxLength: textLimitOf(form, name),
    };
  };
}
