// Schema v4: what reviewing videos needs.
export const reviewSchema = `
-- The creator's verdict on a take: picked, rejected, or NULL (not reviewed yet).
ALTER TABLE attempts ADD COLUMN pick TEXT CHECK (pick IN ('picked', 'rejected'));
-- The gallery lists finished videos newest first.
-- The detail pane shows one row's log lines.
CREATE INDEX logs_by_row ON logs (row_id, id) WHERE row_id IS NOT NULL;
CREATE INDEX attempts_with_video ON attempts (finished_at) WHERE file_path IS NOT NULL;
`;
