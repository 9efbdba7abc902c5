-- taizhang store, schema step 3: recurrence decisions (反弹回潮 / 屡改屡犯).
--
-- `taizhang recur` proposes pairs of problems of one unit in different years that read alike;
-- a person confirms or rejects each pair, and later runs respect the decision. A confirmed pair
-- marks the later problem as a recurrence in reports and statistics. Changing one's mind updates
-- the row; the event log keeps the earlier decision.

CREATE TABLE recurrences (
    earlier_problem INTEGER NOT NULL REFERENCES problems (id),
    later_problem   INTEGER NOT NULL REFERENCES problems (id),
    decision        TEXT    NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    score           REAL,
    decided_at      TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    PRIMARY KEY (earlier_problem, later_problem),
    CHECK (earlier_problem <> later_problem)
);
CREATE INDEX recurrences_later ON recurrences (later_problem);
