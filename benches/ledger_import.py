#!/usr/bin/env python3
"""`import --ledger` at scale: how its time grows with the rows it brings (it should be linear).

Writes roll-up CSV ledgers of N rows in the layout `export --csv` writes (单位, 年度, then the 16
ledger columns): units of 10 rows a year (5 problems of 2 measures each), 10 years a unit, each
measure with two dated progress entries, so that every row costs what an exported row costs.
Then imports each into a fresh store with the release binary and prints the time, the time a
thousand rows and the peak memory (max RSS); the last line compares the largest run's time a row
with the smallest's (≈ 1 when linear).

    cargo build --release
    python3 benches/ledger_import.py                      # 1,000 / 10,000 / 20,000 / 100,000 rows
    python3 benches/ledger_import.py --rows 1000,10000

Nothing here is a test: tests never assert on time.
"""

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2026-12-31"
HEADER = ["单位", "年度", "序号", "问题来源", "问题类别", "问题描述", "整改措施", "责任领导",
          "牵头部门", "配合部门", "责任人", "整改时限", "整改进展", "完成情况", "销号情况",
          "销号时间", "佐证材料", "备注"]
SUBJECTS = ["理论学习", "支部建设", "意识形态工作", "干部队伍建设", "作风建设", "预算管理",
            "政府采购", "内部控制", "资产管理", "档案管理", "信访工作", "安全生产"]
DEFECTS = ["抓得不够实，停留在面上", "制度不够健全，执行有偏差", "台账记录不规范，底数不清",
           "推进力度不够，进度滞后", "责任落实不到位，层层递减"]
ACTIONS = ["建立月度调度机制，逐项明确责任人和完成时限", "修订完善相关制度，组织专题培训一次",
           "开展专项检查，建立问题清单并逐项销号", "每季度通报进展情况，纳入年度考核"]
DEPTS = ["办公室", "机关党委", "人事科", "财务科", "综合科"]
ROWS_A_YEAR = 10  # 5 problems × 2 measures
YEARS = list(range(2016, 2026))


def rows(count):
    """`count` ledger rows: unit after unit, year after year, problem after problem."""
    n = 0
    unit = 0
    while True:
        unit += 1
        name = f"第{unit:05d}号单位"
        for year in YEARS:
            for k in range(ROWS_A_YEAR):
                if n == count:
                    return
                n += 1
                p = k // 2
                problem = f"{SUBJECTS[(unit + p) % 12]}{DEFECTS[(year + p) % 5]}（{p + 1}）"
                measure = f"针对{SUBJECTS[(unit + p) % 12]}问题，{ACTIONS[(k + unit) % 4]}（{k + 1}）"
                due = f"{year + 1}-{3 + p:02d}-28"
                done = (k + unit + year) % 3 == 0
                progress = (f"{year + 1}-02-10 已制定工作方案\n"
                            f"{year + 1}-{3 + p:02d}-20 " + ("已全部完成" if done else "正在推进"))
                yield [name, str(year), str(p + 1), f"{year}年度工作总结", "", problem, measure,
                       "", DEPTS[(k + unit) % 5], "", "", due, progress,
                       "已完成" if done else "正在整改", "已销号" if done else "未销号",
                       f"{year + 1}-{3 + p:02d}-20" if done else "", "", ""]


def write_csv(path, count):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows(count))


def run(argv):
    """Runs argv once; returns (seconds, CPU seconds, peak RSS in MiB). The CPU time (user +
    system) is the steadier figure on a shared machine."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{err}")
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000,20000,100000")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "taizhang"))
    parser.add_argument("--folder", default=None)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: run 'cargo build --release' first")
    folder = args.folder or tempfile.mkdtemp(prefix="taizhang-ledger-import-")
    results = []
    print(f"{'rows':>8} {'seconds':>9} {'CPU s':>8} {'s / 1k rows':>12} {'MiB':>6}")
    for count in [int(n) for n in args.rows.split(",")]:
        ledger = os.path.join(folder, f"rollup-{count}.csv")
        write_csv(ledger, count)
        store = os.path.join(folder, f"store-{count}.db")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        run([args.binary, "--db", store, "init"])
        took, cpu, rss = run([args.binary, "--db", store, "--as-of", AS_OF, "--quiet",
                              "import", "--ledger", ledger])
        results.append((count, took))
        print(f"{count:8} {took:8.2f}s {cpu:7.2f}s {took / count * 1000:11.3f}s {rss:6.0f}")
    if len(results) > 1:
        (small, t_small), (large, t_large) = results[0], results[-1]
        growth = (t_large / large) / (t_small / small)
        print(f"time a row at {large} rows / at {small} rows: ×{growth:.2f} (1 = linear)")
    if not args.folder:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
