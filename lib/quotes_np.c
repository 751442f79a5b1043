/* quotes_np.c - speakers: the noun phrase before a cue ("the report", "Smith, a spokesman,"),
 * after it ("said Smith"), and the subject of a clause a cue hangs on. */
#include "quotes_int.h"

/* A speaker ending at token e-1, not before lo: a pronoun, a name, or a common noun phrase
 * ("the report", "Spokespersons for these movements", "Trump's campaign"). 1 and *sa. */
int qt_np_back(const struct af_quoter *q, int e, int lo, int *sa)
{
	int i = e - 1;
	if (i < lo || !is_word(q, i))
		return 0;
	if (tok_is(q, i, "who") || tok_is(q, i, "which")) {
		/* "Smith, who said ...": the antecedent */
		int p = is_punct(q, i - 1, ',') ? i - 1 : i;
		return p > lo && qt_np_back(q, p, lo, sa);
	}
	if (K(i).bits & (L_ANYCUE | L_SKIP | L_PART) || tok_is(q, i, "that") || tok_is(q, i, "to") ||
	    (is_lower(q, i) && (K(i).bits & (L_SUB | L_LINK))))
		return 0; /* "had this to say", "He praised those who left but said" */
	if (K(i).bits & L_PRON) {
		*sa = i;
		return 1;
	}
	if ((K(i).bits & L_TIME) && is_lower(q, i)) {
		/* "Judge Reeves late Thursday night issued", "The department two weeks ago said":
		 * the noun phrase before the time phrase */
		int t = i;
		while (t - 1 >= lo && t > i - 6 && !tok_is(q, t - 1, "who") &&
		       ((K(t - 1).bits & (L_TIME | L_NOTNAME | L_DET | L_SKIP)) || T(t - 1).kind == AF_TOK_NUMBER ||
		        tok_is(q, t - 1, "than") || tok_is(q, t - 1, "less") || tok_is(q, t - 1, "more") ||
		        tok_is(q, t - 1, "late")))
			t--;
		int s2;
		if (t < i && t > lo && (is_cap(q, t - 1) || (K(t - 1).bits & (L_PRON | L_SPKN)) || tok_is(q, t - 1, "who")) &&
		    qt_np_back(q, t, lo, &s2)) {
			*sa = s2;
			return 1;
		}
	}
	int j;
	if (is_cap(q, i)) {
		j = i;
		while (j - 1 >= lo) {
			if (is_cap(q, j - 1) || (T(j - 1).flags & AF_TF_INITIAL))
				j--;
			else if ((K(j - 1).bits & L_PART) && j - 2 >= lo && is_cap(q, j - 2) && !tok_is(q, j - 1, "and"))
				j -= 2;
			else if ((T(j - 1).flags & AF_TF_CLITIC) && j - 2 >= lo && is_cap(q, j - 2))
				j -= 2; /* Trump's Kellyanne ... rare; keeps names whole */
			else
				break;
		}
		if (j - 1 >= lo && tok_is(q, j - 1, "the"))
			j--;
		*sa = j;
		return 1;
	}
	if (!is_lower(q, i))
		return 0;
	/* a common noun phrase: lower-case words (and capitalised modifiers) back to a determiner */
	j = i;
	int det = -1;
	for (int k = 0; k < 6 && j - 1 >= lo; k++) {
		int p = j - 1;
		if (K(p).bits & L_DET) {
			det = p;
			break;
		}
		if (is_lower(q, p) && !(K(p).bits & (L_ANYCUE | L_SKIP | L_PART | L_PRON)) && !tok_is(q, p, "that") &&
		    !tok_is(q, p, "who") && !tok_is(q, p, "which"))
			j = p;
		else if (is_cap(q, p) || ((T(p).flags & AF_TF_CLITIC) && p - 1 >= lo && is_cap(q, p - 1)))
			j = p;
		else
			break;
	}
	if (det < 0 && j - 1 >= lo && T(j - 1).kind == AF_TOK_NUMBER)
		det = j - 1; /* "47 percent said" */
	if (det >= 0 && !(K(i).bits & L_SPKN) && det - 2 >= lo && is_lower(q, det - 1) && (K(det - 1).bits & L_NOTNAME) &&
	    !tok_is(q, det - 1, "for") && !tok_is(q, det - 1, "of")) {
		/* "Trump in his announcement speech called": the name before the phrase */
		int s2;
		if (qt_np_back(q, det - 1, lo, &s2) && (is_cap(q, det - 2) || (K(det - 2).bits & L_PRON))) {
			*sa = s2;
			return 1;
		}
	}
	if (det >= 0)
		j = det;
	else if (!(K(i).bits & L_SPKN) &&
	         !(i - j < 4 && (j == lo || T(j - 1).kind == AF_TOK_PUNCT || (K(j - 1).bits & L_NOTNAME)) &&
	           !(K(j).bits & L_NOTNAME)))
		return 0; /* a bare noun phrase only at the clause's start: "strategists said" */
	else if (!(is_cap(q, j) || (T(j).flags & AF_TF_CAP) || j == i || (K(j).bits & L_SPKN)))
		j = i;
	/* "spokesman for the ministry", "the head of the agency" */
	for (int r = 0; r < 2; r++) {
		int p = j - 1;
		if (p - 1 >= lo && (tok_is(q, p, "for") || tok_is(q, p, "of") || tok_is(q, p, "at")) && is_word(q, p - 1) &&
		    ((K(p - 1).bits & L_SPKN) || is_lower(q, p - 1) || is_cap(q, p - 1)) &&
		    !(K(p - 1).bits & (L_ANYCUE | L_SKIP | L_PRON | L_DET))) {
			int s2;
			if (qt_np_back(q, p, lo, &s2) && s2 < p)
				j = s2;
			else
				break;
		} else
			break;
	}
	*sa = j;
	return 1;
}

