// Schema v3: what importing and exporting spreadsheets needs.
export const sheetsSchema = `
-- The sheet's headers in order (exports give every input column back in it) and how it was read.
ALTER TABLE batches ADD COLUMN source_headers_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE batches ADD COLUMN source_info_json TEXT NOT NULL DEFAULT '{}';
-- 0 while an import is still writing its rows: such a batch is not listed, and one left behind by
-- a crash is removed at the next start, so a sheet is never half-imported.
ALTER TABLE batches ADD COLUMN imported INTEGER NOT NULL DEFAULT 1 CHECK (imported IN (0, 1));

-- Problems found when the row was imported, per cell, as message keys and parameters so every
-- language can show them; NULL when the row is clean. A row with problems never runs.
ALTER TABLE rows ADD COLUMN issues_json TEXT;
-- Model and resolved parameters: rows with the same key make the same video.
ALTER TABLE rows ADD COLUMN duplicate_key TEXT;
ALTER TABLE rows ADD COLUMN duplicate_of INTEGER REFERENCES rows(id) ON DELETE SET NULL;
-- The creator's answer to "same as row 12": reuse its video, or run again. NULL: not asked yet.
ALTER TABLE rows ADD COLUMN duplicate_choice TEXT CHECK (duplicate_choice IN ('reuse', 'run'));
CREATE INDEX rows_done_by_duplicate_key ON rows (duplicate_key) WHERE status = 'done';
`;
