-- taizhang store, schema step 1: the ledger core.
--
-- Conventions: every row a user can see has a stable `uuid` (stores of different units are merged
-- by it) and a small integer `id` that the command line shows as P12 / M34. Dates are ISO-8601
-- text (YYYY-MM-DD), timestamps are RFC 3339 text. Progress entries and events are append-only.

CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    created_at  TEXT    NOT NULL
);

-- Other names a summary may use for a unit (临江市税务局 for 国家税务总局临江市税务局).
CREATE TABLE unit_aliases (
    alias       TEXT    PRIMARY KEY CHECK (length(trim(alias)) > 0),
    unit_id     INTEGER NOT NULL REFERENCES units (id)
);

-- Imported summaries: the text as read, its hash, and whose year it is.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    file_name   TEXT,
    sha256      TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    imported_at TEXT    NOT NULL
);

-- A shortcoming named in the year-`year` summary.
CREATE TABLE problems (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    category    TEXT,
    body        TEXT    NOT NULL CHECK (length(trim(body)) > 0),
    document_id INTEGER REFERENCES documents (id),
    position    INTEGER,
    created_at  TEXT    NOT NULL
);
CREATE INDEX problems_unit_year ON problems (unit_id, year);

-- A promise made in the year-`year` summary, carried out during year + 1.
-- deadline_kind: by_date (due_date set), immediate (立行立改, due_date = day recorded),
-- long_term (长期坚持, no due_date, never overdue).
CREATE TABLE measures (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT    NOT NULL UNIQUE,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    title         TEXT,
    body          TEXT    NOT NULL CHECK (length(trim(body)) > 0),
    leader        TEXT,
    owner_dept    TEXT,
    owner_person  TEXT,
    deadline_kind TEXT    NOT NULL CHECK (deadline_kind IN ('by_date', 'immediate', 'long_term')),
    due_date      TEXT,
    document_id   INTEGER REFERENCES documents (id),
    position      INTEGER,
    created_at    TEXT    NOT NULL,
    CHECK ((deadline_kind = 'long_term') = (due_date IS NULL))
);
CREATE INDEX measures_unit_year ON measures (unit_id, year);

-- 配合部门: a measure may name several co-operating departments, in order.
CREATE TABLE measure_co_depts (
    measure_id  INTEGER NOT NULL REFERENCES measures (id),
    position    INTEGER NOT NULL,
    dept        TEXT    NOT NULL CHECK (length(trim(dept)) > 0),
    PRIMARY KEY (measure_id, position)
);

-- Many-to-many: measures rarely map one-to-one onto problems.
CREATE TABLE problem_measures (
    problem_id  INTEGER NOT NULL REFERENCES problems (id),
    measure_id  INTEGER NOT NULL REFERENCES measures (id),
    PRIMARY KEY (problem_id, measure_id)
);
CREATE INDEX problem_measures_measure ON problem_measures (measure_id);

-- 整改进展: a dated record against exactly one problem or one measure.
CREATE TABLE progress (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT    NOT NULL UNIQUE,
    problem_id   INTEGER REFERENCES problems (id),
    measure_id   INTEGER REFERENCES measures (id),
    status       TEXT    NOT NULL CHECK (status IN
                     ('planned', 'in_progress', 'done', 'long_term', 'not_done', 'dropped')),
    date         TEXT    NOT NULL,
    note         TEXT,
    document_id  INTEGER REFERENCES documents (id),
    created_at   TEXT    NOT NULL,
    CHECK ((problem_id IS NULL) <> (measure_id IS NULL)),
    CHECK (status <> 'dropped' OR length(trim(coalesce(note, ''))) > 0)
);
CREATE INDEX progress_problem ON progress (problem_id);
CREATE INDEX progress_measure ON progress (measure_id);

-- 佐证材料: a file (with its size and SHA-256 when it existed when recorded) or a reference.
CREATE TABLE evidence (
    progress_id INTEGER NOT NULL REFERENCES progress (id),
    position    INTEGER NOT NULL,
    reference   TEXT    NOT NULL,
    size_bytes  INTEGER,
    sha256      TEXT,
    PRIMARY KEY (progress_id, position)
);

-- Every change, who made it and when. `item` is P12 / M34 / U3 at the time of writing; `item_uuid`
-- survives merges. `detail` is a JSON object.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    item        TEXT    NOT NULL,
    item_uuid   TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    detail      TEXT    NOT NULL
);
CREATE INDEX events_item ON events (item_uuid);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER progress_append_only_update BEFORE UPDATE ON progress
BEGIN SELECT RAISE(ABORT, 'progress entries are append-only'); END;

-- Views for people who open the file with the sqlite3 shell. They show the state "now": the latest
-- progress entry of each item whatever its date. taizhang itself computes status as of --as-of.

CREATE VIEW measure_status AS
SELECT m.id AS measure_id,
       'M' || m.id AS item,
       coalesce((SELECT p.status FROM progress p WHERE p.measure_id = m.id
                 ORDER BY p.date DESC, p.id DESC LIMIT 1), 'planned') AS status,
       (SELECT max(p.date) FROM progress p WHERE p.measure_id = m.id) AS last_progress
FROM measures m;

-- A problem's own latest entry wins; else it is derived from its measures (see README).
CREATE VIEW problem_status AS
WITH agg AS (
    SELECT pr.id AS problem_id,
           count(ms.measure_id) AS n,
           sum(ms.status = 'done') AS n_done,
           sum(ms.status = 'dropped') AS n_dropped,
           sum(ms.status = 'long_term') AS n_long,
           sum(ms.status = 'not_done') AS n_not_done,
           sum(ms.status IN ('in_progress', 'done', 'long_term')) AS n_started,
           max(ms.last_progress) AS measures_last
    FROM problems pr
    LEFT JOIN problem_measures pm ON pm.problem_id = pr.id
    LEFT JOIN measure_status ms ON ms.measure_id = pm.measure_id
    GROUP BY pr.id
)
SELECT a.problem_id,
       'P' || a.problem_id AS item,
       coalesce(
           (SELECT p.status FROM progress p WHERE p.problem_id = a.problem_id
            ORDER BY p.date DESC, p.id DESC LIMIT 1),
           CASE
               WHEN a.n = 0 THEN 'planned'
               WHEN a.n_dropped = a.n THEN 'dropped'
               WHEN a.n_done + a.n_dropped = a.n THEN 'done'
               WHEN a.n_done + a.n_dropped + a.n_long = a.n THEN 'long_term'
               WHEN a.n_not_done > 0 THEN 'not_done'
               WHEN a.n_started > 0 THEN 'in_progress'
               ELSE 'planned'
           END) AS status,
       (SELECT max(p.date) FROM progress p WHERE p.problem_id = a.problem_id) AS last_progress
FROM agg a;

-- The whole ledger, one row per item, problems first.
CREATE VIEW ledger AS
SELECT 'P' || pr.id AS item, 'problem' AS kind, u.name AS unit, pr.year, NULL AS title,
       pr.body AS text, NULL AS owner_dept, NULL AS owner_person, NULL AS deadline_kind,
       NULL AS due_date, ps.status, ps.last_progress, pr.uuid
FROM problems pr
JOIN units u ON u.id = pr.unit_id
JOIN problem_status ps ON ps.problem_id = pr.id
UNION ALL
SELECT 'M' || m.id, 'measure', u.name, m.year, m.title, m.body, m.owner_dept, m.owner_person,
       m.deadline_kind, m.due_date, ms.status, ms.last_progress, m.uuid
FROM measures m
JOIN units u ON u.id = m.unit_id
JOIN measure_status ms ON ms.measure_id = m.id;
