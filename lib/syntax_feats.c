/* syntax_feats.c - what the tagger and the chunker see of a word (af_syn_norm_word, af_syn_infos)
 * and their feature templates (af_syn_pos_*, af_syn_chunk_*); shared by lib/syntax.c and the trainer. */
#include "af/syntax.h"
#include "af/utf8.h"
#include "syntax_impl.h"
#include "perceptron.h"

#include <string.h>

/* ---- words ---- */

/* The word as the features see it: typographic quotes, apostrophes and dashes as ASCII,
 * `` and '' as ", digits as 0; at most AF_SYN_WORDMAX bytes. *lo gets it in lower case. */
size_t af_syn_norm_word(const char *s, size_t n, char *buf, char *lo, uint32_t *flags)
{
	size_t i = 0, o = 0;
	int upper = 0, lower = 0, first = 1;
	uint32_t fl = 0;
	if ((n == 2 && (memcmp(s, "``", 2) == 0 || memcmp(s, "''", 2) == 0))) {
		buf[0] = lo[0] = '"';
		*flags = 0;
		return 1;
	}
	while (i < n && o + 4 < AF_SYN_WORDMAX) {
		size_t at = i;
		uint32_t cp = af_pc_next_cp(s, n, &i);
		const char *rep = NULL;
		switch (cp) {
		case 0x2018: case 0x2019: case 0x201a: case 0x2032: case 0x02bc: rep = "'"; break;
		case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb: case 0x2033: rep = "\""; break;
		case 0x2013: case 0x2014: case 0x2012: case 0x2212: case 0x2015: rep = "-"; break;
		case 0x2026: rep = "..."; break;
		default: break;
		}
		if (rep) {
			size_t l = strlen(rep);
			memcpy(buf + o, rep, l);
			memcpy(lo + o, rep, l);
			o += l;
			if (cp >= 0x2012 && cp <= 0x2015 && at > 0)
				fl |= AF_SYN_F_HYPHEN;
			first = 0;
			continue;
		}
		if (cp < 0x80) {
			char c = (char)cp;
			if (c >= '0' && c <= '9') {
				fl |= AF_SYN_F_DIGIT;
				c = '0';
			} else if (c >= 'A' && c <= 'Z') {
				upper = 1;
				fl |= AF_SYN_F_ALPHA;
				if (first)
					fl |= AF_SYN_F_CAP;
			} else if (c >= 'a' && c <= 'z') {
				lower = 1;
				fl |= AF_SYN_F_ALPHA;
			} else if (c == '-' && at > 0)
				fl |= AF_SYN_F_HYPHEN;
			buf[o] = c;
			lo[o] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			o++;
		} else {
			memcpy(buf + o, s + at, i - at);
			if (i - at > 1 && cp <= 0x10ffff) {
				unsigned cl = af_uni_class(cp);
				if (cl & AF_UNI_LETTER)
					fl |= AF_SYN_F_ALPHA;
				if (cl & AF_UNI_UPPER) {
					upper = 1;
					if (first)
						fl |= AF_SYN_F_CAP;
				} else if (cl & AF_UNI_LOWER)
					lower = 1;
				if (cl & AF_UNI_DIGIT)
					fl |= AF_SYN_F_DIGIT;
				char tmp[4];
				size_t l = af_utf8_put(af_uni_tolower(cp), tmp);
				if (l == i - at)
					memcpy(lo + o, tmp, l);
				else
					memcpy(lo + o, s + at, i - at);
			} else
				memcpy(lo + o, s + at, i - at);
			o += i - at;
		}
		first = 0;
	}
	if (upper && !lower)
		fl |= AF_SYN_F_ALLCAPS;
	*flags = fl;
	return o;
}

/* the start of the k-th code point from the end of s[0..n) (k >= 1), or SIZE_MAX */
static size_t back_cp(const char *s, size_t n, int k)
{
	size_t i = n;
	while (k-- > 0) {
		if (i == 0)
			return SIZE_MAX;
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
	}
	return i;
}

static size_t fwd_cp(const char *s, size_t n, int k)
{
	size_t i = 0;
	while (k-- > 0) {
		if (i >= n)
			return SIZE_MAX;
		af_pc_next_cp(s, n, &i);
	}
	return i;
}

