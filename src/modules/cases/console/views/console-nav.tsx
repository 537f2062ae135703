import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { rolesFor } from '../../core/case-actions.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';

/** Links between the console's pages that this role may open (the actions table); the current one is marked. */
export function ConsoleNav({ lang, role, current }: { lang: Lang; role: StaffRole; current: string }) {
  const links: { path: string; label: string }[] = [];
  // "My cases" is a handler's; the others work from the unit queue.
  if (role === 'handler') links.push({ path: consolePaths.myQueue, label: text(lang, 'myQueueLink') });
  if (rolesFor('work_queue').includes(role))
    links.push({ path: consolePaths.unitQueue, label: text(lang, 'unitQueueLink') });
  if (rolesFor('supervise').includes(role))
    links.push({ path: consolePaths.supervision, label: text(lang, 'supervisionLink') });
  if (rolesFor('look_up').includes(role))
    links.push({ path: consolePaths.lookup, label: text(lang, 'lookupLink') });
  if (links.length === 0) return null;
  return (
    <nav aria-label={text(lang, 'queueNavLabel')} class="govuk-!-margin-bottom-6">
      <ul class="govuk-list govuk-!-margin-bottom-0">
        {links.map((link) => (
          <li key={link.path} class="govuk-!-display-inline-block govuk-!-margin-right-4">
            <a
              class="govuk-link"
              href={localePath(lang, link.path)}
              aria-current={link.path === current ? 'page' : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
