#!/usr/bin/env python3
"""What an analyst would write instead of loading a moneytrail case: Python's csv module over
the same ledger side file.

  scan   read every row (the least any tool must do)
  index  also index rows by transaction id and by address, the minimum to look up what an
         address did (still no amounts parsed, no balances, no validation)

Prints: rows wall_seconds cpu_seconds peak_rss_kib (the work alone: interpreter start-up is not
timed). CPU time is what to compare on a shared, loaded machine.
Used by tests/bench/large_ledger_bench.cpp; see docs/performance.md.
"""
import csv
import resource
import sys
import time
from collections import defaultdict


def legs(field):
    for item in field.split(';'):
        if '=' in item:
            yield item.split('=', 1)[0]


def main():
    mode, path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    cpu_start = time.process_time()
    rows = 0
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.reader(f)
        next(reader)
        if mode == 'scan':
            for _ in reader:
                rows += 1
        else:
            by_id = {}
            by_address = defaultdict(list)
            for row in reader:
                by_id[row[0]] = rows
                for address in legs(row[5]) if '=' in row[5] else [row[5]]:
                    if ':' not in address:
                        by_address[address].append(rows)
                for address in legs(row[6]):
                    by_address[address].append(rows)
                rows += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(rows, f"{seconds:.3f}", f"{cpu:.3f}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == '__main__':
    main()
