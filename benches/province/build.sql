-- A province-scale store for benches/province.py, built in SQL so that it takes seconds, not
-- hours, and comes out the same every time: :units units × 10 summary years (2016–2025), each
-- year with 4 problems, 4 measures (one per problem), 3 progress entries per pair (two on the
-- measure, the last on the problem as the next year's summary reports it), one summary document
-- and a create event per problem. No ANALYZE: taizhang's own stores have no statistics either.
-- Texts are drawn from small phrase tables by the row number, so neighbouring units differ.
-- The script substitutes :units before running it on a store made by `taizhang init`.

PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;

CREATE TEMP TABLE subjects (n INTEGER PRIMARY KEY, t TEXT);
INSERT INTO subjects (t) VALUES
 ('理论学习'), ('支部建设'), ('意识形态工作'), ('干部队伍建设'), ('作风建设'), ('预算管理'),
 ('政府采购'), ('内部控制'), ('资产管理'), ('档案管理'), ('信访工作'), ('安全生产'),
 ('基层联系'), ('制度执行'), ('督查督办'), ('项目资金'), ('公务用车'), ('办文办会'),
 ('廉政风险防控'), ('培训教育');
CREATE TEMP TABLE defects (n INTEGER PRIMARY KEY, t TEXT);
INSERT INTO defects (t) VALUES
 ('抓得不够实，停留在面上'), ('制度不够健全，执行有偏差'), ('台账记录不规范，底数不清'),
 ('推进力度不够，进度滞后'), ('责任落实不到位，层层递减'), ('监督检查不经常，发现问题不及时'),
 ('与业务工作结合不紧，存在两张皮'), ('创新办法不多，成效不明显');
CREATE TEMP TABLE actions (n INTEGER PRIMARY KEY, t TEXT);
INSERT INTO actions (t) VALUES
 ('建立月度调度机制，逐项明确责任人和完成时限'), ('修订完善相关制度，组织专题培训一次'),
 ('开展专项检查，建立问题清单并逐项销号'), ('每季度通报进展情况，纳入年度考核'),
 ('制定工作方案，分阶段推进落实');
CREATE TEMP TABLE depts (n INTEGER PRIMARY KEY, t TEXT);
INSERT INTO depts (t) VALUES ('办公室'), ('机关党委'), ('人事科'), ('财务科'), ('综合科'), ('法规科');

CREATE TEMP TABLE n_units AS
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < :units) SELECT i FROM c;

INSERT INTO units (id, uuid, name, created_at)
SELECT i, printf('00000001-0000-4000-8000-%012x', i), printf('第%05d号单位', i),
       '2016-01-01T09:00:00+08:00'
FROM n_units;

-- unit_year: one row per unit and year, numbered from 1.
CREATE TEMP TABLE unit_year AS
SELECT (u.i - 1) * 10 + (y.year - 2015) AS n, u.i AS unit_id, y.year
FROM n_units u,
     (WITH RECURSIVE c(year) AS (SELECT 2016 UNION ALL SELECT year + 1 FROM c WHERE year < 2025)
      SELECT year FROM c) y;

INSERT INTO documents (id, uuid, unit_id, year, file_name, sha256, body, imported_at)
SELECT n, printf('00000002-0000-4000-8000-%012x', n), unit_id, year,
       printf('%d年度工作总结.txt', year), printf('%064x', n),
       printf('第%05d号单位%d年度工作总结', unit_id, year), printf('%d-01-10T09:00:00+08:00', year + 1)
FROM unit_year;

-- items: four per unit and year; problem id = measure id = item number.
CREATE TEMP TABLE items AS
SELECT (uy.n - 1) * 4 + k.k AS id, uy.n AS doc, uy.unit_id, uy.year, k.k
FROM unit_year uy, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k;

INSERT INTO problems (id, uuid, unit_id, year, category, body, document_id, position, created_at)
SELECT i.id, printf('00000003-0000-4000-8000-%012x', i.id), i.unit_id, i.year, NULL,
       s.t || d.t, i.doc, i.k * 100, printf('%d-01-10T09:00:00+08:00', i.year + 1)
FROM items i
JOIN subjects s ON s.n = 1 + (i.id * 7 + i.unit_id) % 20
JOIN defects d ON d.n = 1 + (i.id * 3 + i.year) % 8;

INSERT INTO measures (id, uuid, unit_id, year, title, body, leader, owner_dept, owner_person,
                      deadline_kind, due_date, document_id, position, created_at)
SELECT i.id, printf('00000004-0000-4000-8000-%012x', i.id), i.unit_id, i.year, NULL,
       '针对' || s.t || '问题，' || a.t, NULL, dp.t, NULL,
       CASE WHEN i.id % 13 = 0 THEN 'long_term' ELSE 'by_date' END,
       CASE WHEN i.id % 13 = 0 THEN NULL
            ELSE printf('%d-%02d-%02d', i.year + 1, 3 + i.k * 2, 28 + (i.k % 3)) END,
       i.doc, i.k * 100 + 50, printf('%d-01-10T09:00:00+08:00', i.year + 1)
FROM items i
JOIN subjects s ON s.n = 1 + (i.id * 7 + i.unit_id) % 20
JOIN actions a ON a.n = 1 + (i.id + i.unit_id) % 5
JOIN depts dp ON dp.n = 1 + (i.id * 5) % 6;

INSERT INTO problem_measures (problem_id, measure_id) SELECT id, id FROM items;

-- Three entries per item: two on the measure (started, half-way) and the outcome the next
-- summary reports on the problem (done for most, still in progress for one in five, not done for
-- one in seventeen; the last year has no next summary yet).
INSERT INTO progress (id, uuid, problem_id, measure_id, status, date, note, document_id, created_at)
SELECT (i.id - 1) * 3 + e.e, printf('00000005-0000-4000-8000-%012x', (i.id - 1) * 3 + e.e),
       CASE e.e WHEN 3 THEN i.id END, CASE WHEN e.e < 3 THEN i.id END,
       CASE e.e WHEN 3 THEN CASE WHEN i.id % 17 = 0 THEN 'not_done'
                                 WHEN i.id % 5 = 0 THEN 'in_progress' ELSE 'done' END
                ELSE 'in_progress' END,
       printf('%d-%02d-15', i.year + 1, e.e * 3 + i.k - 1),
       CASE e.e WHEN 1 THEN '已制定方案并启动' WHEN 2 THEN '已完成阶段任务' ELSE '已按期整改' END,
       CASE e.e WHEN 3 THEN CASE WHEN i.year < 2025 THEN i.doc + 1 END END,
       printf('%d-%02d-15T09:00:00+08:00', i.year + 1, e.e * 3 + i.k - 1)
FROM items i, (SELECT 1 AS e UNION ALL SELECT 2 UNION ALL SELECT 3) e;

INSERT INTO events (uuid, at, actor, item, item_uuid, action, detail)
SELECT printf('00000006-0000-4000-8000-%012x', id), printf('%d-01-10T09:00:00+08:00', year + 1),
       'bench', 'P' || id, printf('00000003-0000-4000-8000-%012x', id), 'create',
       json_object('year', year, 'text', '')
FROM items;

UPDATE id_high_water SET high = (SELECT max(id) FROM items);
COMMIT;