void af_syn_infos(const struct af_syn_word *w, size_t n, struct af_syn_info *info)
{
	char buf[AF_SYN_WORDMAX], lo[AF_SYN_WORDMAX];
	for (size_t t = 0; t < n; t++) {
		struct af_syn_info *x = &info[t];
		uint32_t fl;
		size_t len = af_syn_norm_word(w[t].s, w[t].len, buf, lo, &fl);
		if (t == 0)
			fl |= AF_SYN_F_FIRST;
		x->flags = fl;
		x->amb = 0;
		x->w = af_syn_hstr(buf, len);
		x->lw = af_syn_hstr(lo, len) ^ 0x5bd1e995ull;
		/* the clusters' key: the word with digits as 0, hashed as the NER model's are */
		x->ck = af_syn_key32(af_syn_mix(af_syn_hstr(buf, len), 0x27d4eb2f165667c5ull));
		x->clk = af_syn_key32(af_syn_mix(af_syn_hstr(lo, len), 0x27d4eb2f165667c5ull));
		x->clu = 0;
		for (int k = 0; k < 4; k++) {
			size_t b = back_cp(lo, len, k + 1);
			x->suf[k] = b == SIZE_MAX ? 0x1234 + (uint64_t)k : af_syn_mix(af_syn_hstr(lo + b, len - b), 0x51 + (uint64_t)k);
		}
		for (int k = 0; k < 3; k++) {
			size_t e = fwd_cp(lo, len, k + 1);
			x->pre[k] = e == SIZE_MAX ? 0x4321 + (uint64_t)k : af_syn_mix(af_syn_hstr(lo, e), 0x71 + (uint64_t)k);
		}
		/* short shape: X x d and other characters, runs of one class as one */
		char sh[AF_SYN_WORDMAX];
		size_t ns = 0, i = 0;
		while (i < len && ns < sizeof sh) {
			uint32_t cp = af_pc_next_cp(buf, len, &i);
			char c;
			if (cp < 0x80)
				c = (cp >= 'A' && cp <= 'Z') ? 'X' : (cp >= 'a' && cp <= 'z') ? 'x' : (cp == '0') ? 'd' : (char)cp;
			else {
				unsigned cl = cp <= 0x10ffff ? af_uni_class(cp) : 0;
				c = (cl & AF_UNI_UPPER) ? 'X' : (cl & AF_UNI_LETTER) ? 'x' : (cl & AF_UNI_DIGIT) ? 'd' : 'o';
			}
			if (!ns || sh[ns - 1] != c)
				sh[ns++] = c;
		}
		x->shape = af_syn_mix(af_syn_hstr(sh, ns), 0x99);
	}
}

void af_syn_ambs(const struct af_syn_map *amb, struct af_syn_info *info, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int v = af_syn_map_get(amb, af_syn_dictkey(&info[i]));
		info[i].amb = v > 0 ? (uint32_t)v : 0;
	}
}

void af_syn_clusters(const struct af_syn_map *clu, struct af_syn_info *info, size_t n)
{
	if (!clu->mask)
		return;
	for (size_t i = 0; i < n; i++) {
		int v = af_syn_map_get(clu, info[i].ck);
		if (v < 0)
			v = af_syn_map_get(clu, info[i].clk);
		info[i].clu = v > 0 ? (uint32_t)v : 0;
	}
}

/* ---- features ---- */

#define F(tpl, v) (f[nf++] = af_syn_key32(af_syn_mix((uint64_t)(tpl) * 0x100000001b3ull + 17, (v))))
#define NONE 0x2b992ddfa23249d6ull /* outside the sentence */

/* The tagger's features that depend on the word alone (and on whether it begins its
 * sentence): a thread caches their sum per word (tag_infos). */
size_t af_syn_pos_wfeats(const struct af_syn_info *info, size_t i, uint32_t *f)
{
	size_t nf = 0;
	const struct af_syn_info *x = &info[i];
	F(0, 1);
	F(1, x->w);
	F(2, x->lw);
	for (int k = 0; k < 4; k++)
		F(3 + k, x->suf[k]);
	for (int k = 0; k < 3; k++)
		F(7 + k, x->pre[k]);
	F(10, x->shape);
	F(20, x->flags & (AF_SYN_F_CAP | AF_SYN_F_ALLCAPS | AF_SYN_F_FIRST | AF_SYN_F_DIGIT | AF_SYN_F_HYPHEN));
	F(27, af_syn_mix(x->flags & AF_SYN_F_FIRST, x->shape));
	F(28, x->amb);
	if (x->clu) {
		uint64_t c0 = x->clu;
		F(35, c0 & 0x3ff);
		F(36, c0 >> 10 & 0x3fff);
		F(37, c0 >> 18 & 0x3f);
	}
	return nf;
}

