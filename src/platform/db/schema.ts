/**
 * Every table, for drizzle-kit (which reads `src/**\/*-schema.ts`) and for typed queries. Each module
 * owns its `<module>-schema.ts`; this file only gathers them.
 */

export * from '../../modules/cases/cases-schema.ts';
export * from '../../modules/catalogue/catalogue-schema.ts';
export * from '../../modules/control/control-schema.ts';
export * from '../../modules/notifications/notifications-schema.ts';
export * from '../auth/auth-schema.ts';
export * from '../calendar/calendar-schema.ts';
export * from '../geo/geo-schema.ts';
export * from '../reference/reference-schema.ts';
export * from './meta-schema.ts';
