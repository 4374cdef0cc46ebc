-- Named views for the common questions, over the contract tables in DuckDB
-- (files, letters, indicators, report_rows, progress, national, corrections).
-- Installed by pipeline.explain.create_views(conn). A district_code may be '' or NULL for a
-- province-level row, so every comparison goes through coalesce(district_code, '').

-- The latest reported period of each province, per indicator.
CREATE OR REPLACE VIEW latest_progress AS
SELECT indicator, province_code, province, period, total, established, not_established,
       round(100.0 * established / nullif(total, 0), 1) AS pct_established,
       status, source_file_ids
FROM progress
WHERE coalesce(district_code, '') = ''
QUALIFY row_number() OVER (PARTITION BY indicator, province_code ORDER BY period DESC) = 1;

-- Provinces whose latest report still has organisations (help_centre) or districts
-- (joint_centre) without a centre: each province's target is its own total. The national
-- percentage of the same indicator and month is given for comparison; worst first.
CREATE OR REPLACE VIEW provinces_behind_target AS
SELECT l.indicator, l.province_code, l.province, l.period, l.total, l.established,
       l.total - l.established AS gap, l.pct_established,
       round(100.0 * n.established / nullif(n.total, 0), 1) AS national_pct_established,
       l.status
FROM latest_progress l
LEFT JOIN national n ON n.indicator = l.indicator AND n.period = l.period
WHERE l.established < l.total
ORDER BY l.indicator, l.pct_established, l.province_code;

-- Every progress row in conflict, one line per source file with that file's own numbers;
-- `used` marks the file whose numbers won (latest letter date, then received date, file_id).
CREATE OR REPLACE VIEW conflicts AS
WITH district_rows AS (
    SELECT indicator, period, province_code, district_code, file_id,
           sum(total) AS total, sum(established) AS established,
           sum(not_established) AS not_established, string_agg(DISTINCT page::VARCHAR, ';') AS pages
    FROM report_rows WHERE coalesce(district_code, '') <> '' GROUP BY ALL
), province_from_districts AS (
    SELECT indicator, period, province_code, '' AS district_code, file_id,
           sum(total) AS total, sum(established) AS established,
           sum(not_established) AS not_established, string_agg(DISTINCT pages, ';') AS pages
    FROM district_rows GROUP BY ALL
), province_rows AS (
    SELECT indicator, period, province_code, '' AS district_code, file_id,
           sum(total) AS total, sum(established) AS established,
           sum(not_established) AS not_established, string_agg(DISTINCT page::VARCHAR, ';') AS pages
    FROM report_rows r
    WHERE coalesce(district_code, '') = '' AND NOT EXISTS (
        SELECT 1 FROM district_rows d WHERE d.file_id = r.file_id AND d.indicator = r.indicator
          AND d.period = r.period AND d.province_code = r.province_code)
    GROUP BY ALL
), per_file AS (
    SELECT * FROM district_rows
    UNION ALL BY NAME SELECT * FROM province_from_districts
    UNION ALL BY NAME SELECT * FROM province_rows
), dated AS (
    SELECT file_id, max(date) AS letter_date, max(received_date) AS received_date
    FROM letters GROUP BY file_id
), names AS (
    SELECT file_id, min(source_name) AS source_name FROM files GROUP BY file_id
), sources AS (
    SELECT indicator, period, province_code, province, coalesce(district_code, '') AS district_code,
           district, total, established, not_established,
           unnest(string_split(source_file_ids, ';')) AS file_id
    FROM progress WHERE status = 'conflict'
)
SELECT s.indicator, s.period, s.province_code, s.province, s.district_code, s.district,
       s.total AS reconciled_total, s.established AS reconciled_established,
       s.not_established AS reconciled_not_established,
       s.file_id, n.source_name, d.letter_date, d.received_date, f.pages,
       f.total AS file_total, f.established AS file_established,
       f.not_established AS file_not_established,
       row_number() OVER (
           PARTITION BY s.indicator, s.period, s.province_code, s.district_code
           ORDER BY d.letter_date DESC NULLS LAST, d.received_date DESC NULLS LAST,
                    s.file_id DESC) = 1 AS used
FROM sources s
LEFT JOIN per_file f ON f.indicator = s.indicator AND f.period = s.period
     AND f.province_code = s.province_code AND f.district_code = s.district_code
     AND f.file_id = s.file_id
LEFT JOIN dated d ON d.file_id = s.file_id
LEFT JOIN names n ON n.file_id = s.file_id
ORDER BY s.indicator, s.period, s.province_code, s.district_code, s.file_id;