/* np_back, or the name before an apposition: "Smith, a spokesman for X, said" -> Smith. */
int qt_np_back_appos(const struct af_quoter *q, int e, int lo, int *sa, int *sb)
{
	if (is_punct(q, e - 1, ')')) {
		/* "Sen. Elizabeth Warren (D-MA) said": the name before the brackets */
		int p = e - 2;
		while (p > lo && p > e - 8 && !is_punct(q, p, '(') && !is_punct(q, p, ')'))
			p--;
		if (p > lo && is_punct(q, p, '(') && is_cap(q, p - 1) && qt_np_back(q, p, lo, sa)) {
			*sb = p;
			return 1;
		}
	}
	if (is_punct(q, e - 1, ',') && e - lo <= 30) {
		/* a name that opens the clause, then only asides up to the cue: "Clinton, during a
		 * town hall meeting in Columbus, Ohio, said", "Cory James, 22, of Flint, Mich., said" */
		int t = lo, a, b, ok = 1;
		while (t < e && T(t).kind == AF_TOK_PUNCT)
			t++;
		for (int i = t; i < e && ok; i++)
			if (K(i).q >= 0 || (K(i).bits & L_ANYCUE))
				ok = 0;
		int b2 = -1;
		if (ok && qt_np_fwd(q, t, e, &a, &b) && a == t && b < e - 1 && is_punct(q, b, '(') && is_cap(q, b - 1)) {
			/* "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": past the tag */
			b2 = b + 1;
			while (b2 < e - 1 && b2 < b + 8 && !is_punct(q, b2, ')') && !is_punct(q, b2, '('))
				b2++;
			b2 = is_punct(q, b2, ')') ? b2 + 1 : -1;
		}
		if (ok && qt_np_fwd(q, t, e, &a, &b) && a == t && b < e - 1 && is_punct(q, b2 >= 0 ? b2 : b, ',') && is_cap(q, b - 1) &&
		    !(K(a).bits & (L_DET | L_NOTNAME)) && (b2 < 0 || b2 < e - 1)) {
			*sa = a;
			*sb = b;
			return 1;
		}
	}
	if (is_punct(q, e - 1, ',')) {
		for (int p = e - 2; p > lo && p > e - 30; p--) {
			if (T(p).kind == AF_TOK_QUOTE_OPEN || T(p).kind == AF_TOK_QUOTE_CLOSE || T(p).kind == AF_TOK_QUOTE ||
			    K(p).q >= 0)
				return 0;
			if (is_punct(q, p, ',')) {
				int s2;
				if (qt_np_back(q, p, lo, &s2)) {
					*sa = s2;
					*sb = p;
					return 1;
				}
				return 0;
			}
		}
		return 0;
	}
	if (qt_np_back(q, e, lo, sa)) {
		*sb = e;
		int p = *sa - 2, s2;
		if (p > lo && tok_is(q, *sa - 1, "by") && is_lower(q, p) && K(p).klen > 3 &&
		    !memcmp(q->keys.p + K(p).koff + K(p).klen - 2, "ed", 2) && qt_np_back(q, p, lo, &s2) && !(K(s2).bits & L_PRON)) {
			/* "A letter from the American Legion obtained by The Associated Press warns":
			 * the noun phrase the participle phrase qualifies */
			*sa = s2;
			*sb = p;
			return 1;
		}
		if ((K(e - 1).bits & L_TIME) && is_lower(q, e - 1)) /* the time phrase np_back passed over */
			while (*sb - 1 > *sa && !is_cap(q, *sb - 1) && !(K(*sb - 1).bits & (L_PRON | L_SPKN)))
				(*sb)--;
		return 1;
	}
	return 0;
}

