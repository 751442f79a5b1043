#!/usr/bin/env python3
"""Print af-events output one event a line with its sentence, for hand reading."""
import json, sys
n = 0
for l in open(sys.argv[1]):
    r = json.loads(l)
    t = r['text']
    for e in r.get('events', []):
        n += 1
        # a side may be null (an event with no actor on that side)
        e['source'] = e.get('source') or {}
        e['target'] = e.get('target') or {}
        sents = r.get('sentences') or []
        i = e.get('sentence')
        sent = ''
        if isinstance(i, int) and i < len(sents):
            sent = t[sents[i]['start']:sents[i]['end']]
        else:
            ts = e.get('trigger_start') or 0
            a = max(t.rfind('. ', 0, ts) + 2, 0)
            b = t.find('. ', ts)
            sent = t[a:b + 1 if b >= 0 else len(t)]
        flags = ','.join(k for k in ('negated', 'hypothetical', 'reported', 'symmetric') if e.get(k))
        print('%d\t%s\t%s %s\t%s [%s] -> %s [%s]\t%s' % (n, r['id'], e['code'], e.get('trigger'),
              e['source'].get('text'), e['source'].get('actor'), e['target'].get('text'),
              e['target'].get('actor'), flags))
        if len(sys.argv) > 2:
            print('\t\t' + sent.replace('\n', ' '))
