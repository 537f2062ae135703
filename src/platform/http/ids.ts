import { Type } from 'typebox';

/** Our row ids are UUIDs; anything else in a URL names nothing (answer 404 without asking the database). */
export const uuidSource = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const uuidPattern = new RegExp(uuidSource);

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A route parameter holding an id: a UUID, or the route answers 400 before any handler runs. */
export const UuidParam = Type.String({ pattern: uuidSource, maxLength: 36 });