/* A speaker starting at token b, before hi: a pronoun, a name, or "the report". 1 and *se. */
/* A person the entity layer named inside the run of capitalised words from token b (not at
 * its start: a place comes first): its tokens [*pa, *pe). */
static int person_in_caps(const struct af_quoter *q, int b, int hi, int *pa, int *pe)
{
	int e = b;
	while (e < hi && e < b + 8 && is_cap(q, e))
		e++;
	for (size_t i = 0; i < q->nmen; i++) {
		const struct mention *me = &q->men[i];
		if (me->t0 <= b || me->t0 >= e || strcmp(me->type, "PERSON"))
			continue;
		int t = me->t0;
		while (t < e && T(t).cend <= me->c1)
			t++;
		if (t == me->t0 || T(t - 1).cend != me->c1)
			continue;
		*pa = me->t0;
		*pe = t;
		return 1;
	}
	return 0;
}

int qt_np_fwd(const struct af_quoter *q, int b, int hi, int *sa, int *se)
{
	if (b >= hi || !is_word(q, b))
		return 0;
	if (K(b).bits & L_PRON) {
		*sa = b;
		*se = b + 1;
		return 1;
	}
	int j = b;
	if (tok_is(q, b, "the") && is_cap(q, b + 1))
		j++;
	/* a capitalised determiner before a lower-case word opens a noun phrase, not a name:
	 * "The idea of ...", "His campaign" */
	if (is_cap(q, j) && !((K(j).bits & L_DET) && is_lower(q, j + 1))) {
		int k = j + 1;
		while (k < hi) {
			if (is_cap(q, k) || (T(k).flags & AF_TF_INITIAL))
				k++;
			else if ((K(k).bits & L_PART) && is_cap(q, k + 1) && k + 1 < hi && !tok_is(q, k, "and"))
				k += 2;
			else
				break;
		}
		/* "WFP Representative in Iran Negar Gerami": the person named after the place */
		int pa, pe;
		if ((tok_is(q, k, "in") || tok_is(q, k, "to") || tok_is(q, k, "at")) && person_in_caps(q, k + 1, hi, &pa, &pe)) {
			*sa = pa;
			*se = pe;
			return 1;
		}
		*sa = b;
		*se = k;
		return 1;
	}
	if ((K(b).bits & L_DET) || (is_lower(q, b) && !(K(b).bits & (L_ANYCUE | L_SKIP)))) {
		int k = b + 1, lastn = -1;
		for (; k < hi && k < b + 7; k++) {
			if (is_cap(q, k)) {
				/* "campaign manager Kellyanne Conway": the name */
				int s2, e2;
				if (qt_np_fwd(q, k, hi, &s2, &e2)) {
					*sa = s2;
					*se = e2;
					return 1;
				}
			}
			if ((K(k).bits & L_PART) && !tok_is(q, k, "and") && k + 1 < hi && is_word(q, k + 1) &&
			    !(K(k + 1).bits & (L_ANYCUE | L_SKIP)) && !is_prep(q, b) && !(K(b).bits & L_NOTNAME))
				continue; /* "one of two witnesses", "master of ceremonies X" */
			if (T(k).kind == AF_TOK_NUMBER && (T(k).flags & AF_TF_HYPHEN)) {
				lastn = k; /* "the 46-year-old" */
				continue;
			}
			if (is_word(q, k) && (T(k).flags & AF_TF_CAP) && (K(k).bits & L_NOTNAME) && !(K(k).bits & L_PRON) &&
			    is_lower(q, k + 1))
				continue; /* "a Wednesday editorial" */
			if (!is_lower(q, k) || (K(k).bits & (L_ANYCUE | L_PART | L_SKIP)) || tok_is(q, k, "that") ||
			    tok_is(q, k, "who"))
				break;
			lastn = k;
		}
		if (lastn < 0 && (K(b).bits & L_DET) && (k >= hi || T(k).kind == AF_TOK_PUNCT) && !tok_is(q, b, "the") &&
		    !tok_is(q, b, "a") && !tok_is(q, b, "an") && !tok_is(q, b, "this") && !tok_is(q, b, "no")) {
			/* a determiner standing alone: ""...," read one.", "tweeted another" */
			*sa = b;
			*se = b + 1;
			return 1;
		}
		if (lastn < 0 && !(K(b).bits & L_SPKN))
			return 0;
		*sa = b;
		*se = lastn < 0 ? b + 1 : lastn + 1;
		return 1;
	}
	return 0;
}

