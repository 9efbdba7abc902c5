-- taizhang store, schema step 7: indexes for the lookups an import makes row after row.
--
-- `import --ledger` finds an item already recorded by its unit, year and exact text, and the
-- summary import finds a unit's document of a year. Without these indexes each lookup scanned
-- every item of the unit and year (every document of the store), so an import of N rows into
-- one unit and year took time N². The text indexes start with (unit_id, year), so they serve
-- every query the indexes of step 1 on (unit_id, year) served, which they replace.

CREATE INDEX problems_unit_year_text ON problems (unit_id, year, body);
DROP INDEX problems_unit_year;
CREATE INDEX measures_unit_year_text ON measures (unit_id, year, body);
DROP INDEX measures_unit_year;
CREATE INDEX documents_unit_year ON documents (unit_id, year);
