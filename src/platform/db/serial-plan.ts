import { sql } from 'drizzle-orm';

/**
 * A column that keeps its statement's plan serial: a parallel-unsafe function anywhere in a statement does.
 * On a busy 2-core machine starting a parallel worker costs more than the query it would help (70–150 ms
 * against 10–20 ms for the Open311 list's backward index scan; 17–55 ms against 4.6 ms for the map's box with
 * a category and `state=open`, on 1,000,000 reports). It only reads (null unless the transaction has
 * written) and, unlike `SET LOCAL`, keeps the query one statement. Select it beside the columns and drop it.
 */
export const serialPlan = sql<string | null>`pg_current_xact_id_if_assigned()`;