/* the sentence from s0 opens with an adverbial ("As recently as ..., ", "In a statement, ") */
int qt_opens_adverbial(const struct af_quoter *q, int s0, int hi)
{
	int i = s0;
	while (i < hi && T(i).kind == AF_TOK_PUNCT)
		i++;
	return i < hi && is_prep(q, i);
}

/* A dateline opening the sentence ("WASHINGTON, Dec. 8 (UPI) — ...", "Washington (AFP) –"):
 * the token after its dash, else s0. */
static int skip_dateline(const struct af_quoter *q, int s0, int hi)
{
	int sep = 0;
	for (int j = s0; j < hi && j < s0 + 14; j++) {
		if (is_dash(q, j))
			return sep && j > s0 ? j + 1 : s0;
		if (is_punct(q, j, '(') || (is_punct(q, j, ',') && j > s0 && (T(s0).flags & AF_TF_ALLCAPS) && T(s0).end - T(s0).start > 1))
			sep = 1; /* an agency in brackets, or a place in capitals */
		else if (!(T(j).kind == AF_TOK_PUNCT || T(j).kind == AF_TOK_NUMBER || (T(j).flags & AF_TF_CAP)) || K(j).q >= 0)
			return s0;
	}
	return s0;
}

/* a capitalised adverb in -ly before an opener or a participle: "Shortly after ...",
 * "Hastily politicizing ..." */
static int cap_adverb(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (T(i).flags & AF_TF_CAP) && K(i).klen >= 6 &&
	       !memcmp(q->keys.p + K(i).koff + K(i).klen - 2, "ly", 2) && !(K(i).bits & L_SPKN) &&
	       (is_prep(q, i + 1) || (is_ing(q, i + 1) && is_lower(q, i + 1)));
}

int qt_subject_of(const struct af_quoter *q, int s0, int hi, int *sa, int *sb)
{
	int i = skip_dateline(q, s0, hi);
	while (i < hi && T(i).kind == AF_TOK_PUNCT)
		i++;
	if (i + 1 < hi && cap_adverb(q, i))
		i++;
	/* an opening participle clause is no subject: "Appearing before supporters, Suu Kyi
	 * said", "Holding signs ..., the protesters chanted" */
	int part = i + 1 < hi && (T(i).flags & AF_TF_CAP) && is_ing(q, i) && is_lower(q, i + 1) && !(K(i + 1).bits & L_ANYCUE);
	if (i < hi && (is_prep(q, i) || part))
		for (int c = i + 1; c < hi && c < i + 24; c++) {
			if (K(c).q >= 0)
				break;
			if (is_punct(q, c, ',')) {
				i = c + 1;
				break;
			}
		}
	while (i < hi && ((K(i).bits & L_NOTNAME) || T(i).kind == AF_TOK_PUNCT) && !(K(i).bits & L_PRON))
		i++;
	/* the first noun phrase that a verb follows: "Speaking in Salem, New Hampshire, Trump
	 * went after Bush" -> Trump */
	for (int j = i, n = 0; j < hi && n < 4; n++) {
		int a, b;
		if (!qt_np_fwd(q, j, hi, &a, &b) || b <= j)
			break;
		if (b < hi && is_lower(q, b) && !(K(b).bits & (L_PART | L_NOTNAME | L_DET)) &&
		    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET)) || tok_is(q, a, "the"))) {
			*sa = a;
			*sb = b;
			return 1;
		}
		j = b;
		while (j < hi && is_lower(q, j) && (K(j).bits & (L_NOTNAME | L_SKIP | L_TIME)))
			j++; /* "A few days later, Trump reversed himself" */
		if (!(j < hi && is_punct(q, j, ',')))
			break;
		j++;
	}
	return qt_np_fwd(q, i, hi, sa, sb);
}

