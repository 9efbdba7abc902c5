#!/usr/bin/env python3
"""Province scale: how taizhang's commands cost on a store of many units, against sqlite3.

Builds a store of UNITS units × 10 years in SQL (benches/province/build.sql: 4 problems,
4 measures and 12 progress entries a unit and year), then times each command several times with
the release binary and prints, for each, the median wall time, the ratio to its reference measured
in the same run (machines here are shared and noisy, so the ratio is the figure to read) and the
peak memory (max RSS) of the process.

    cargo build --release
    python3 benches/province.py                 # 2,000 units (80,000 problems): minutes
    python3 benches/province.py --units 20000   # the province: 800,000 problems
    python3 benches/province.py --scaling 25,250,2500   # how per-unit commands grow

Per-unit commands are compared with `sqlite3 STORE 'select 1'` (what opening the file costs);
whole-store commands with the same rows or the same GROUP BY asked of sqlite3 itself. The
targets are those of issue 17; a row says OVER when its ratio misses the target. Nothing here is a
test: tests never assert on time.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2026-01-15"
UNIT = "第00042号单位"
YEAR = "2024"
# The ledger view as of now, narrowed to what `status --overdue` lists: measures not finished
# whose date has passed.
OVERDUE_SQL = (
    "SELECT item, unit, year, text, owner_dept, due_date, status FROM ledger "
    "WHERE kind = 'measure' AND deadline_kind <> 'long_term' AND due_date < '" + AS_OF + "' "
    "AND status NOT IN ('done', 'long_term', 'dropped') ORDER BY unit, year, item"
)
BY_YEAR_SQL = (
    "SELECT year, kind, count(*), sum(status = 'done'), sum(status = 'in_progress') "
    "FROM ledger GROUP BY year, kind"
)
BY_OWNER_SQL = (
    "SELECT owner_dept, count(*), sum(status = 'done'), sum(status = 'in_progress') "
    "FROM ledger WHERE kind = 'measure' GROUP BY owner_dept"
)
# Every row of the ledger view, for the whole-store JSON status.
ALL_SQL = "SELECT * FROM ledger ORDER BY unit, year, item"
BY_UNIT_SQL = (
    "SELECT unit, kind, count(*), sum(status = 'done'), sum(status = 'in_progress') "
    "FROM ledger GROUP BY unit, kind"
)


def run(argv, stdout=subprocess.DEVNULL):
    """Runs argv once; returns (seconds, peak RSS in MiB, exit code)."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(argv)}\n{err}")
    return took, usage.ru_maxrss / 1024.0


def median_of(argv, repeat, setup=None):
    times, peak = [], 0.0
    for _ in range(repeat):
        if setup:
            setup()
        took, rss = run(argv)
        times.append(took)
        peak = max(peak, rss)
    return statistics.median(times), peak


def build(binary, units, folder):
    path = os.path.join(folder, f"province-{units}.db")
    if os.path.exists(path):
        os.remove(path)
    run([binary, "--db", path, "init"])
    with open(os.path.join(ROOT, "benches", "province", "build.sql"), encoding="utf-8") as f:
        sql = f.read().replace(":units", str(units))
    started = time.perf_counter()
    subprocess.run(["sqlite3", path], input=sql.encode(), check=True, stdout=subprocess.DEVNULL)
    print(f"built {path}: {units} units in {time.perf_counter() - started:.1f} s, "
          f"{os.path.getsize(path) / 2**20:.0f} MiB")
    return path


def one_unit_store(binary, folder):
    """A small store of one other unit, for `merge`: the demo's."""
    path = os.path.join(folder, "one-unit.db")
    if not os.path.exists(path):
        run([binary, "demo", "--db", path])
    return path


def table(binary, store, folder, repeat, whole_only=False):
    tz = [binary, "--db", store, "--as-of", AS_OF]
    select1 = (0.0, 0.0) if whole_only else median_of(["sqlite3", store, "select 1"], repeat)
    out = os.path.join(folder, "out")
    os.makedirs(out, exist_ok=True)
    merge_target = os.path.join(folder, "merge-target.db")
    small = one_unit_store(binary, folder)

    def fresh_target():
        shutil.copyfile(store, merge_target)

    rows = [
        ("report --unit U --year N", tz + ["report", "--unit", UNIT, "--year", YEAR],
         select1, "select 1", 3, None),
        ("status --unit U --year N --format json",
         tz + ["--format", "json", "status", "--unit", UNIT, "--year", YEAR],
         select1, "select 1", 3, None),
        ("show P1000", tz + ["show", "P1000"], select1, "select 1", 3, None),
        ("history P1000", tz + ["history", "P1000"], select1, "select 1", 3, None),
        ("export --xlsx --unit U",
         tz + ["export", "--xlsx", os.path.join(out, "u.xlsx"), "--force", "--unit", UNIT],
         select1, "select 1", 5, None),
    ]
    merge = ("merge of one unit's small store",
             ["taizhang-merge"], select1, "select 1", 20, None)
    whole = [
        ("status --overdue --format csv",
         tz + ["--format", "csv", "status", "--overdue"],
         median_of(["sqlite3", "-csv", store, OVERDUE_SQL], repeat), "same rows, sqlite3 -csv",
         1.5, 64),
        ("status --format json (every row)",
         tz + ["--format", "json", "status"],
         median_of(["sqlite3", "-json", store, ALL_SQL], repeat), "same rows, sqlite3 -json",
         1.5, 64),
        ("stats --by year", tz + ["stats", "--by", "year"],
         median_of(["sqlite3", store, BY_YEAR_SQL], repeat), "GROUP BY year", 1.2, 64),
        ("stats --by unit", tz + ["stats", "--by", "unit"],
         median_of(["sqlite3", store, BY_UNIT_SQL], repeat), "GROUP BY unit", 1.2, 64),
        ("stats --by owner", tz + ["stats", "--by", "owner"],
         median_of(["sqlite3", store, BY_OWNER_SQL], repeat), "GROUP BY owner", 1.2, 64),
    ]
    print(f"{'command':42} {'taizhang':>9} {'MiB':>6} {'reference':>24} {'ratio':>8} target")
    for name, argv, (ref, _), ref_name, target, mib in ([] if whole_only else rows + [merge]) + whole:
        if argv == ["taizhang-merge"]:
            argv = [binary, "--db", merge_target, "merge", small]
            took, rss = median_of(argv, repeat, setup=fresh_target)
        else:
            took, rss = median_of(argv, repeat)
        ratio = took / ref if ref > 0 else float("inf")
        ok = ratio <= target and (mib is None or rss <= mib)
        limit = f"≤ ×{target}" + (f", ≤ {mib} MiB" if mib else "")
        print(f"{name:42} {took:8.3f}s {rss:6.0f} {ref_name:>14} {ref:8.3f}s "
              f"×{ratio:7.1f} {limit} {'ok' if ok else 'OVER'}")


