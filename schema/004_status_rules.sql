-- taizhang store, schema step 4: the status rules of the README ("How a status is decided").
--
-- A later summary's reported outcome reaches the measures of the problem it reports on, and an
-- item of a year that a later summary reported on, but which no report covers and nothing else
-- recorded, is 'unreported' (未报告). `basis` says where each status comes from: 'own' (the
-- item's latest entry), 'measures' (a problem derived from its measures), 'reported' (a measure
-- taking a linked problem's newer entry; `status_from` names the problem), 'unreported' or
-- 'nothing'. Like the views they replace, these show the state "now" (every entry whatever its
-- date); taizhang computes the same rules as of --as-of, and a test keeps the two in step.

DROP VIEW ledger;
DROP VIEW problem_status;
DROP VIEW measure_status;

-- (unit, year) pairs that a later summary has reported on.
CREATE VIEW reported_years AS
SELECT i.unit_id, i.year, min(d.year) AS summary_year
FROM progress pr
JOIN documents d ON d.id = pr.document_id
JOIN (SELECT id, unit_id, year, 'P' AS kind FROM problems
      UNION ALL SELECT id, unit_id, year, 'M' FROM measures) i
  ON i.id = coalesce(pr.problem_id, pr.measure_id)
 AND i.kind = CASE WHEN pr.problem_id IS NULL THEN 'M' ELSE 'P' END
WHERE d.year > i.year AND d.unit_id = i.unit_id
GROUP BY i.unit_id, i.year;

CREATE VIEW measure_status AS
WITH latest AS (
    SELECT m.id AS measure_id, m.unit_id, m.year,
           (SELECT p.id FROM progress p WHERE p.measure_id = m.id
            ORDER BY p.date DESC, p.id DESC LIMIT 1) AS own_id,
           (SELECT p.id FROM progress p
            JOIN problem_measures pm ON pm.problem_id = p.problem_id
            WHERE pm.measure_id = m.id
            ORDER BY p.date DESC, p.id DESC LIMIT 1) AS report_id
    FROM measures m
),
decided AS (
    SELECT l.measure_id, l.unit_id, l.year, w.status AS own_status, w.date AS own_date,
           r.status AS report_status, r.date AS report_date, r.problem_id AS report_problem,
           CASE
               WHEN r.id IS NOT NULL AND (w.id IS NULL OR (r.date > w.date AND r.status <> w.status))
                   THEN 'reported'
               WHEN w.id IS NOT NULL THEN 'own'
               WHEN EXISTS (SELECT 1 FROM reported_years ry
                            WHERE ry.unit_id = l.unit_id AND ry.year = l.year) THEN 'unreported'
               ELSE 'nothing'
           END AS basis
    FROM latest l
    LEFT JOIN progress w ON w.id = l.own_id
    LEFT JOIN progress r ON r.id = l.report_id
)
SELECT d.measure_id,
       'M' || d.measure_id AS item,
       CASE d.basis
           WHEN 'reported' THEN d.report_status
           WHEN 'own' THEN d.own_status
           WHEN 'unreported' THEN 'unreported'
           ELSE 'planned'
       END AS status,
       d.basis,
       CASE WHEN d.basis = 'reported' THEN 'P' || d.report_problem END AS status_from,
       max(coalesce(d.own_date, d.report_date), coalesce(d.report_date, d.own_date))
           AS last_progress
FROM decided d;

CREATE VIEW problem_status AS
WITH agg AS (
    SELECT pr.id AS problem_id, pr.unit_id, pr.year,
           count(ms.measure_id) AS n,
           coalesce(sum(ms.status = 'done'), 0) AS n_done,
           coalesce(sum(ms.status = 'dropped'), 0) AS n_dropped,
           coalesce(sum(ms.status = 'long_term'), 0) AS n_long,
           coalesce(sum(ms.status = 'not_done'), 0) AS n_not_done,
           coalesce(sum(ms.status IN ('in_progress', 'done', 'long_term')), 0) AS n_started,
           coalesce(sum(ms.status = 'unreported'), 0) AS n_unreported,
           (SELECT max(p.date) FROM progress p
            JOIN problem_measures pm2 ON pm2.measure_id = p.measure_id
            WHERE pm2.problem_id = pr.id) AS measures_last,
           (SELECT p.id FROM progress p WHERE p.problem_id = pr.id
            ORDER BY p.date DESC, p.id DESC LIMIT 1) AS own_id
    FROM problems pr
    LEFT JOIN problem_measures pm ON pm.problem_id = pr.id
    LEFT JOIN measure_status ms ON ms.measure_id = pm.measure_id
    GROUP BY pr.id
),
derived AS (
    SELECT a.*,
           CASE
               WHEN a.n = 0 THEN NULL
               WHEN a.n_dropped = a.n THEN 'dropped'
               WHEN a.n_done + a.n_dropped = a.n THEN 'done'
               WHEN a.n_done + a.n_dropped + a.n_long = a.n THEN 'long_term'
               WHEN a.n_not_done > 0 THEN 'not_done'
               WHEN a.n_started > 0 THEN 'in_progress'
               WHEN a.n_unreported > 0 THEN 'unreported'
               ELSE 'planned'
           END AS from_measures,
           EXISTS (SELECT 1 FROM reported_years ry
                   WHERE ry.unit_id = a.unit_id AND ry.year = a.year) AS year_reported
    FROM agg a
),
decided AS (
    SELECT d.problem_id, w.status AS own_status, w.date AS own_date, d.measures_last,
           d.from_measures,
           CASE
               WHEN w.id IS NOT NULL AND (d.measures_last IS NULL OR d.measures_last <= w.date)
                   THEN 'own'
               WHEN d.from_measures IS NOT NULL AND d.from_measures <> 'unreported'
                   THEN 'measures'
               WHEN d.year_reported THEN 'unreported'
               ELSE 'nothing'
           END AS basis
    FROM derived d
    LEFT JOIN progress w ON w.id = d.own_id
)
SELECT c.problem_id,
       'P' || c.problem_id AS item,
       CASE c.basis
           WHEN 'own' THEN c.own_status
           WHEN 'measures' THEN c.from_measures
           WHEN 'unreported' THEN 'unreported'
           ELSE 'planned'
       END AS status,
       c.basis,
       NULL AS status_from,
       max(coalesce(c.own_date, c.measures_last), coalesce(c.measures_last, c.own_date))
           AS last_progress
FROM decided c;

-- The whole ledger, one row per item, problems first.
CREATE VIEW ledger AS
SELECT 'P' || pr.id AS item, 'problem' AS kind, u.name AS unit, pr.year, NULL AS title,
       pr.body AS text, NULL AS owner_dept, NULL AS owner_person, NULL AS deadline_kind,
       NULL AS due_date, ps.status, ps.basis AS status_basis, ps.status_from,
       ps.last_progress, pr.uuid
FROM problems pr
JOIN units u ON u.id = pr.unit_id
JOIN problem_status ps ON ps.problem_id = pr.id
UNION ALL
SELECT 'M' || m.id, 'measure', u.name, m.year, m.title, m.body, m.owner_dept, m.owner_person,
       m.deadline_kind, m.due_date, ms.status, ms.basis, ms.status_from, ms.last_progress,
       m.uuid
FROM measures m
JOIN units u ON u.id = m.unit_id
JOIN measure_status ms ON ms.measure_id = m.id;
