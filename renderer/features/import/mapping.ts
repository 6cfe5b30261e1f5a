import { sheetFieldNames, type ImportPreview, type SheetFieldName } from '../../../shared/contract/importSchemas.ts';

type Columns = ImportPreview['columns'];
export type FieldMapping = Partial<Record<SheetFieldName, string | null>>;

/**
 * The whole mapping after the creator gives `header` the field `field` (null: not used). Every field
 * is named, mapped or null, so the answer does not depend on how main merges it with earlier
 * choices or a template; a column that had `field` before gives it up.
 */
export function mappingWith(columns: Columns, header: string, field: SheetFieldName | null): FieldMapping {
  const mapping: FieldMapping = Object.fromEntries(sheetFieldNames.map((name) => [name, null]));
  for (const column of columns) {
    if (column.field && column.header !== header && column.field !== field) mapping[column.field] = column.header;
  }
  if (field) mapping[field] = header;
  return mapping;
}

/** Which column each field comes from, to label a field already taken in another column's select. */
export function headerByField(columns: Columns): Partial<Record<SheetFieldName, string>> {
  const result: Partial<Record<SheetFieldName, string>> = {};
  for (const column of columns) if (column.field) result[column.field] = column.header;
  return result;
}
