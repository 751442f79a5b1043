#!/usr/bin/env python3
"""Tally af-events-news-score's --errors listing by CAMEO root: counts only (blind-safe).

usage: af-events-news-score GOLD --bin BIN --errors 100000 | roots.py GOLD

Prints, for each root, the gold events, those af found and missed, and af's spurious events.
No sentence text is printed, so the blind sets may be tallied (score --by-root does this).
"""
import collections, json, re, sys

gold = collections.Counter()
for l in open(sys.argv[1], encoding='utf-8'):
    if l.strip():
        for s in json.loads(l)['sentences']:
            for e in s['events']:
                gold[str(e['code'])[:2]] += 1
miss, spur = collections.Counter(), collections.Counter()
for l in sys.stdin:
    m = re.match(r'(MISSED|SPURIOUS) \S+ .*? (\d{2,4})(?: \([^)]*\))? \| ', l)
    if m:
        (miss if m.group(1) == 'MISSED' else spur)[m.group(2)[:2]] += 1
print('root  gold  found  missed  spurious')
for r in sorted(set(gold) | set(spur)):
    print('%-4s %5d %6d %7d %9d' % (r, gold[r], gold[r] - miss[r], miss[r], spur[r]))
print('all  %5d %6d %7d %9d' % (sum(gold.values()), sum(gold.values()) - sum(miss.values()),
                                 sum(miss.values()), sum(spur.values())))
