-- taizhang store, schema step 6: 建章立制 set per measure (`measure add|edit --institution`).
--
-- `institution` says what a measure does to the unit's rules when the user said so: 'new',
-- 'revise', 'abolish', or 'none' (not 建章立制, whatever its words say). NULL, the value of every
-- measure recorded before this step, means it is read from the measure's words. The undo
-- triggers of `measures` are written again so that reverting an edit or a delete restores it.

ALTER TABLE measures ADD COLUMN institution TEXT
    CHECK (institution IN ('new', 'revise', 'abolish', 'none'));

DROP TRIGGER measures_undo_update;
DROP TRIGGER measures_undo_delete;
CREATE TRIGGER measures_undo_update AFTER UPDATE ON measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measures', OLD.rowid,
        'UPDATE measures SET ' || 'id = ' || quote(OLD.id) || ', ' || 'uuid = ' || quote(OLD.uuid) || ', ' || 'unit_id = ' || quote(OLD.unit_id) || ', ' || 'year = ' || quote(OLD.year) || ', ' || 'title = ' || quote(OLD.title) || ', ' || 'body = ' || quote(OLD.body) || ', ' || 'leader = ' || quote(OLD.leader) || ', ' || 'owner_dept = ' || quote(OLD.owner_dept) || ', ' || 'owner_person = ' || quote(OLD.owner_person) || ', ' || 'deadline_kind = ' || quote(OLD.deadline_kind) || ', ' || 'due_date = ' || quote(OLD.due_date) || ', ' || 'document_id = ' || quote(OLD.document_id) || ', ' || 'position = ' || quote(OLD.position) || ', ' || 'created_at = ' || quote(OLD.created_at) || ', ' || 'institution = ' || quote(OLD.institution) || ' WHERE rowid = ' || OLD.rowid);
END;
CREATE TRIGGER measures_undo_delete AFTER DELETE ON measures WHEN (SELECT max(id) FROM operations) IS NOT NULL
BEGIN
    INSERT INTO undo_log (operation, tbl, row_key, revert) VALUES ((SELECT max(id) FROM operations), 'measures', OLD.rowid,
        'INSERT INTO measures (id, uuid, unit_id, year, title, body, leader, owner_dept, owner_person, deadline_kind, due_date, document_id, position, created_at, institution) VALUES (' || quote(OLD.id) || ', ' || quote(OLD.uuid) || ', ' || quote(OLD.unit_id) || ', ' || quote(OLD.year) || ', ' || quote(OLD.title) || ', ' || quote(OLD.body) || ', ' || quote(OLD.leader) || ', ' || quote(OLD.owner_dept) || ', ' || quote(OLD.owner_person) || ', ' || quote(OLD.deadline_kind) || ', ' || quote(OLD.due_date) || ', ' || quote(OLD.document_id) || ', ' || quote(OLD.position) || ', ' || quote(OLD.created_at) || ', ' || quote(OLD.institution) || ')');
END;
