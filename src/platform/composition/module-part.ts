import type { AppModule } from './app-module.ts';

/**
 * A module with several capabilities (the portal: content, FAQ, search, feeds; administration: staff,
 * units, calendar, routing, classifications) gives each its own part of the manifest in its folder
 * (`<capability>/<capability>-part.ts`); the module's `index.ts` joins them into one with `joinParts`.
 */
export type ModulePart = Omit<AppModule, 'name'>;

type ListKey = {
  [Key in keyof ModulePart]-?: NonNullable<ModulePart[Key]> extends readonly unknown[] ? Key : never;
}[keyof ModulePart];

const listKeys: readonly ListKey[] = [
  'routes',
  'staffAreas',
  'workers',
  'scans',
  'seeds',
  'demoData',
  'notificationTopics',
  'auditActions',
  'publicReads',
  'searchSources',
  'openData',
  'pageSections',
];

/** One manifest from the parts: lists joined in part order, commands merged (a name used twice throws). */
export function joinParts(name: string, parts: readonly ModulePart[]): AppModule {
  const joined: Record<string, unknown> = { name };
  for (const key of listKeys) {
    const items = parts.flatMap((part) => (part[key] ?? []) as readonly unknown[]);
    if (items.length > 0) joined[key] = items;
  }
  const commands: Record<string, NonNullable<ModulePart['commands']>[string]> = {};
  for (const part of parts) {
    for (const [command, definition] of Object.entries(part.commands ?? {})) {
      if (command in commands) throw new Error(`Two parts of ${name} define the command "${command}".`);
      commands[command] = definition;
    }
  }
  if (Object.keys(commands).length > 0) joined.commands = commands;
  const calendarHandlers = parts.flatMap((part) => (part.onCalendarChange ? [part.onCalendarChange] : []));
  if (calendarHandlers.length > 1) throw new Error(`Only one part of ${name} may handle calendar changes.`);
  if (calendarHandlers[0]) joined.onCalendarChange = calendarHandlers[0];
  return joined as unknown as AppModule;
}
