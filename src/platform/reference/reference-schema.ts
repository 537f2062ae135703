import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The bureau's reference data: its units and the three classification schemes of the government
 * metadata standard. The theme (主題分類) and administrative (施政分類) lists were not found in public
 * sources, so their tables start empty and an admin loads them from a file.
 */

export const units = pgTable('units', {
  /** Stable URL-safe code, e.g. 'road-maintenance'. */
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionZh: text('description_zh').notNull(),
  descriptionEn: text('description_en').notNull(),
  addressZh: text('address_zh').notNull(),
  addressEn: text('address_en').notNull(),
  phone: text('phone').notNull(),
  fax: text('fax').notNull(),
  email: text('email').notNull(),
  serviceHoursZh: text('service_hours_zh').notNull(),
  serviceHoursEn: text('service_hours_en').notNull(),
  isActive: boolean('is_active').notNull(),
  /** Null when the founding year is not confirmed. */
  activeFrom: integer('active_from'),
  activeUntil: integer('active_until'),
  succeededBy: text('succeeded_by').array().notNull().default(sql`'{}'::text[]`),
  isContactVerified: boolean('is_contact_verified').notNull().default(false),
  sortOrder: integer('sort_order').notNull(),
});

export const serviceClassifications = pgTable('service_classifications', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  parentCode: text('parent_code').references((): AnyPgColumn => serviceClassifications.code),
});

export const themeClassifications = pgTable('theme_classifications', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  parentCode: text('parent_code').references((): AnyPgColumn => themeClassifications.code),
});

export const administrativeClassifications = pgTable('administrative_classifications', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  parentCode: text('parent_code').references((): AnyPgColumn => administrativeClassifications.code),
});
