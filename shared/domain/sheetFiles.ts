/** The files the importer reads, as the open dialogs offer them (browser input and native menu alike). */
export const SHEET_EXTENSIONS = ['xlsx', 'xls', 'csv', 'tsv', 'txt'] as const;
