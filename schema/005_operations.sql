-- taizhang store, schema step 5: operations and undo.
--
-- Every writing command is one operation (one row of `operations`, stamped with who, when and the
-- command line); every change it makes to a ledger table is logged, by the triggers below, as the
-- SQL statement that reverts it, under the operation that is current (the latest row of
-- `operations`). `taizhang undo` runs an operation's statements newest first, as a new operation
-- of its own, so an undo can be undone too. The event log (history) is not reverted: an undo adds
-- `undo` events. `id_high_water` remembers the highest problem and measure id ever given, so an
-- id is never given twice, not even after a delete or an undo.

CREATE TABLE operations (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT    NOT NULL UNIQUE,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    command     TEXT    NOT NULL,
    -- For an undo: the operation it reverts.
    reverts     INTEGER REFERENCES operations (id)
);

CREATE TABLE undo_log (
    seq         INTEGER PRIMARY KEY,
    operation   INTEGER NOT NULL REFERENCES operations (id),
    tbl         TEXT    NOT NULL,
    row_key     INTEGER NOT NULL,
    revert      TEXT    NOT NULL
);
CREATE INDEX undo_log_operation ON undo_log (operation);
CREATE INDEX undo_log_row ON undo_log (tbl, row_key);

ALTER TABLE events ADD COLUMN operation INTEGER;

CREATE TABLE id_high_water (
    kind        TEXT    PRIMARY KEY CHECK (kind IN ('problem', 'measure')),
    high        INTEGER NOT NULL
);
INSERT INTO id_high_water (kind, high)
    SELECT 'problem', coalesce(max(id), 0) FROM problems
    UNION ALL SELECT 'measure', coalesce(max(id), 0) FROM measures;
CREATE TRIGGER problems_high_water AFTER INSERT ON problems
BEGIN UPDATE id_high_water SET high = max(high, NEW.id) WHERE kind = 'problem'; END;
CREATE TRIGGER measures_high_water AFTER INSERT ON measures
BEGIN UPDATE id_high_water SET high = max(high, NEW.id) WHERE kind = 'measure'; END;

-- units
CREATE TRIGGER units_undo_insert AFTER INSERT ON units WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'units', NEW.rowid,
        'DELETE FROM units WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER units_undo_update AFTER UPDATE ON units WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'units', OLD.rowid,
        'UPDATE units SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'name = ' || quote(OLD.name) || ', ' || 'created_at = ' || quote(OLD.created_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER units_undo_delete AFTER DELETE ON units WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'units', OLD.rowid,
        'INSERT INTO units (id, uuid, name, created_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.name) || ', ' || quote(OLD.created_at) || ')');
END;

-- unit_aliases
CREATE TRIGGER unit_aliases_undo_insert AFTER INSERT ON unit_aliases WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'unit_aliases', NEW.rowid,
        'DELETE FROM unit_aliases WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER unit_aliases_undo_update AFTER UPDATE ON unit_aliases WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'unit_aliases', OLD.rowid,
        'UPDATE unit_aliases SET ' || 'alias = ' || quote(OLD.alias) || ', ' || 'unit_id = ' || quote(OLD.unit_id) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER unit_aliases_undo_delete AFTER DELETE ON unit_aliases WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'unit_aliases', OLD.rowid,
        'INSERT INTO unit_aliases (rowid, alias, unit_id) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.alias) || ', ' || quote(OLD.unit_id) || ')');
END;

-- documents
CREATE TRIGGER documents_undo_insert AFTER INSERT ON documents WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'documents', NEW.rowid,
        'DELETE FROM documents WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER documents_undo_update AFTER UPDATE ON documents WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'documents', OLD.rowid,
        'UPDATE documents SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'unit_id = ' || quote(OLD.unit_id) || ', ' || 'year = ' || quote(OLD.year) || ', ' || 'file_name = ' || quote(OLD.file_name) || ', ' || 'sha256 = ' || quote(OLD.sha256) || ', ' || 'body = ' || quote(OLD.body) || ', ' || 'imported_at = ' || quote(OLD.imported_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER documents_undo_delete AFTER DELETE ON documents WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'documents', OLD.rowid,
        'INSERT INTO documents (id, uuid, unit_id, year, file_name, sha256, body, imported_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.unit_id) || ', ' || quote(OLD.year) || ', ' || quote(OLD.file_name) || ', ' || quote(OLD.sha256) || ', ' || quote(OLD.body) || ', ' || quote(OLD.imported_at) || ')');
