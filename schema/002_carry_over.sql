-- taizhang store, schema step 2: carry-over (持续推进).
--
-- An unfinished measure continued into a later year's plan: `to_measure` is the later year's
-- measure, created by `taizhang carry`, and `from_measure` the one it continues. A measure is
-- carried into a given later measure once; chains (2023 → 2024 → 2025) are links end to end.

CREATE TABLE carry_overs (
    from_measure INTEGER NOT NULL REFERENCES measures (id),
    to_measure   INTEGER NOT NULL UNIQUE REFERENCES measures (id),
    created_at   TEXT    NOT NULL,
    PRIMARY KEY (from_measure, to_measure)
);
CREATE INDEX carry_overs_from ON carry_overs (from_measure);
