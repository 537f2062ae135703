/**
 * The rule of declaring a day closed or open (a typhoon day, 天然災害停止上班; its correction): refused when
 * it is already what is in force for that day and that scope, so that nothing is written twice and a second
 * person who heard the same announcement is told it is done. Pure (unit-tested without a database).
 */

export type DeclarationRefusal =
  /** An override for the same day and scope already says the same. */
  | 'already_declared'
  /** No override, but the official calendar already says the same (closing a Sunday). */
  | 'already_in_force';

export function declarationRefusal(state: {
  /** The override row of the same (date, scope), if any: its isHoliday. */
  existingOverride: boolean | null;
  /** Whether the day is closed now for that scope (the file, then the overrides that apply). */
  isClosedNow: boolean;
  /** What is declared: closed (true) or open (false). */
  isHoliday: boolean;
}): DeclarationRefusal | null {
  if (state.existingOverride === state.isHoliday) return 'already_declared';
  if (state.existingOverride === null && state.isClosedNow === state.isHoliday) return 'already_in_force';
  return null;
}

/** The region an override row carries for a scope: null everywhere, the configured region otherwise. */
export function regionOfScope(scope: 'everywhere' | 'region', calendarRegion: string): string | null {
  return scope === 'everywhere' ? null : calendarRegion;
}