/* The tagger's features of word i in its context: the words around it, the tags before it. */
size_t af_syn_pos_cfeats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags, uint32_t *f)
{
	size_t nf = 0;
	const struct af_syn_info *x = &info[i];
	uint64_t t1 = i > 0 ? tags[i - 1] : 99, t2 = i > 1 ? tags[i - 2] : 99;
	uint64_t wm1 = i > 0 ? info[i - 1].lw : NONE, wm2 = i > 1 ? info[i - 2].lw : NONE;
	uint64_t wp1 = i + 1 < n ? info[i + 1].lw : NONE, wp2 = i + 2 < n ? info[i + 2].lw : NONE;
	uint64_t a0 = x->amb, a1 = i + 1 < n ? info[i + 1].amb : 7, a2 = i + 2 < n ? info[i + 2].amb : 7;
	F(13, af_syn_mix(t1, x->lw));
	F(24, af_syn_mix(x->lw, wp1));
	F(25, af_syn_mix(wm1, x->lw));
	F(34, af_syn_mix(x->lw, a1));
	F(11, t1);
	F(12, t1 << 8 | t2);
	F(14, wm1);
	F(15, i > 0 ? info[i - 1].suf[2] : NONE);
	F(16, wm2);
	F(17, wp1);
	F(18, i + 1 < n ? info[i + 1].suf[2] : NONE);
	F(19, wp2);
	F(21, af_syn_mix(i > 0 ? info[i - 1].shape : NONE, x->shape));
	F(22, i + 1 < n ? info[i + 1].shape : NONE);
	F(23, t2);
	F(26, af_syn_mix(t1, x->suf[2]));
	F(29, a1);
	F(30, a2);
	F(31, af_syn_mix(a0, t1));
	F(32, af_syn_mix(a0, a1));
	F(33, af_syn_mix(af_syn_mix(t1, a0), a1));
	if (x->clu || (i > 0 && info[i - 1].clu) || (i + 1 < n && info[i + 1].clu)) {
		uint64_t c0 = x->clu, cm1 = i > 0 ? info[i - 1].clu : 1u << 31, cp1 = i + 1 < n ? info[i + 1].clu : 1u << 31;
		if (!x->clu) { /* the word-alone part has none: the same keys as when it did */
			F(35, c0 & 0x3ff);
			F(36, c0 >> 10 & 0x3fff);
			F(37, c0 >> 18 & 0x3f);
		}
		F(38, af_syn_mix(t1, c0 >> 10 & 0x3fff));
		F(39, cm1 >> 10 & 0x3fff);
		F(40, cp1 >> 10 & 0x3fff);
		F(41, cp1 & 0x3ff);
		F(42, af_syn_mix(c0 >> 18 & 0x3f, cp1 >> 18 & 0x3f));
	}
	return nf;
}

size_t af_syn_pos_feats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags, uint32_t *f)
{
	size_t nf = af_syn_pos_wfeats(info, i, f);
	return nf + af_syn_pos_cfeats(info, n, i, tags, f + nf);
}

/* The chunker's features that depend on the tags around word i and the chunk classes of the
 * two words before it alone: a thread caches their sum per such context (chunk_infos). */
