import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { runRelevanceSet } from './relevance-run.ts';
import { relevanceSet } from './relevance-set.ts';

/**
 * The relevance set (issue 15, "Tests and figures") on the seeded demo data: at least 40 everyday questions,
 * precision@3 and MRR printed, and the run fails below the target MRR of 0.8.
 */
describe('search relevance on the demo data', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  it('has at least 40 questions, each expecting something the demo data holds', async () => {
    assert.ok(relevanceSet.length >= 40, `${relevanceSet.length} questions`);
    const report = await runRelevanceSet(handle.db, { now: new Date() });
    const unknown = report.outcomes.filter((outcome) => outcome.unknown.length > 0);
    assert.deepEqual(
      unknown.map((outcome) => `${outcome.question}: ${outcome.unknown.join(', ')}`),
      [],
    );
  });

  it('finds the expected answers: MRR ≥ 0.8 (precision@3 and MRR printed)', async () => {
    const report = await runRelevanceSet(handle.db, { now: new Date() });
    const percentile = (share: number) =>
      report.timings[Math.min(report.timings.length - 1, Math.floor(share * report.timings.length))] ?? 0;
    for (const outcome of report.outcomes) {
      if (outcome.firstRank === 1) continue;
      console.log(`# rank ${outcome.firstRank ?? '—'}: ${outcome.question} → ${outcome.topPaths.join(' ')}`);
    }
    console.log(
      `# relevance: ${report.outcomes.length} questions, precision@3 ${report.meanPrecisionAt3.toFixed(3)}, ` +
        `MRR ${report.meanReciprocalRank.toFixed(3)}, search p50 ${percentile(0.5).toFixed(1)} ms, ` +
        `p95 ${percentile(0.95).toFixed(1)} ms`,
    );
    assert.ok(report.meanReciprocalRank >= 0.8, `MRR ${report.meanReciprocalRank.toFixed(3)} < 0.8`);
  });
});
