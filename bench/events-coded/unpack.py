#!/usr/bin/env python3
"""Rebuild news-gold-dev-style gold from packed codings and the unlabeled news (issue 12).

usage: unpack.py SHARED PACKED.jsonl... > gold.jsonl

Each article's text is line n of SHARED/data/unlabeled/tehrantimes.txt.gz (id tt-unl-n), up
to the packed "end"; sentences and mentions get their text back from their spans. The
output is read by ../shared/tools/af-events-news-score.
"""
import gzip, json, sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    recs = [json.loads(l) for f in sys.argv[2:] for l in open(f, encoding='utf-8') if l.strip()]
    want = {int(r['id'].rsplit('-', 1)[1]) for r in recs}
    lines = {}
    for k, line in enumerate(gzip.open(sys.argv[1] + '/data/unlabeled/tehrantimes.txt.gz', 'rt', encoding='utf-8')):
        if k in want:
            lines[k] = line.strip()
    for r in recs:
        text = lines[int(r['id'].rsplit('-', 1)[1])][:r['end']]
        sents = []
        for s in r['sentences']:
            evs = []
            for e in s['events']:
                e = dict(e)
                for k in ('source', 'target'):
                    m = e[k]
                    e[k] = {'text': text[m['start']:m['end']], 'code': m['code']}
                evs.append(e)
            sents.append({'i': s['i'], 'start': s['start'], 'end': s['end'],
                          'text': text[s['start']:s['end']], 'events': evs})
        print(json.dumps({'id': r['id'], 'text': text, 'sentences': sents}, ensure_ascii=False))


main()
