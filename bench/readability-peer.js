// bench/readability-peer.js - the peer of bench/clean-html.bench: Mozilla's Readability.js
// on linkedom's DOM (both installed by the bench in build/peers/), over the HTML files named
// on the command line; writes {"id", "title", "text"} per page (id: the file name without
// directory and extension, text: the article's textContent).
'use strict';
const fs = require('fs');
const path = require('path');
const peers = process.env.AF_PEERS || 'build/peers';
const {Readability} = require(path.join(peers, 'node_modules', '@mozilla', 'readability'));
const {parseHTML} = require(path.join(peers, 'node_modules', 'linkedom'));

const out = [];
for (const file of process.argv.slice(2)) {
	const html = fs.readFileSync(file, 'utf8');
	const {document} = parseHTML(html);
	let art = null;
	try {
		art = new Readability(document).parse();
	} catch (e) {
		art = null;
	}
	const id = path.basename(file).replace(/\.[^.]*$/, '');
	out.push(JSON.stringify({id, title: art ? art.title : null, text: art ? art.textContent : ''}));
}
process.stdout.write(out.join('\n') + '\n');
