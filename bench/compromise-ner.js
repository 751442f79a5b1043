// bench/compromise-ner.js - the peer of bench/entities-peers.bench: runs the npm package
// compromise (installed in build/peers/) over NDJSON records {"id", "text"} on stdin and
// writes {"id", "entities": [{"type": "PER"|"ORG"|"LOC", "start", "end"}]} per line, offsets
// in code points into text (as af-entities gives them). people() -> PER,
// organizations() -> ORG, places() -> LOC.
'use strict';
const path = require('path');
const readline = require('readline');
let nlp = require(path.join(process.env.AF_PEERS || 'build/peers', 'node_modules', 'compromise'));
nlp = nlp.default || nlp;

// UTF-16 offset -> code point offset
function cp(text, i) {
	let n = 0;
	for (let k = 0; k < i; k++) {
		const c = text.charCodeAt(k);
		if (c < 0xdc00 || c > 0xdfff) n++; // count every unit but low surrogates
	}
	return n;
}

const out = [];
const rl = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
rl.on('line', line => {
	if (!line.trim()) return;
	const r = JSON.parse(line);
	const doc = nlp(r.text);
	const ents = [];
	for (const [type, view] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]]) {
		for (const o of view.json({offset: true})) {
			const s = o.offset.start, e = s + o.offset.length;
			ents.push({type, start: cp(r.text, s), end: cp(r.text, e)});
		}
	}
	out.push(JSON.stringify({id: r.id, entities: ents}));
});
rl.on('close', () => process.stdout.write(out.join('\n') + (out.length ? '\n' : '')));
