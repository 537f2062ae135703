import { asc } from 'drizzle-orm';
import type { SearchSource } from '../../platform/search/search-index.ts';
import { services } from './catalogue-schema.ts';
import { getCurrentServices } from './catalogue-service.ts';
import { serviceDocumentsOf } from './service-search-documents.ts';

/** Every service's current version (the seed and `search:reindex`). */
export const catalogueSearchSource: SearchSource = {
  source: 'service',
  async *documents(db) {
    const codes = await db.select({ code: services.code }).from(services).orderBy(asc(services.code));
    for (let start = 0; start < codes.length; start += 100) {
      const batch = await getCurrentServices(
        db,
        codes.slice(start, start + 100).map((row) => row.code),
      );
      yield batch.map((service) => ({ sourceId: service.code, documents: serviceDocumentsOf(service) }));
    }
  },
};