def merge_row(binary, store, folder, repeat):
    """The table's merge row alone: one small store into a copy of the province store."""
    select1, _ = median_of(["sqlite3", store, "select 1"], repeat)
    target = os.path.join(folder, "merge-target.db")
    small = one_unit_store(binary, folder)
    took, rss = median_of([binary, "--db", target, "merge", small], repeat,
                          setup=lambda: shutil.copyfile(store, target))
    print(f"merge of one unit's small store: {took:.3f} s, {rss:.0f} MiB; select 1 "
          f"{select1:.3f} s; ×{took / select1:.1f} (target ≤ ×20)")


def scaling(binary, sizes, folder, repeat):
    print(f"{'units':>7} {'report --unit':>14} {'status --unit':>14} {'show':>8}")
    for units in sizes:
        store = build(binary, units, folder)
        tz = [binary, "--db", store, "--as-of", AS_OF]
        unit = "第00001号单位"
        r, _ = median_of(tz + ["report", "--unit", unit, "--year", YEAR], repeat)
        s, _ = median_of(tz + ["status", "--unit", unit, "--year", YEAR], repeat)
        w, _ = median_of(tz + ["show", "P1"], repeat)
        print(f"{units:7} {r:13.3f}s {s:13.3f}s {w:7.3f}s")
        os.remove(store)


def small_unit_store(binary, folder, n):
    """A store of one unit of its own (汇总第n号单位): 2 years of 10 rows, through import --ledger."""
    path = os.path.join(folder, f"unit-{n}.db")
    ledger = os.path.join(folder, f"unit-{n}.csv")
    lines = ["单位,年度,序号,问题描述,整改措施,牵头部门,整改时限,完成情况"]
    for year in (2024, 2025):
        for k in range(10):
            lines.append(f"汇总第{n:05d}号单位,{year},{k // 2 + 1},第{k // 2 + 1}个问题：制度执行不严,"
                         f"措施{k + 1}：修订制度并组织培训,办公室,{year + 1}-06-30,"
                         + ("已完成" if k % 3 == 0 else "正在整改"))
    with open(ledger, "w", encoding="utf-8-sig") as f:
        f.write("\n".join(lines) + "\n")
    run([binary, "--db", path, "init"])
    run([binary, "--db", path, "--as-of", AS_OF, "import", "--ledger", ledger])
    return path


def rollup(binary, store, folder, count):
    """Merges `count` small unit stores one by one into a copy of the province store (one
    `merge` call each, as an office rolling up its units would) and extrapolates to 20,000."""
    smalls = [small_unit_store(binary, folder, n) for n in range(1, count + 1)]
    target = os.path.join(folder, "rollup-target.db")
    shutil.copyfile(store, target)
    times = []
    for small in smalls:
        took, _ = run([binary, "--db", target, "merge", small])
        times.append(took)
    total = sum(times)
    per = statistics.median(times)
    print(f"roll-up of {count} unit stores into the {os.path.basename(store)} store: "
          f"{total:.1f} s in all, median {per:.3f} s a merge (first {times[0]:.3f} s, last "
          f"{times[-1]:.3f} s); 20,000 such merges ≈ {per * 20000 / 60:.0f} min (target < 30 min)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "taizhang"))
    parser.add_argument("--folder", default=None, help="where the stores go (default: a temp dir)")
    parser.add_argument("--store", default=None,
                        help="time this store (built by an earlier run) instead of building one")
    parser.add_argument("--whole", action="store_true",
                        help="only the whole-store commands (status, stats over every unit)")
    parser.add_argument("--scaling", default=None, help="unit counts, e.g. 25,250,2500")
    parser.add_argument("--rollup", type=int, default=0,
                        help="also merge this many small unit stores one by one (e.g. 200)")
    parser.add_argument("--merge-only", action="store_true",
                        help="of the table, only the merge row (with --rollup: and the roll-up)")
    args = parser.parse_args()
    if shutil.which("sqlite3") is None:
        sys.exit("sqlite3 is not installed (Debian: apt-get install sqlite3)")
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'cargo build --release' first")
    folder = args.folder or tempfile.mkdtemp(prefix="taizhang-province-")
    if args.scaling:
        scaling(args.binary, [int(n) for n in args.scaling.split(",")], folder, args.repeat)
        return
    store = args.store or build(args.binary, args.units, folder)
    if args.merge_only:
        merge_row(args.binary, store, folder, args.repeat)
    else:
        table(args.binary, store, folder, args.repeat, args.whole)
    if args.rollup:
        rollup(args.binary, store, folder, args.rollup)


if __name__ == "__main__":
    main()
