#!/usr/bin/env python3
"""10,000 commitments in taizhang and in Taskwarrior: importing them, and counting the overdue.

The same 10,000 commitments (measures with an owner and a due date, a third of them done, half
of the open ones past due) are written as a CSV ledger for `taizhang import --ledger` and as a
JSON array for `task import`. Then it times, median of several runs:

- importing them into an empty store / an empty task list;
- listing the overdue (`taizhang status --overdue`) against `task +OVERDUE count`;

and prints each time and the ratio taizhang / Taskwarrior (below 1: taizhang is faster). The
targets are those of issue 17: the import ≥ ×5 faster (ratio ≤ 0.2), the overdue list ratio ≤ 0.2.
Skips cleanly when `task` is not installed (Debian: apt-get install taskwarrior).

    cargo build --release
    python3 benches/taskwarrior.py [--count 10000] [--repeat 5]

Nothing here is a test: tests never assert on time.
"""

import argparse
import csv
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = ["单位", "年度", "序号", "问题描述", "整改措施", "牵头部门", "责任人", "整改时限",
          "完成情况"]
DEPTS = ["办公室", "机关党委", "人事科", "财务科", "综合科"]
PEOPLE = ["张伟", "王芳", "李娜", "刘洋", "陈静"]


def commitments(count, today):
    """(unit, problem, text, dept, person, due, done) for each commitment: units of 50."""
    for n in range(count):
        due = today + datetime.timedelta(days=(n % 200) - 100)
        yield (f"第{n // 50 + 1:04d}号单位", f"问题{n // 2 + 1}：制度执行不够严格",
               f"措施{n + 1}：修订完善相关制度并组织培训", DEPTS[n % 5], PEOPLE[n % 5], due,
               n % 3 == 0)


def write_inputs(folder, count, today):
    ledger = os.path.join(folder, "commitments.csv")
    tasks = os.path.join(folder, "commitments.json")
    year = today.year - 1
    rows, items = [], []
    for unit, problem, text, dept, person, due, done in commitments(count, today):
        rows.append([unit, str(year), "", problem, text, dept, person, due.isoformat(),
                     "已完成" if done else "正在整改"])
        stamp = due.strftime("%Y%m%dT000000Z")
        task = {"description": text, "project": unit, "due": stamp,
                "entry": f"{year + 1}0101T000000Z", "tags": [dept], "status":
                "completed" if done else "pending"}
        if done:
            task["end"] = f"{year + 1}0102T000000Z"
        items.append(task)
    with open(ledger, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    with open(tasks, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)
    return ledger, tasks


def timed(argv, env=None, setup=None, repeat=5):
    times = []
    for _ in range(repeat):
        if setup:
            setup()
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "taizhang"))
    args = parser.parse_args()
    if shutil.which("task") is None:
        print("skipped: Taskwarrior ('task') is not installed (Debian: apt-get install taskwarrior)")
        return
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'cargo build --release' first")
    folder = tempfile.mkdtemp(prefix="taizhang-taskwarrior-")
    today = datetime.date.today()
    ledger, tasks = write_inputs(folder, args.count, today)
    store = os.path.join(folder, "store.db")
    data = os.path.join(folder, "task")
    rc = os.path.join(folder, "taskrc")
    with open(rc, "w") as f:
        f.write(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
                "recurrence=off\n")
    env = dict(os.environ, TASKRC=rc)
    tz = [args.binary, "--db", store, "--as-of", today.isoformat()]

    def empty_store():
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        subprocess.run([args.binary, "--db", store, "init"], check=True,
                       stdout=subprocess.DEVNULL)

    def empty_tasks():
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)

    ours = timed(tz + ["--quiet", "import", "--ledger", ledger], setup=empty_store,
                 repeat=args.repeat)
    theirs = timed(["task", "import", tasks], env=env, setup=empty_tasks, repeat=args.repeat)
    listed = timed(tz + ["status", "--overdue"], repeat=args.repeat)
    counted = timed(["task", "+OVERDUE", "count"], env=env, repeat=args.repeat)
    print(f"{args.count} commitments{'':12} {'taizhang':>9} {'Taskwarrior':>12} {'ratio':>7} target")
    for name, a, b, target in [("import", ours, theirs, 0.2),
                               ("overdue (list / count)", listed, counted, 0.2)]:
        ratio = a / b
        print(f"{name:28} {a:8.3f}s {b:11.3f}s {ratio:7.2f} ≤ {target} "
              f"{'ok' if ratio <= target else 'OVER'}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
