/** The case-type analysis's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const analysisPaths = {
  /** The analysis page: filters in the query (a GET form), tables, hotspots and the map. */
  page: '/staff/petitions/analysis',
  /** The same tables, as a CSV (UTF-8 with a BOM, for Excel) and as an OpenDocument spreadsheet. */
  csv: '/staff/petitions/analysis.csv',
  ods: '/staff/petitions/analysis.ods',
  /** The monthly report for the Secretariat (`?month=YYYY-MM`). */
  monthly: '/staff/petitions/analysis/monthly',
} as const;
