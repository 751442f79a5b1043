/* ner_doc.c - the document the named-entity tagger's second pass reads: for each capitalised
 * word, what the first pass made of the other mentions of the same word in the article
 * (af_ner_docinfo, ner_impl.h; docs/ner.md). */
#include "ner_impl.h"

#include <stdlib.h>

/* type of a label: 0 O, 1..4 */
static int ltype(int l)
{
	return l ? (l + 1) / 2 : 0;
}

void af_ner_docinfo(const struct af_ner_word *w, size_t nw, const struct af_ner_sent *sents, size_t ns,
                    const unsigned char *lab, struct af_ner_tok *t)
{
	(void)w;
	(void)sents;
	(void)ns;
	/* per distinct capitalised word, whatever its case ("ROTOR" in a headline is "Rotor"):
	 * first-pass type counts over the document, the type of its first mention inside a
	 * longer entity */
	size_t ncap = 0;
	for (size_t i = 0; i < nw; i++) {
		t[i].p1 = lab[i];
		t[i].maj = t[i].majearly = 5;
		t[i].inmulti = 0;
		t[i].dist = 0;
		if (t[i].cap)
			ncap++;
	}
	if (!ncap)
		return;
	uint32_t size = 16;
	while (size < ncap * 2)
		size *= 2;
	struct slot {
		uint64_t h;
		uint32_t all[5], run[5];
		uint8_t multi;
	} *tab = af_calloc(size, sizeof *tab);
	uint32_t *at = af_malloc(nw * sizeof *at);
	for (size_t i = 0; i < nw; i++) {
		at[i] = UINT32_MAX;
		if (!t[i].cap)
			continue;
		uint64_t h = t[i].lw | 1;
		uint32_t j = (uint32_t)h & (size - 1);
		while (tab[j].h && tab[j].h != h)
			j = (j + 1) & (size - 1);
		tab[j].h = h;
		tab[j].all[ltype(lab[i])]++;
		at[i] = j;
	}
	for (size_t i = 0; i < nw; i++) {
		if (at[i] == UINT32_MAX)
			continue;
		struct slot *s = &tab[at[i]];
		int own = ltype(lab[i]), best = 5, beste = 5;
		uint32_t bc = 0, bce = 0, tot = 0;
		for (int y = 0; y < 5; y++) {
			uint32_t c = s->all[y] - (y == own);
			tot += c;
			if (c > bc)
				bc = c, best = y;
			if (s->run[y] > bce)
				bce = s->run[y], beste = y;
		}
		/* the other mentions' types as shares: none, under half, half or more, all */
		if (tot)
			for (int y = 0; y < 5; y++) {
				uint32_t c = s->all[y] - (y == own);
				unsigned bin = !c ? 0 : c == tot ? 3 : 2 * c >= tot ? 2 : 1;
				t[i].dist |= (uint16_t)(bin << (2 * y));
			}
		t[i].maj = (uint8_t)best;
		t[i].majearly = (uint8_t)beste;
		t[i].inmulti = s->multi;
		s->run[own]++;
		/* inside a longer entity: its label is I-, or the next word continues it; the type of
		 * the first such entity */
		if (!s->multi && lab[i] && (lab[i] % 2 == 0 || (i + 1 < nw && lab[i + 1] == lab[i] + 1)))
			s->multi = (uint8_t)own;
	}
	free(at);
	free(tab);
}
