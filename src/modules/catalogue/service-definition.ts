import { isDeepStrictEqual } from 'node:util';
import type { ServiceDefinition } from './catalogue-schemas.ts';
import type { ServiceDetail } from './catalogue-service.ts';

/**
 * A stored version and the definition it was published from: pure, so the form's round trip and the demo
 * seed's "nothing changed" are unit-tested without a database.
 */

/** The definition a stored version was published from, to compare with a candidate. */
export function definitionOfService(service: ServiceDetail): ServiceDefinition {
  return {
    code: service.code,
    isDemo: service.isDemo,
    nameZh: service.nameZh,
    nameEn: service.nameEn,
    summaryZh: service.summaryZh,
    summaryEn: service.summaryEn,
    descriptionZh: service.descriptionZh,
    descriptionEn: service.descriptionEn,
    kind: service.kind,
    unitCode: service.unit.code,
    checklist: service.checklist,
    fees: service.fees,
    deadline: service.deadline,
    sopSteps: service.sopSteps,
    formFields: service.formFields,
    sample: service.sample,
    serviceClassificationCode: service.serviceClassificationCode,
    themeClassificationCode: service.themeClassificationCode,
    administrativeClassificationCode: service.administrativeClassificationCode,
    isOnline: service.isOnline,
  };
}

/** Whether publishing `candidate` would change nothing (JSON round trip: jsonb drops undefined keys). */
export function isSameDefinition(stored: ServiceDefinition, candidate: ServiceDefinition): boolean {
  const plain = (value: ServiceDefinition) =>
    JSON.parse(JSON.stringify({ ...value, isDemo: value.isDemo ?? false }));
  return isDeepStrictEqual(plain(stored), plain(candidate));
}
