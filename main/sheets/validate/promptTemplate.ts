import { normaliseHeader } from '../map/sheetFields.ts';

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** A function filling `{{column}}` from a row's cells by header (case, spaces and width ignored). */
export function templateFiller(headers: readonly string[]): (template: string, cellOf: (column: number) => string, rowNumber: number) => { text: string; unknown: string[] } {
  const columns = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (!columns.has(key)) columns.set(key, index);
  });
  return (template, cellOf, rowNumber) => {
    if (!template.includes('{{')) return { text: template, unknown: [] };
    const unknown: string[] = [];
    const text = template.replace(VARIABLE, (whole, name: string) => {
      const key = normaliseHeader(name);
      if (key === 'row') return String(rowNumber);
      const column = columns.get(key);
      if (column === undefined) {
        unknown.push(name);
        return whole;
      }
      return cellOf(column).trim();
    });
    return { text, unknown };
  };
}
