#!/usr/bin/env python3
"""Pick the held-out Tehran Times articles for the hand-read event check (issue 12).
Seeded, reproducible: random.Random(20261206) over the lines of
../shared/data/unlabeled/tehrantimes.txt.gz (line n is article tt-unl-(n-1), as in
news-gold-dev) that are 800..5000 characters long, mention 'minister', 'president',
'government' or 'forces' (political news, where events are), and are not in news-gold-dev.
An optional second argument is the seed (default 20261206). Writes NDJSON {"id","raw"} for af-clean on stdout."""
import gzip, json, random, sys
root = sys.argv[1] if len(sys.argv) > 1 else '../shared'
dev = {json.loads(l)['id'] for l in open(root + '/data/events/news-gold-dev/gold.jsonl')}
pool = []
for n, line in enumerate(gzip.open(root + '/data/unlabeled/tehrantimes.txt.gz', 'rt')):
    t = line.strip()
    aid = 'tt-unl-%d' % n
    low = t.lower()
    if aid in dev or not 800 <= len(t) <= 5000:
        continue
    if not any(w in low for w in ('minister', 'president', 'government', 'forces')):
        continue
    pool.append((aid, t))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261206
for aid, t in random.Random(seed).sample(pool, 15):
    print(json.dumps({'id': aid, 'raw': t}, ensure_ascii=False))