-- Everything that needs a human, one line per report row to go back to:
-- 1. progress rows marked needs_review (or conflict) with the failing report rows behind them (file, page,
--    table, row). Failing = a flag among the failing checks or confidence < 0.6
--    (pipeline.dataset.reconcile.FAILING_FLAGS and MIN_CONFIDENCE; name_corrected alone is not
--    failing; tests/test_reconcile_properties.py keeps the list below equal to FAILING_FLAGS);
-- 2. report rows that could not be placed in progress at all (unplaced_rows: no period, no known
--    place…), with status needs_review and their own key columns as far as they are known;
-- 2b. tables that fail as a whole (table_findings: the printed รวม row ≠ its rows), one line per
--    table behind a needs_review province row: its page and table, row_index NULL, the printed
--    totals in the number columns and the flag in `flags`;
-- 3. files to go back to as a whole: `partial` ones (some pages or stages failed; see page_errors)
--    and those that yielded nothing (reason nothing_extracted), one line each, their reason in
--    `flags` and no key columns.
CREATE OR REPLACE VIEW needs_review AS
WITH failing AS (
    SELECT * FROM report_rows
    WHERE regexp_matches(coalesce(flags, ''),
            '(^|;)(sum_mismatch|total_row_mismatch|duplicate_row_number|low_confidence|province_conflict|period_conflict|place_unread|count_mismatch|digit_repaired|impossible_count|no_indicator|no_period|bad_period|no_place|bad_place)(;|$)')
       OR confidence < 0.6
), names AS (
    SELECT file_id, min(source_name) AS source_name FROM files GROUP BY file_id
), placed AS (
    SELECT p.indicator, p.period, p.province_code, p.province,
           coalesce(p.district_code, '') AS district_code, p.district, p.status,
           f.file_id, f.page, f.table_index, f.row_index, f.unit_label,
           f.total, f.established, f.not_established, f.flags, f.confidence
    FROM progress p
    JOIN failing f ON f.indicator = p.indicator AND f.period = p.period
         AND f.province_code = p.province_code
         AND (coalesce(p.district_code, '') = '' OR coalesce(f.district_code, '') = p.district_code)
         AND list_contains(string_split(p.source_file_ids, ';'), f.file_id)
    WHERE p.status IN ('needs_review', 'conflict')
), unplaced AS (
    SELECT u.indicator, u.period, u.province_code, u.province,
           coalesce(u.district_code, '') AS district_code, u.district, 'needs_review' AS status,
           u.file_id, u.page, u.table_index, u.row_index, u.unit_label,
           u.total, u.established, u.not_established, u.flags, u.confidence
    FROM unplaced_rows u
    WHERE regexp_matches(coalesce(u.flags, ''),
            '(^|;)(impossible_count|no_indicator|no_period|bad_period|no_place|bad_place)(;|$)')
), whole_tables AS (
    SELECT p.indicator, p.period, p.province_code, p.province, '' AS district_code, '' AS district,
           p.status, t.file_id, t.page, t.table_index, NULL::INTEGER AS row_index, NULL AS unit_label,
           TRY_CAST(json_extract(t.printed, '$.total') AS BIGINT) AS total,
           TRY_CAST(json_extract(t.printed, '$.established') AS BIGINT) AS established,
           TRY_CAST(json_extract(t.printed, '$.not_established') AS BIGINT) AS not_established,
           t.flag AS flags, NULL::DOUBLE AS confidence
    FROM progress p
    JOIN table_findings t ON t.indicator = p.indicator AND t.period = p.period
         AND t.province_code = p.province_code
         AND list_contains(string_split(p.source_file_ids, ';'), t.file_id)
    WHERE p.status IN ('needs_review', 'conflict') AND coalesce(p.district_code, '') = ''
), whole_files AS (
    SELECT DISTINCT NULL AS indicator, NULL AS period, NULL AS province_code, NULL AS province,
           NULL AS district_code, NULL AS district, 'needs_review' AS status, file_id,
           NULL::INTEGER AS page, NULL::INTEGER AS table_index, NULL::INTEGER AS row_index,
           NULL AS unit_label, NULL::BIGINT AS total, NULL::BIGINT AS established,
           NULL::BIGINT AS not_established, reason AS flags, NULL::DOUBLE AS confidence
    FROM files WHERE status = 'partial' OR reason = 'nothing_extracted'
)
SELECT r.indicator, r.period, r.province_code, r.province, r.district_code, r.district, r.status,
       r.file_id, n.source_name, r.page, r.table_index, r.row_index, r.unit_label,
       r.total, r.established, r.not_established, r.flags, r.confidence
FROM (SELECT * FROM placed UNION ALL SELECT * FROM unplaced UNION ALL SELECT * FROM whole_tables
      UNION ALL SELECT * FROM whole_files) r
LEFT JOIN names n ON n.file_id = r.file_id
ORDER BY r.indicator, r.period, r.province_code, r.district_code, r.file_id, r.page,
         r.table_index, r.row_index;