END;

-- problems
CREATE TRIGGER problems_undo_insert AFTER INSERT ON problems WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problems', NEW.rowid,
        'DELETE FROM problems WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER problems_undo_update AFTER UPDATE ON problems WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problems', OLD.rowid,
        'UPDATE problems SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'unit_id = ' || quote(OLD.unit_id) || ', ' || 'year = ' || quote(OLD.year) || ', ' || 'category = ' || quote(OLD.category) || ', ' || 'body = ' || quote(OLD.body) || ', ' || 'document_id = ' || quote(OLD.document_id) || ', ' || 'position = ' || quote(OLD.position) || ', ' || 'created_at = ' || quote(OLD.created_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER problems_undo_delete AFTER DELETE ON problems WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problems', OLD.rowid,
        'INSERT INTO problems (id, uuid, unit_id, year, category, body, document_id, position, created_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.unit_id) || ', ' || quote(OLD.year) || ', ' || quote(OLD.category) || ', ' || quote(OLD.body) || ', ' || quote(OLD.document_id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ')');
END;

-- measures
CREATE TRIGGER measures_undo_insert AFTER INSERT ON measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measures', NEW.rowid,
        'DELETE FROM measures WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER measures_undo_update AFTER UPDATE ON measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measures', OLD.rowid,
        'UPDATE measures SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'unit_id = ' || quote(OLD.unit_id) || ', ' || 'year = ' || quote(OLD.year) || ', ' || 'title = ' || quote(OLD.title) || ', ' || 'body = ' || quote(OLD.body) || ', ' || 'leader = ' || quote(OLD.leader) || ', ' || 'owner_dept = ' || quote(OLD.owner_dept) || ', ' || 'owner_person = ' || quote(OLD.owner_person) || ', ' || 'deadline_kind = ' || quote(OLD.deadline_kind) || ', ' || 'due_date = ' || quote(OLD.due_date) || ', ' || 'document_id = ' || quote(OLD.document_id) || ', ' || 'position = ' || quote(OLD.position) || ', ' || 'created_at = ' || quote(OLD.created_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER measures_undo_delete AFTER DELETE ON measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measures', OLD.rowid,
        'INSERT INTO measures (id, uuid, unit_id, year, title, body, leader, owner_dept, owner_person, deadline_kind, due_date, document_id, position, created_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.unit_id) || ', ' || quote(OLD.year) || ', ' || quote(OLD.title) || ', ' || quote(OLD.body) || ', ' || quote(OLD.leader) || ', ' || quote(OLD.owner_dept) || ', ' || quote(OLD.owner_person) || ', ' || quote(OLD.deadline_kind) || ', ' || quote(OLD.due_date) || ', ' || quote(OLD.document_id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ')');
END;

-- measure_co_depts
CREATE TRIGGER measure_co_depts_undo_insert AFTER INSERT ON measure_co_depts WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measure_co_depts', NEW.rowid,
        'DELETE FROM measure_co_depts WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER measure_co_depts_undo_update AFTER UPDATE ON measure_co_depts WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measure_co_depts', OLD.rowid,
        'UPDATE measure_co_depts SET ' || 'measure_id = ' || quote(OLD.measure_id) || ', ' || 'position = ' || quote(OLD.position) || ', ' || 'dept = ' || quote(OLD.dept) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER measure_co_depts_undo_delete AFTER DELETE ON measure_co_depts WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measure_co_depts', OLD.rowid,
        'INSERT INTO measure_co_depts (rowid, measure_id, position, dept) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.measure_id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.dept) || ')');
END;

-- problem_measures
CREATE TRIGGER problem_measures_undo_insert AFTER INSERT ON problem_measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problem_measures', NEW.rowid,
        'DELETE FROM problem_measures WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER problem_measures_undo_update AFTER UPDATE ON problem_measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problem_measures', OLD.rowid,
        'UPDATE problem_measures SET ' || 'problem_id = ' || quote(OLD.problem_id) || ', ' || 'measure_id = ' || quote(OLD.measure_id) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER problem_measures_undo_delete AFTER DELETE ON problem_measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'problem_measures', OLD.rowid,
        'INSERT INTO problem_measures (rowid, problem_id, measure_id) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.problem_id) || ', ' || quote(OLD.measure_id) || ')');
