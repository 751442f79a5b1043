#!/usr/bin/env python3
"""view_dom.py DOM NDJSON - check a page af-view wrote, as Chromium loaded it (--dump-dom),
against the records it was made from. Prints one line per failed check; exit 1 if any.

Checks, per article: the text shown equals the record's text; one entity mark per entity
with a valid span, one quote element per quote, one trigger mark per event with a trigger
span, each holding exactly text[start:end] (code points) unless the mark says it was cut;
one events-table row per event; and for the page: the header counts, the index rows, the
timeline rows and the filter's count line, exactly one <script>, no on* attribute."""
import json
import sys
from html.parser import HTMLParser

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.kids = tag, dict(attrs), parent, []

    def text(self):
        return ''.join(k if isinstance(k, str) else k.text() for k in self.kids)

    def cls(self):
        return (self.attrs.get('class') or '').split()

    def walk(self):
        for k in self.kids:
            if isinstance(k, Node):
                yield k
                yield from k.walk()

    def find(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.cls():
                continue
            if any(n.attrs.get(k) != v for k, v in attrs.items()):
                continue
            yield n


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root', {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def shown_as(s):
    """s as af-view shows it: control characters but tab and line feed as U+FFFD"""
    return ''.join('\ufffd' if (c < ' ' and c not in '\t\n') or '\x7f' <= c <= '\x9f' else c for c in s)


def span_ok(el, text, s, e):
    return isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s < e <= len(text)


def main():
    dom, recs = sys.argv[1], sys.argv[2]
    t = Tree()
    t.feed(open(dom, encoding='utf-8').read())
    root = t.root
    records = [json.loads(l) for l in open(recs, encoding='utf-8') if l.strip()]
    bad = []

    def check(ok, what):
        if not ok:
            bad.append(what)

    ne = sum(len(r.get('entities') or []) for r in records)
    nq = sum(len(r.get('quotes') or []) for r in records)
    nv = sum(len(r.get('events') or []) for r in records)
    for ident, want in (('n-articles', len(records)), ('n-entities', ne), ('n-quotes', nq), ('n-events', nv)):
        got = [n.text() for n in root.find(id=ident)]
        check(got == [str(want)], f'header {ident}: {got} != {want}')
    scripts = list(root.find('script'))
    check(len(scripts) == 1, f'{len(scripts)} <script> elements, want 1')
    for n in root.walk():
        for a in n.attrs:
            check(not a.lower().startswith('on'), f'attribute {a} on <{n.tag}>')
    arts = list(root.find('article', cls='art'))
    check(len(arts) == len(records), f'{len(arts)} articles, want {len(records)}')
    marks = {'ent': 0, 'quote': 0, 'trig': 0}
    for i, (art, r) in enumerate(zip(arts, records)):
        text = r.get('text')
        rows = list(art.find('tr', cls='ev'))
        check(len(rows) == len(r.get('events') or []), f'article {i + 1}: {len(rows)} event rows, want {len(r.get("events") or [])}')
        if not isinstance(text, str):
            continue
        divs = list(art.find('div', cls='text'))
        # the HTML parser turns CR LF and CR into LF, as every browser does
        want_text = text.replace('\r\n', '\n').replace('\r', '\n')
        shown = divs[0].text() if divs else None
        check(shown == shown_as(want_text),
              f'article {i + 1}: the text shown differs from the record\'s')
        for kind, tag, key, sk, ek in (('ent', 'mark', 'entities', 'start', 'end'),
                                       ('quote', 'span', 'quotes', 'start', 'end'),
                                       ('trig', 'mark', 'events', 'trigger_start', 'trigger_end')):
            items = [x for x in (r.get(key) or []) if isinstance(x, dict) and span_ok(x, text, x.get(sk), x.get(ek))]
            els = [n for n in divs[0].find(tag, cls=kind)] if divs else []
            marks[kind] += len(els)
            check(len(els) == len(items), f'article {i + 1}: {len(els)} {kind} marks, want {len(items)}')
            for el in els:
                x = (r.get(key) or [])[int(el.attrs['data-i'])]
                if '(mark cut' in el.attrs.get('title', ''):
                    continue
                want = text[x[sk]:x[ek]].replace('\r\n', '\n').replace('\r', '\n')
                check(el.text() == shown_as(want),
                      f'article {i + 1}: {kind} {el.attrs["data-i"]} shows {el.text()[:40]!r}, want {want[:40]!r}')
    if len(records) > 1:
        idx = list(root.find('tr', cls='idx'))
        check(len(idx) == len(records), f'{len(idx)} index rows, want {len(records)}')
        tl = list(root.find('tr', cls='tl-row'))
        check(len(tl) == nv, f'{len(tl)} timeline rows, want {nv}')
        shown = sum('hidden' not in n.attrs for n in tl)
        cnt = [n.text() for n in root.find(id='f-count')]
        check(cnt == [f'{shown} of {nv} events'], f'filter count {cnt}, want {shown} of {nv}')
    print(f"# marks: {marks['ent']} entities, {marks['quote']} quotes, {marks['trig']} triggers")
    for b in bad[:30]:
        print(b)
    sys.exit(1 if bad else 0)


main()
