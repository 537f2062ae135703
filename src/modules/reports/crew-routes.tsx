import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';

/** Placeholder: replaced by the pages of issue 10 (being written). */
export async function crewRoutes(_app: AppInstance, _deps: AppDeps): Promise<void> {}
