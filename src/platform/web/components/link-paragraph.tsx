import type { ComponentChildren } from 'preact';

/** A paragraph that is one link: back to a page, start again, see the page elsewhere. */
export function LinkParagraph({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={href}>
        {children}
      </a>
    </p>
  );
}
