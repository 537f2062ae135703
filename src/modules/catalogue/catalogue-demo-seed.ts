import { systemActor } from '../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';
import { getService, publishServiceVersion } from './catalogue-service.ts';
import { definitionOfService, isSameDefinition } from './service-definition.ts';

/**
 * Publishes each demo service that is missing or whose content changed (as a new version, so cases keep
 * theirs), and leaves alone a service the bureau has made its own (not demo). Runs through
 * publishServiceVersion, so the demo data passes the same validation as an editor's. Returns how many
 * versions were written.
 */
export async function seedDemoCatalogue(db: DatabaseOrTransaction, now: Date = new Date()): Promise<number> {
  let published = 0;
  for (const definition of DEMO_SERVICES) {
    const current = await getService(db, { code: definition.code });
    if (current !== null && (!current.isDemo || isSameDefinition(definitionOfService(current), definition)))
      continue;
    await publishServiceVersion(db, { definition, actor: systemActor, now });
    published += 1;
  }
  return published;
}
