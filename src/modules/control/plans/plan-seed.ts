import { systemActor } from '../../../platform/auth/audit-log.ts';
import type { Transaction } from '../../../platform/db/database.ts';
import { PLAN_101 } from './data/plan-101.ts';
import { loadPublishedPlan } from './plan-copying.ts';

/**
 * Loads the 101 (2012) plan, transcribed in data/plan-101.ts, as the published 2012 plan (version 1) when
 * the database has no 2012 plan yet. It never touches an existing one: after the first start the plan is
 * the secretariat's, and a correction is a change with a reason like any other. Returns 1 when loaded.
 */
export async function seedPlan101(tx: Transaction, now: Date = new Date()): Promise<number> {
  const loaded = await loadPublishedPlan(tx, PLAN_101, { actor: systemActor, now, lang: 'zh-TW' });
  return loaded ? 1 : 0;
}
