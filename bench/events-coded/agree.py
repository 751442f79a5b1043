#!/usr/bin/env python3
"""Score one hand coding against another with news-gold-dev's scorer (issue 12).

usage: agree.py SHARED CODING.jsonl REFERENCE.jsonl [scorer options]

Both files are in gold layout (draw.py's, with events; unpack.py's output). CODING's events
are written as af-events would write them and scored against REFERENCE's articles (those
present in both) by SHARED/tools/af-events-news-score: the agreement of two coders, or of a
coder with news-gold-dev.
"""
import json, os, subprocess, sys, tempfile


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    shared, a, b = sys.argv[1:4]
    coding = {}
    for l in open(a, encoding='utf-8'):
        if l.strip():
            r = json.loads(l)
            coding[r['id']] = r
    ref = [json.loads(l) for l in open(b, encoding='utf-8') if l.strip()]
    ref = [r for r in ref if r['id'] in coding]
    tmp = tempfile.mkdtemp()
    gold, out = os.path.join(tmp, 'ref.jsonl'), os.path.join(tmp, 'coding.ndjson')
    with open(gold, 'w', encoding='utf-8') as g, open(out, 'w', encoding='utf-8') as o:
        for r in ref:
            g.write(json.dumps(r, ensure_ascii=False) + '\n')
            c = coding[r['id']]
            evs = []
            for s in c['sentences']:
                for e in s.get('events', []):
                    sides = {}
                    for k in ('source', 'target'):
                        t = e[k].get('text') or ''
                        i = s['text'].find(t) if t else -1
                        st = s['start'] + (i if i >= 0 else 0)
                        sides[k] = {'text': t, 'actor': e[k].get('code'), 'start': st,
                                    'end': st + (len(t) if i >= 0 else 0)}
                    ev = dict(e, **sides)
                    ev['trigger_start'] = s['start']
                    evs.append(ev)
            o.write(json.dumps({'id': r['id'], 'events': evs}, ensure_ascii=False) + '\n')
    sys.exit(subprocess.call([os.path.join(shared, 'tools', 'af-events-news-score'), gold,
                              '--cmd', 'cat ' + out] + sys.argv[4:]))


main()
