import type { TestApp } from '../../../test/helpers/test-app.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import { createApiKey } from './api-keys.ts';

/** A new Open311 API key, made as `npx onewindow api-key:create` makes one ('' rate: the default limit). */
export async function anApiKey(subject: TestApp, name: string, rate = '1000'): Promise<string> {
  const created = await createApiKey(subject.database.db, {
    name,
    rate,
    createdByStaffId: null,
    actor: cliActor,
    now: subject.clock.now(),
    lang: 'en',
  });
  return created.key;
}