size_t af_syn_chunk_tfeats(size_t n, size_t i, const uint8_t *tags, const uint8_t *cls, uint32_t *f)
{
	size_t nf = 0;
	uint64_t t0 = tags[i];
	uint64_t tm1 = i >= 1 ? tags[i - 1] : 99, tm2 = i >= 2 ? tags[i - 2] : 99;
	uint64_t tp1 = i + 1 < n ? tags[i + 1] : 99, tp2 = i + 2 < n ? tags[i + 2] : 99;
	uint64_t c1 = i >= 1 ? cls[i - 1] : 99, c2 = i >= 2 ? cls[i - 2] : 99;
	F(0, 1);
	F(2, t0);
	F(3, tm1);
	F(4, tm2);
	F(5, tp1);
	F(6, tp2);
	F(7, tm1 << 8 | t0);
	F(8, t0 << 8 | tp1);
	F(9, tm1 << 16 | t0 << 8 | tp1);
	F(10, tm2 << 16 | tm1 << 8 | t0);
	F(11, t0 << 16 | tp1 << 8 | tp2);
	F(14, c1);
	F(15, c2 << 8 | c1);
	F(16, c1 << 8 | t0);
	F(21, c1 << 16 | t0 << 8 | tp1);
	F(29, c1 << 16 | tp1 << 8 | tp2);
	F(30, tm1 << 24 | t0 << 16 | tp1 << 8 | tp2);
	F(33, c1 << 8 | tp1);
	return nf;
}

/* The chunker's features of the word itself and its tag. */
size_t af_syn_chunk_w0feats(const struct af_syn_info *info, size_t i, const uint8_t *tags, uint32_t *f)
{
	size_t nf = 0;
	uint64_t t0 = tags[i], w0 = info[i].lw;
	F(1, w0);
	F(18, af_syn_mix(t0, w0));
	F(22, af_syn_mix(t0, info[i].suf[2]));
	F(27, info[i].flags & (AF_SYN_F_CAP | AF_SYN_F_ALLCAPS | AF_SYN_F_FIRST));
	F(35, info[i].clu >> 10 & 0x3fff);
	return nf;
}

/* The chunker's feature of a word at offset d (-2, -1, 1, 2) from the word chunked, alone;
 * x NULL: outside the sentence. */
size_t af_syn_chunk_nfeat(const struct af_syn_info *x, int d, uint32_t *f)
{
	size_t nf = 0;
	uint64_t w = x ? x->lw : NONE;
	switch (d) {
	case -2: F(25, w); break;
	case -1: F(12, w); break;
	case 1: F(13, w); break;
	default: F(26, w); break;
	}
	return nf;
}

/* The chunker's other features: words with tags, classes and each other. */
size_t af_syn_chunk_wfeats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags,
                           const uint8_t *cls, uint32_t *f)
{
	size_t nf = 0;
	uint64_t t0 = tags[i];
	uint64_t tm1 = i >= 1 ? tags[i - 1] : 99;
	uint64_t tp1 = i + 1 < n ? tags[i + 1] : 99;
	uint64_t c1 = i >= 1 ? cls[i - 1] : 99;
	uint64_t w0 = info[i].lw, wm1 = i >= 1 ? info[i - 1].lw : NONE, wp1 = i + 1 < n ? info[i + 1].lw : NONE;
	uint64_t wp2 = i + 2 < n ? info[i + 2].lw : NONE;
	F(17, af_syn_mix(c1, w0));
	F(19, af_syn_mix(wm1, w0));
	F(20, af_syn_mix(w0, wp1));
	F(23, af_syn_mix(tp1, wp1));
	F(24, af_syn_mix(tm1, wm1));
	F(28, af_syn_mix(c1, wm1));
	F(31, af_syn_mix(c1, af_syn_mix(w0, tp1)));
	F(32, af_syn_mix(t0, wp1));
	F(34, af_syn_mix(af_syn_mix(t0, tp1), wp2));
	F(36, i + 1 < n ? (info[i + 1].clu >> 10 & 0x3fff) | (uint64_t)tp1 << 20 : NONE);
	return nf;
}

size_t af_syn_chunk_feats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags,
                          const uint8_t *cls, uint32_t *f)
{
	size_t nf = af_syn_chunk_tfeats(n, i, tags, cls, f);
	nf += af_syn_chunk_w0feats(info, i, tags, f + nf);
	for (int d = -2; d <= 2; d++)
		if (d)
			nf += af_syn_chunk_nfeat((ptrdiff_t)i + d >= 0 && i + (size_t)(d + 2) < n + 2 ? &info[(ptrdiff_t)i + d] : NULL,
			                         d, f + nf);
	return nf + af_syn_chunk_wfeats(info, n, i, tags, cls, f + nf);
}
#undef F

/* ---- loading ---- */
