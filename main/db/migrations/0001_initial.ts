// Schema v1. Every table is STRICT; times are Unix milliseconds; money is integer micro-units of
// the provider's own unit (credits or USD), so sums are exact.
export const initialSchema = `
CREATE TABLE batches (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  source_file   TEXT,
  status        TEXT    NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft','running','paused','completed','cancelled')),
  provider      TEXT,
  options_json  TEXT    NOT NULL DEFAULT '{}',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE rows (
  id             INTEGER PRIMARY KEY,
  batch_id       INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
  row_number     INTEGER NOT NULL CHECK (row_number > 0),
  status         TEXT    NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft','queued','submitting','generating','downloading','done',
                                   'failed','unknown','stale','cancelled','paused')),
  prompt         TEXT    NOT NULL,
  model          TEXT,
  resolution     TEXT,
  duration_s     REAL,
  aspect         TEXT,
  image_url      TEXT,
  name           TEXT,
  takes          INTEGER NOT NULL DEFAULT 1 CHECK (takes > 0),
  priority       INTEGER NOT NULL DEFAULT 0,
  -- every column of the source sheet, as imported, so exports can give them back
  source_json    TEXT    NOT NULL DEFAULT '{}',
  progress       REAL    CHECK (progress BETWEEN 0 AND 100),
  error_code     TEXT,
  error_message  TEXT,
  output_path    TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  UNIQUE (batch_id, row_number)
) STRICT;
CREATE INDEX rows_by_batch_status ON rows (batch_id, status);

-- One attempt is one paid submission to a provider: the job record.
CREATE TABLE attempts (
  id                INTEGER PRIMARY KEY,
  row_id            INTEGER NOT NULL REFERENCES rows(id) ON DELETE CASCADE,
  attempt_number    INTEGER NOT NULL CHECK (attempt_number > 0),
  provider          TEXT    NOT NULL,
  model             TEXT    NOT NULL,
  request_json      TEXT    NOT NULL DEFAULT '{}',
  status            TEXT    NOT NULL
                    CHECK (status IN ('submitting','generating','downloading','succeeded',
                                      'failed','unknown','stale','cancelled')),
  provider_task_id  TEXT,
  error_class       TEXT,
  error_message     TEXT,
  result_url        TEXT,
  file_path         TEXT,
  file_size         INTEGER,
  file_sha256       TEXT,
  created_at        INTEGER NOT NULL,
  submitted_at      INTEGER,
  finished_at       INTEGER,
  updated_at        INTEGER NOT NULL,
  UNIQUE (row_id, attempt_number)
) STRICT;
CREATE UNIQUE INDEX attempts_by_task ON attempts (provider, provider_task_id)
  WHERE provider_task_id IS NOT NULL;
CREATE INDEX attempts_by_status ON attempts (status);

-- Append-only: balances are sums over it, never stored counters.
CREATE TABLE ledger (
  id             INTEGER PRIMARY KEY,
  attempt_id     INTEGER REFERENCES attempts(id),
  batch_id       INTEGER REFERENCES batches(id),
  kind           TEXT    NOT NULL CHECK (kind IN ('reserve','settle','release','hold')),
  amount_micros  INTEGER NOT NULL CHECK (amount_micros >= 0),
  unit           TEXT    NOT NULL CHECK (unit IN ('credits','usd')),
  provider       TEXT    NOT NULL,
  note           TEXT,
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_by_attempt ON ledger (attempt_id);
CREATE INDEX ledger_by_batch ON ledger (batch_id);
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE logs (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER REFERENCES batches(id) ON DELETE CASCADE,
  row_id      INTEGER REFERENCES rows(id) ON DELETE CASCADE,
  type        TEXT    NOT NULL CHECK (type IN ('business','system')),
  level       TEXT    NOT NULL CHECK (level IN ('info','warn','error')),
  code        TEXT    NOT NULL,
  message     TEXT    NOT NULL,
  data_json   TEXT,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX logs_by_batch ON logs (batch_id, id);

-- Column-mapping templates, found again by the normalised header row of a sheet.
CREATE TABLE mapping_templates (
  id                INTEGER PRIMARY KEY,
  name              TEXT    NOT NULL,
  header_signature  TEXT    NOT NULL UNIQUE,
  mapping_json      TEXT    NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
) STRICT;
`;
