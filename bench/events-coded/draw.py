#!/usr/bin/env python3
"""Draw Tehran Times articles to code by hand the way news-gold-dev was coded (issue 12).

usage: draw.py SHARED SEED N [BIN] > to-code.jsonl

The pool is news-gold-dev's: lines of SHARED/data/unlabeled/tehrantimes.txt.gz (line n is
article tt-unl-n) that mention Afghan, Taliban or Kabul at least three times, minus
news-gold-dev's articles and the articles already coded here (bench/events-coded/*.jsonl).
N of them are drawn with random.Random(SEED). Each article's first sentences (as af-parse
splits them, 8 or fewer, a Mehr licence sentence dropped) become the text to code:
{"id", "text", "sentences": [{"i", "start", "end", "text", "events": []}]}, offsets in code
points, the layout of news-gold-dev/gold.jsonl. BIN (default ./bin) holds af-parse.
"""
import glob, gzip, json, os, random, re, subprocess, sys

LICENCE = re.compile(r'licensed under|All Content by', re.I)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    shared, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    bindir = sys.argv[4] if len(sys.argv) > 4 else 'bin'
    here = os.path.dirname(os.path.abspath(__file__))
    taken = {json.loads(l)['id'] for l in open(shared + '/data/events/news-gold-dev/gold.jsonl')}
    for f in glob.glob(os.path.join(here, '*.jsonl')):
        taken |= {json.loads(l)['id'] for l in open(f) if l.strip()}
    pool = []
    for k, line in enumerate(gzip.open(shared + '/data/unlabeled/tehrantimes.txt.gz', 'rt', encoding='utf-8')):
        t = line.strip()
        aid = 'tt-unl-%d' % k
        if aid in taken:
            continue
        if len(re.findall(r'afghan|taliban|kabul', t, re.I)) >= 3:
            pool.append((aid, t))
    pick = random.Random(seed).sample(pool, n)
    inp = ''.join(json.dumps({'id': a, 'text': t}, ensure_ascii=False) + '\n' for a, t in pick)
    out = subprocess.run([os.path.join(bindir, 'af-parse')], input=inp.encode(), capture_output=True, check=True)
    for (aid, t), line in zip(pick, out.stdout.decode('utf-8').splitlines()):
        r = json.loads(line)
        sents = []
        for s in r['sentences']:
            st = t[s['start']:s['end']]
            if LICENCE.search(st):
                continue
            sents.append(s)
            if len(sents) == 8:
                break
        end = sents[-1]['end']
        print(json.dumps({'id': aid, 'text': t[:end], 'sentences': [
            {'i': i, 'start': s['start'], 'end': s['end'], 'text': t[s['start']:s['end']], 'events': []}
            for i, s in enumerate(sents)]}, ensure_ascii=False))


main()
