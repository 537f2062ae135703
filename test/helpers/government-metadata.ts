/**
 * The metadata every page must carry (行政機關電子資料流通詮釋資料及分類檢索規範, TAIWAN.md): the 15 Dublin
 * Core elements (coverage as t.min/t.max) and the three classifications. Written out here, independently
 * of the code under test, so a tag dropped there fails the tests.
 */
export const dublinCoreNames = [
  'DC.Title',
  'DC.Creator',
  'DC.Subject',
  'DC.Description',
  'DC.Contributor',
  'DC.Type',
  'DC.Format',
  'DC.Source',
  'DC.Language',
  'DC.coverage.t.min',
  'DC.coverage.t.max',
  'DC.Publisher',
  'DC.Date',
  'DC.Identifier',
  'DC.Relation',
  'DC.Rights',
];

export const requiredMetaNames = [...dublinCoreNames, 'Category.Theme', 'Category.Cake', 'Category.Service'];
