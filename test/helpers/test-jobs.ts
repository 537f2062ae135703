import { createJobs, type Jobs } from '../../src/platform/jobs/jobs.ts';

/**
 * A pg-boss handle on a test database, as one app process holds it: polling every half second (tests wait
 * for jobs) and a small pool (every test file has its own database on one server).
 */
export function createTestJobs(connectionString: string): Jobs {
  return createJobs({ connectionString, pollingIntervalSeconds: 0.5, poolMax: 3 });
}
