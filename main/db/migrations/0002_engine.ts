// Schema v2: what the batch engine needs to run, resume after a crash, and learn.
export const engineSchema = `
-- Takes: a row asks for 'takes' videos; each attempt makes one take. Runs: a re-run of a row starts
-- a new run, and the three-attempt limit counts within a run.
ALTER TABLE rows ADD COLUMN run INTEGER NOT NULL DEFAULT 1 CHECK (run > 0);
ALTER TABLE attempts ADD COLUMN take INTEGER NOT NULL DEFAULT 1 CHECK (take > 0);
ALTER TABLE attempts ADD COLUMN run INTEGER NOT NULL DEFAULT 1 CHECK (run > 0);
-- Everything needed to find the job again (provider, wire model, task id, fal's URLs), as JSON.
ALTER TABLE attempts ADD COLUMN task_ref_json TEXT;
ALTER TABLE attempts ADD COLUMN result_urls_json TEXT;
ALTER TABLE attempts ADD COLUMN progress REAL CHECK (progress BETWEEN 0 AND 100);
ALTER TABLE attempts ADD COLUMN poll_count INTEGER NOT NULL DEFAULT 0;
-- Model, resolution and duration as one key, for learning generation times per class.
ALTER TABLE attempts ADD COLUMN class_key TEXT;
-- How long the provider took to generate (its own timestamps when given, else our observation).
ALTER TABLE attempts ADD COLUMN generation_ms INTEGER;
ALTER TABLE attempts ADD COLUMN detected_at INTEGER;
ALTER TABLE attempts ADD COLUMN error_code TEXT;
ALTER TABLE attempts ADD COLUMN retryable INTEGER CHECK (retryable IN (0, 1));
CREATE INDEX attempts_by_class ON attempts (class_key, finished_at) WHERE status = 'succeeded';
CREATE INDEX attempts_by_row ON attempts (row_id, take, attempt_number);

ALTER TABLE batches ADD COLUMN pause_reason TEXT;

-- The ledger again, now allowing a negative 'hold': an unknown outcome that is later resolved
-- appends hold -X and then settle X or release X, so entries are never edited and, for every
-- attempt, reserved = settled + released + held still holds.
CREATE TABLE ledger_v2 (
  id             INTEGER PRIMARY KEY,
  attempt_id     INTEGER REFERENCES attempts(id),
  batch_id       INTEGER REFERENCES batches(id),
  kind           TEXT    NOT NULL CHECK (kind IN ('reserve','settle','release','hold')),
  amount_micros  INTEGER NOT NULL CHECK (amount_micros >= 0 OR kind = 'hold'),
  unit           TEXT    NOT NULL CHECK (unit IN ('credits','usd')),
  provider       TEXT    NOT NULL,
  note           TEXT,
  created_at     INTEGER NOT NULL
) STRICT;
INSERT INTO ledger_v2 SELECT * FROM ledger;
DROP TABLE ledger;
ALTER TABLE ledger_v2 RENAME TO ledger;
CREATE INDEX ledger_by_attempt ON ledger (attempt_id);
CREATE INDEX ledger_by_batch ON ledger (batch_id);
CREATE INDEX ledger_by_time ON ledger (created_at);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
`;