/* The subject of a verb coordinated by "and" at ai ("he laughed and said", "Eight years ago,
 * he supported Obama and said", "when he brought up ... and later said"): the noun phrase
 * that opens the clause holding the first verb. */
int qt_and_subject(const struct af_quoter *q, int lo, int ai, int *sa, int *sb)
{
	int p = ai - 1;
	if (p > lo && is_punct(q, p, ','))
		p--; /* "X cast the blame on ..., and emphasized" */
	while (p >= lo && p > ai - 30 && K(p).q < 0 && !is_punct(q, p, ',') && !is_punct(q, p, ';') && !is_dash(q, p) &&
	       !(is_lower(q, p) && (K(p).bits & L_SUB)) && !tok_is(q, p, "and") && !tok_is(q, p, "but"))
		p--;
	if (p <= ai - 30 || (p >= lo && (K(p).q >= 0 || tok_is(q, p, "and") || tok_is(q, p, "but"))))
		return 0;
	int c = p + 1, a, b;
	while (c < ai && T(c).kind == AF_TOK_PUNCT)
		c++;
	if (qt_np_fwd(q, c, ai, &a, &b) && a == c && b < ai && is_lower(q, b) &&
	    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET)) || tok_is(q, a, "the")) &&
	    !(K(b).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, b, "that") && !is_prep(q, b)) {
		*sa = a;
		*sb = b;
		return 1;
	}
	return 0;
}

/* A cue in an opening participle or prepositional clause ("Citing "obligations," the
 * spokeswoman told ...", "Holding signs calling Christie "...", the protesters chanted", "In
 * declaring ..., the pope demonstrated"): the main clause's subject, after the clause's comma. */
