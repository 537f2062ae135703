import { units } from './reference-schema.ts';

/** A unit as a citizen's page or receipt shows it: name, phone, address and service hours, in both languages. */
export interface UnitCard {
  code: string;
  nameZh: string;
  nameEn: string;
  phone: string;
  addressZh: string;
  addressEn: string;
  serviceHoursZh: string;
  serviceHoursEn: string;
}

/** The columns a query joined with `units` selects for `unitCardOf` (spread them into its select). */
export const unitCardColumns = {
  unitCode: units.code,
  unitNameZh: units.nameZh,
  unitNameEn: units.nameEn,
  unitPhone: units.phone,
  unitAddressZh: units.addressZh,
  unitAddressEn: units.addressEn,
  unitServiceHoursZh: units.serviceHoursZh,
  unitServiceHoursEn: units.serviceHoursEn,
};

type UnitCardRow = { [K in keyof typeof unitCardColumns]: (typeof unitCardColumns)[K]['_']['data'] };

export function unitCardOf(row: UnitCardRow): UnitCard {
  return {
    code: row.unitCode,
    nameZh: row.unitNameZh,
    nameEn: row.unitNameEn,
    phone: row.unitPhone,
    addressZh: row.unitAddressZh,
    addressEn: row.unitAddressEn,
    serviceHoursZh: row.unitServiceHoursZh,
    serviceHoursEn: row.unitServiceHoursEn,
  };
}
