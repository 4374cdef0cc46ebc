-- Saraban dataset schema. Bump SCHEMA_VERSION in storage.py with every change here.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS files (
    file_id VARCHAR NOT NULL, source_name VARCHAR NOT NULL, status VARCHAR NOT NULL,
    reason VARCHAR, message VARCHAR, pages INTEGER, ocr_used BOOLEAN, mean_confidence DOUBLE,
    media VARCHAR, raw_path VARCHAR, errors VARCHAR, ingested_at TIMESTAMP,
    PRIMARY KEY (file_id, source_name)
);

-- Failures kept as data, one row each: a page that could not be read, a stage of ours that failed
-- (reason internal_error, `detail` holds the trace), or the whole file (page NULL). A file with
-- any of them is `partial` (or `quarantined`), never `processed`.
CREATE TABLE IF NOT EXISTS page_errors (
    file_id VARCHAR NOT NULL, page INTEGER, stage VARCHAR, reason VARCHAR NOT NULL, message VARCHAR,
    detail VARCHAR
);

-- text_source: where `text` came from (text_layer | repaired | ocr | sheet); text_verdict_evidence:
-- a PDF page's text-layer verdict (sound | repairable | ocr) as JSON, with the reason, the share of
-- dictionary words before and after repair, bad code points, and each repair made (3).
CREATE TABLE IF NOT EXISTS pages (
    file_id VARCHAR NOT NULL, page INTEGER NOT NULL, source VARCHAR, text VARCHAR, raw_text VARCHAR,
    words VARCHAR, confidence DOUBLE, width INTEGER, height INTEGER, dpi INTEGER,
    image_sha VARCHAR, sheet_name VARCHAR, role VARCHAR, errors VARCHAR,
    text_source VARCHAR, text_verdict_evidence VARCHAR,
    PRIMARY KEY (file_id, page)
);

-- Every ruled table found on an OCR'd page, whatever the document (a salary scale in a letter, a
-- KPI table, a report form), and its cells, each read from its own crop. bbox: "x0,y0,x1,y1" in
-- the page's pixels (after deskewing); number is NULL where the cell is not a number.
CREATE TABLE IF NOT EXISTS page_tables (
    file_id VARCHAR NOT NULL, page INTEGER NOT NULL, table_index INTEGER NOT NULL, n_rows INTEGER,
    n_cols INTEGER, bbox VARCHAR, source VARCHAR,
    PRIMARY KEY (file_id, page, table_index)
);

CREATE TABLE IF NOT EXISTS table_cells (
    file_id VARCHAR NOT NULL, page INTEGER NOT NULL, table_index INTEGER NOT NULL, "row" INTEGER NOT NULL,
    col INTEGER NOT NULL, text VARCHAR, number DOUBLE, confidence DOUBLE, bbox VARCHAR,
    row_span INTEGER, col_span INTEGER,
    PRIMARY KEY (file_id, page, table_index, "row", col)
);

CREATE TABLE IF NOT EXISTS letters (
    file_id VARCHAR NOT NULL, letter_index INTEGER NOT NULL, page_from INTEGER, page_to INTEGER,
    kind VARCHAR, doc_number VARCHAR, circular BOOLEAN, date DATE, urgency VARCHAR, subject VARCHAR,
    addressee VARCHAR, sender VARCHAR, "references" VARCHAR, attachments VARCHAR, deadline DATE,
    deadline_text VARCHAR, signatory VARCHAR, signatory_position VARCHAR, received_number VARCHAR,
    received_date DATE, provinces VARCHAR, flags VARCHAR, field_pages VARCHAR,
    PRIMARY KEY (file_id, letter_index)
);

CREATE TABLE IF NOT EXISTS indicators (
    file_id VARCHAR NOT NULL, letter_index INTEGER NOT NULL, indicator_index INTEGER NOT NULL,
    fiscal_year INTEGER, code VARCHAR, name VARCHAR, target_value DOUBLE, target_unit VARCHAR,
    due_date DATE, owner VARCHAR, levels VARCHAR, page INTEGER,
    PRIMARY KEY (file_id, letter_index, indicator_index)
);

CREATE TABLE IF NOT EXISTS report_rows (
    file_id VARCHAR NOT NULL, page INTEGER NOT NULL, table_index INTEGER NOT NULL,
    row_index INTEGER NOT NULL, indicator VARCHAR, period VARCHAR, province_code VARCHAR,
    province VARCHAR, district_code VARCHAR, district VARCHAR, unit_label VARCHAR, total BIGINT,
    established BIGINT, not_established BIGINT, remark VARCHAR, confidence DOUBLE, flags VARCHAR,
    printed_name VARCHAR, raw_cells VARCHAR, alternatives VARCHAR,
    PRIMARY KEY (file_id, page, table_index, row_index)
);

-- Checks that fail for a whole table rather than a row (flag total_row_mismatch: the printed รวม
-- row ≠ the column sums). Keyed like the province row it puts under review; printed and
-- column_sums are JSON {column: number}. page/table_index: where the table starts.
CREATE TABLE IF NOT EXISTS table_findings (
    file_id VARCHAR NOT NULL, page INTEGER NOT NULL, table_index INTEGER NOT NULL, indicator VARCHAR,
    period VARCHAR, province_code VARCHAR, flag VARCHAR NOT NULL, printed VARCHAR, column_sums VARCHAR
);

CREATE TABLE IF NOT EXISTS progress (
    indicator VARCHAR, period VARCHAR, province_code VARCHAR, district_code VARCHAR,
    province VARCHAR, district VARCHAR, total BIGINT, established BIGINT, not_established BIGINT,
    source_file_ids VARCHAR, status VARCHAR
);

CREATE TABLE IF NOT EXISTS national (
    indicator VARCHAR, period VARCHAR, provinces_reporting INTEGER, provinces_carried INTEGER,
    total BIGINT, established BIGINT, not_established BIGINT, target DOUBLE, pct_of_target DOUBLE
);

-- Report rows (corrections applied) that cannot be given a progress key: no indicator, period or
-- known place (flags no_period, bad_period, no_place, bad_place, no_indicator). Rebuilt with
-- progress; they stay in report_rows as read and are listed by the needs_review view.
CREATE TABLE IF NOT EXISTS unplaced_rows (
    file_id VARCHAR, page INTEGER, table_index INTEGER, row_index INTEGER, indicator VARCHAR,
    period VARCHAR, province_code VARCHAR, province VARCHAR, district_code VARCHAR, district VARCHAR,
    unit_label VARCHAR, total BIGINT, established BIGINT, not_established BIGINT, confidence DOUBLE,
    flags VARCHAR
);

CREATE TABLE IF NOT EXISTS corrections (
    correction_id VARCHAR PRIMARY KEY, file_id VARCHAR, page INTEGER, table_index INTEGER,
    row_index INTEGER, field VARCHAR, old_value VARCHAR, new_value VARCHAR, reason VARCHAR, note VARCHAR,
    author VARCHAR, created_at TIMESTAMP
);

-- Corrections that could not be applied at the last rebuild (row gone, bad value…): reported, not dropped.
CREATE TABLE IF NOT EXISTS correction_problems (
    correction_id VARCHAR, file_id VARCHAR, page INTEGER, table_index INTEGER, row_index INTEGER,
    field VARCHAR, problem VARCHAR, detail VARCHAR
);
