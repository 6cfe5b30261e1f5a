import type { RowEditFields } from '../../../shared/contract/reviewSchemas.ts';
import type { RowView } from '../../../shared/domain/batch.ts';

/**
 * A row whose page has not arrived yet. The grid is as long as the filter's total from the start,
 * so the scrollbar is right; these stand in until their page loads. Their key is negative so it
 * can never collide with a row id.
 */
export interface PlaceholderRow {
  placeholder: true;
  id: number;
  index: number;
}

export type GridRow = RowView | PlaceholderRow;

export const isPlaceholder = (row: GridRow): row is PlaceholderRow => 'placeholder' in row;
export const placeholderRow = (index: number): PlaceholderRow => ({ placeholder: true, id: -(index + 1), index });
export const rowKey = (row: GridRow): number => row.id;

export type EditField = keyof Omit<RowEditFields, 'image'>;

/** The columns a creator can edit, in grid order: pasting fills these to the right. */
export const editFields: readonly EditField[] = ['prompt', 'model', 'resolution', 'duration', 'aspect', 'name', 'takes', 'priority'];

export const isEditField = (key: string): key is EditField => (editFields as readonly string[]).includes(key);

/** A row's field as the creator would type it: what an editor starts from. */
export function fieldText(row: RowView, field: EditField): string {
  switch (field) {
    case 'prompt':
      return row.prompt;
    case 'duration':
      return row.durationS === null ? '' : String(row.durationS);
    case 'takes':
      return String(row.takes);
    case 'priority':
      return String(row.priority);
    default:
      return row[field] ?? '';
  }
}

/**
 * What the row looks like with an edit applied, shown until main's patch confirms it (main
 * re-validates; a value it cannot read comes back unchanged with an error message).
 */
export function withEdit(row: RowView, field: EditField, text: string): RowView {
  const trimmed = text.trim();
  switch (field) {
    case 'prompt':
      return { ...row, prompt: text };
    case 'duration': {
      const seconds = Number.parseFloat(trimmed);
      return Number.isFinite(seconds) ? { ...row, durationS: seconds } : row;
    }
    case 'takes':
    case 'priority': {
      const value = Number(trimmed);
      return Number.isInteger(value) ? { ...row, [field]: value } : row;
    }
    default:
      return { ...row, [field]: trimmed === '' ? null : trimmed };
  }
}

/** The row property an edit field is stored in. */
export const fieldProperty = (field: EditField): 'prompt' | 'model' | 'resolution' | 'durationS' | 'aspect' | 'name' | 'takes' | 'priority' =>
  field === 'duration' ? 'durationS' : field;

/** `current` with the edited fields put back as they were in `original`, anything newer kept. */
export function withFieldsOf(current: RowView, original: RowView, fields: readonly EditField[]): RowView {
  const row: RowView = { ...current };
  for (const field of fields) {
    const property = fieldProperty(field);
    Object.assign(row, { [property]: original[property] });
  }
  return row;
}