END;

-- progress
CREATE TRIGGER progress_undo_insert AFTER INSERT ON progress WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'progress', NEW.rowid,
        'DELETE FROM progress WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER progress_undo_update AFTER UPDATE ON progress WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'progress', OLD.rowid,
        'UPDATE progress SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'problem_id = ' || quote(OLD.problem_id) || ', ' || 'measure_id = ' || quote(OLD.measure_id) || ', ' || 'status = ' || quote(OLD.status) || ', ' || 'date = ' || quote(OLD.date) || ', ' || 'note = ' || quote(OLD.note) || ', ' || 'document_id = ' || quote(OLD.document_id) || ', ' || 'created_at = ' || quote(OLD.created_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER progress_undo_delete AFTER DELETE ON progress WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'progress', OLD.rowid,
        'INSERT INTO progress (id, uuid, problem_id, measure_id, status, date, note, document_id, created_at) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.problem_id) || ', ' || quote(OLD.measure_id) || ', ' || quote(OLD.status) || ', ' || quote(OLD.date) || ', ' || quote(OLD.note) || ', ' || quote(OLD.document_id) || ', ' || quote(OLD.created_at) || ')');
END;

-- evidence
CREATE TRIGGER evidence_undo_insert AFTER INSERT ON evidence WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'evidence', NEW.rowid,
        'DELETE FROM evidence WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER evidence_undo_update AFTER UPDATE ON evidence WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'evidence', OLD.rowid,
        'UPDATE evidence SET ' || 'progress_id = ' || quote(OLD.progress_id) || ', ' || 'position = ' || quote(OLD.position) || ', ' || 'reference = ' || quote(OLD.reference) || ', ' || 'size_bytes = ' || quote(OLD.size_bytes) || ', ' || 'sha256 = ' || quote(OLD.sha256) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER evidence_undo_delete AFTER DELETE ON evidence WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'evidence', OLD.rowid,
        'INSERT INTO evidence (rowid, progress_id, position, reference, size_bytes, sha256) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.progress_id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.reference) || ', ' || quote(OLD.size_bytes) || ', ' || quote(OLD.sha256) || ')');
END;

-- carry_overs
CREATE TRIGGER carry_overs_undo_insert AFTER INSERT ON carry_overs WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'carry_overs', NEW.rowid,
        'DELETE FROM carry_overs WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER carry_overs_undo_update AFTER UPDATE ON carry_overs WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'carry_overs', OLD.rowid,
        'UPDATE carry_overs SET ' || 'from_measure = ' || quote(OLD.from_measure) || ', ' || 'to_measure = ' || quote(OLD.to_measure) || ', ' || 'created_at = ' || quote(OLD.created_at) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER carry_overs_undo_delete AFTER DELETE ON carry_overs WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'carry_overs', OLD.rowid,
        'INSERT INTO carry_overs (rowid, from_measure, to_measure, created_at) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.from_measure) || ', ' || quote(OLD.to_measure) || ', ' || quote(OLD.created_at) || ')');
END;

-- recurrences
CREATE TRIGGER recurrences_undo_insert AFTER INSERT ON recurrences WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'recurrences', NEW.rowid,
        'DELETE FROM recurrences WHERE rowid = ' || NEW.rowid);
END;
CREATE TRIGGER recurrences_undo_update AFTER UPDATE ON recurrences WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'recurrences', OLD.rowid,
        'UPDATE recurrences SET ' || 'earlier_problem = ' || quote(OLD.earlier_problem) || ', ' || 'later_problem = ' || quote(OLD.later_problem) || ', ' || 'decision = ' || quote(OLD.decision) || ', ' || 'score = ' || quote(OLD.score) || ', ' || 'decided_at = ' || quote(OLD.decided_at) || ', ' || 'actor = ' || quote(OLD.actor) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER recurrences_undo_delete AFTER DELETE ON recurrences WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'recurrences', OLD.rowid,
        'INSERT INTO recurrences (rowid, earlier_problem, later_problem, decision, score, decided_at, actor) VALUES (' || quote(OLD.rowid) || ', ' || quote(OLD.earlier_problem) || ', ' || quote(OLD.later_problem) || ', ' || quote(OLD.decision) || ', ' || quote(OLD.score) || ', ' || quote(OLD.decided_at) || ', ' || quote(OLD.actor) || ')');
END;