int qt_opener_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb)
{
	int i = s0, s1 = sent_end(q, s0);
	while (i < ci && (T(i).kind == AF_TOK_PUNCT || ((K(i).bits & L_LINK) && is_word(q, i + 1)) || cap_adverb(q, i)))
		i++; /* "And in explaining ...", "Hastily politicizing ..." */
	if (i > ci || ci - i > 20 || !(is_prep(q, i) || is_ing(q, i) || tok_is(q, i, "led")) || (K(i).bits & L_PRON))
		return 0;
	/* "As they contemplate ...", "While Will acknowledges ...": a clause with its own subject;
	 * "Asked by Thrush if ...": the agent asks */
	if (((K(i).bits & L_SUB) && !is_ing(q, i + 1)) || tok_is(q, ci + 1, "by"))
		return 0;
	for (int k = i; k < ci; k++)
		if (is_punct(q, k, ',') || K(k).used)
			return 0;
	for (int c = ci + 1; c < s1 && c < ci + 30; c++) {
		if (!is_punct(q, c, ','))
			continue;
		int b = c + 1;
		while (b < s1 && (T(b).kind == AF_TOK_QUOTE_CLOSE || (T(b).kind == AF_TOK_QUOTE && K(b).q == K(c).q && K(c).q >= 0)))
			b++;
		if (is_lower(q, b) && is_punct(q, b + 1, ',') && (K(b).bits & (L_NOTNAME | L_SKIP)))
			b += 2; /* "Acknowledging that ..., though, Allen did suggest" */
		int a, e;
		if (qt_np_fwd(q, b, s1, &a, &e) && a == b && e < s1 &&
		    (is_cap(q, a) || (K(a).bits & (L_DET | L_PRON)) || tok_is(q, a, "the")) &&
		    is_lower(q, e) && !(K(e).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, e, "that") && !tok_is(q, e, "who")) {
			*sa = a;
			*sb = e;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* The speaker of a participle cue at ci ("X said, adding ...", "X lobbied for it, saying ..."):
 * the speaker of the nearest finite cue before it in the sentence, else the subject. */
int qt_ing_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb)
{
	if (qt_opener_subject(q, s0, ci, sa, sb))
		return 1;
	if (ci - 1 >= s0 && is_cap(q, ci - 1) && qt_np_back(q, ci, s0, sa) && *sa > s0) {
		/* "quoted spokesman Abdullah Qarluq claiming that ...": the name before it */
		*sb = ci;
		return 1;
	}
	{
		/* an absolute clause: "..., the mayor calling it ...", "with Trump calling for ..." */
		int a, c = ci;
		while (c - 1 > s0 && (K(c - 1).bits & L_SKIP) && is_lower(q, c - 1))
			c--; /* "with Trump reportedly yelling" */
		if (c - 1 > s0 && qt_np_back(q, c, s0, &a) && a > s0 && a < c &&
		    (is_punct(q, a - 1, ',') || is_dash(q, a - 1) || tok_is(q, a - 1, "with")) &&
		    ((K(a).bits & L_DET) || tok_is(q, a, "the") || is_cap(q, a)) && !(K(a).bits & L_PRON)) {
			*sa = a;
			*sb = c;
			return 1;
		}
	}
	for (int i = ci - 1; i >= s0 && i > ci - 40; i--) {
		int l;
		if (K(i).q >= 0 || !(cue_at(q, i, &l) & (L_CUE | L_LISTEN)) || is_ing(q, i) || i + l > ci)
			continue;
		int j = i, t = s0;
		while (t < i && (T(t).kind == AF_TOK_PUNCT || ((K(t).bits & L_LINK) && is_word(q, t + 1))))
			t++;
		if ((K(t).bits & L_SUB) && t < i) {
			/* "As Blumenthal spoke, the NRA was going into overdrive, whipping ...": the
			 * cue is in an opening subordinate clause; the main clause's subject */
			int c = i + l;
			while (c < ci && !is_punct(q, c, ','))
				c++;
			int a, b;
			if (c < ci - 1 && qt_np_fwd(q, c + 1, ci, &a, &b) && a == c + 1 && b < ci && is_lower(q, b) &&
			    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET))) && !(K(b).bits & (L_PART | L_DET | L_PRON))) {
				*sa = a;
				*sb = b;
				return 1;
			}
		}
		while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
			j--;
		if (qt_np_back_appos(q, j, s0, sa, sb))
			return 1;
		/* "..., said Smith, adding": the inverted subject (but "Warren endorsed Clinton,
		 * saying": the object) */
		if ((j == s0 || T(j - 1).kind != AF_TOK_WORD) && qt_np_fwd(q, i + l, ci, sa, sb) && is_word(q, *sa) &&
		    (K(*sa).bits & L_PRON || is_cap(q, *sa)))
			return 1;
		break;
	}
	/* "..., when Sanders protesters interrupted her speech, shouting ...": the subject of the
	 * subordinate clause the participle hangs on */
	for (int p = ci - 2; p > s0 && p > ci - 25; p--) {
		if (K(p).q >= 0)
			break;
		if (!(is_lower(q, p) && (K(p).bits & L_SUB)))
			continue;
		int a, b, commas = 0;
		for (int k = p + 1; k < ci - 1; k++)
			commas += is_punct(q, k, ',');
		if (!commas && is_punct(q, ci - 1, ',') && qt_np_fwd(q, p + 1, ci, &a, &b) && a == p + 1 && b < ci &&
		    is_lower(q, b) && (is_cap(q, a) || (K(a).bits & (L_DET | L_PRON))) &&
		    !(K(b).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, b, "that") && !is_prep(q, b)) {
			*sa = a;
			*sb = b;
			return 1;
		}
		break;
	}
	return qt_subject_of(q, s0, ci, sa, sb);
}
