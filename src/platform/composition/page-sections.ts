import type { ComponentChildren } from 'preact';
import type { ModuleRegistry, PageSectionContext } from './app-module.ts';

/**
 * What the modules add to one page (AppModule.pageSections): each section of the registry for `page`, in
 * module order, rendered with the page's context; those with nothing to show are left out. A route gets the
 * registry as its third argument (RoutePlugin).
 */
export async function renderPageSections(
  registry: Pick<ModuleRegistry, 'pageSections'>,
  page: string,
  context: PageSectionContext,
): Promise<ComponentChildren[]> {
  const sections = registry.pageSections.filter((section) => section.page === page);
  const rendered = await Promise.all(sections.map((section) => section.render(context)));
  return rendered.filter((section) => section !== null && section !== undefined);
}
