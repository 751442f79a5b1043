#!/usr/bin/env python3
"""Pack a hand coding for the repository: the text goes, offsets stay (issue 12).

usage: pack.py CODED.jsonl [CODER] > NAME.jsonl

CODED.jsonl is draw.py's output with the "events" filled as news-gold-dev/GUIDELINES.md
says. The unlabeled news may ship derived data only, never text (../shared/data/README.md),
so each mention becomes its code-point span in the article ("start", "end") and each
sentence keeps only its span; unpack.py puts the text back from ../shared. A mention that
is not in its sentence is an error (file:line and the mention), and nothing is written.
"""
import json, re, sys

FLAGS = ('negated', 'hypothetical', 'reported', 'symmetric')


def side(s, m, where):
    t = (m.get('text') or '').strip()
    # the first match as a whole word ("I" is not the I of "IRNA"), else the first match
    w = re.search(r'(?<!\w)' + re.escape(t) + r'(?!\w)', s['text']) if t else None
    i = w.start() if w else (s['text'].find(t) if t else -1)
    if i < 0:
        sys.exit('%s: mention %r is not in sentence %d' % (where, t, s['i']))
    return {'start': s['start'] + i, 'end': s['start'] + i + len(t), 'code': m.get('code') or '---'}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    coder = sys.argv[2] if len(sys.argv) > 2 else None
    out = []
    for ln, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        where = '%s:%d' % (sys.argv[1], ln)
        sents = []
        for s in r['sentences']:
            evs = []
            for e in s.get('events', []):
                code = str(e['code'])
                if not code.isdigit() or len(code) < 2:
                    sys.exit('%s: bad code %r' % (where, code))
                ev = {'source': side(s, e['source'], where), 'target': side(s, e['target'], where),
                      'code': code, 'root': code[:2], 'plover': e.get('plover', '')}
                ev.update({f: bool(e.get(f)) for f in FLAGS})
                evs.append(ev)
            sents.append({'i': s['i'], 'start': s['start'], 'end': s['end'], 'events': evs})
        rec = {'id': r['id'], 'end': len(r['text']), 'sentences': sents}
        if coder:
            rec['coder'] = coder
        out.append(json.dumps(rec, ensure_ascii=False))
    print('\n'.join(out))


main()
