/* Where each standard table is in a report (find.h). */
#include <string.h>

#include "find.h"
#include "input.h"
#include "sections.h"
#include "text.h"
#include "tmpl.h"
#include "utf8.h"

/* The words a table begins with, as the template prints them. */
struct anchor_words {
	const struct tmpl_table *t2, *t3, *t4;
	const char	*row1;		/* row 1's key word: 本年新收 */
};

static struct anchor_words
anchor_words(void)
{
	struct anchor_words w;

	w.t2 = tmpl_table("t2");
	w.t3 = tmpl_table("t3");
	w.t4 = tmpl_table("t4");
	w.row1 = tmpl_find("t3", "1", TPL_BOTH)->words[0];
	return w;
}

/*
 * May s[0..n) hold word: does it hold word's first character, if that
 * is Han (led by E4..E9; any other: 1)?  The
 * TEXT_LABEL form of valid UTF-8 keeps such a character as it is (it
 * only drops, and folds into ASCII), so a line whose form holds word
 * holds it too: most lines are passed over without normalising.
 */
static int
has_first_char(const char *s, size_t n, const char *word)
{
	char c[4];

	if ((unsigned char)word[0] < 0xe4 || (unsigned char)word[0] > 0xe9)
		return 1;	/* not Han: it may come of folding */
	memcpy(c, word, 3);
	c[3] = '\0';
	return utf8_find(s, n, c) != NULL;
}

/* Is this line where table `which` begins (its caption or header)? */
static int
is_anchor(int which, const struct anchor_words *w, const char *s, size_t n)
{
	char key[512];

	if (n > 1500)
		return 0;
	if (n > sizeof key - 1)
		n = sizeof key - 1;
	if (which == 2 ? !has_first_char(s, n, w->t2->caption) &&
	    !has_first_char(s, n, w->t2->corner) : which == 3 ?
	    !has_first_char(s, n, w->t3->identity) &&
	    !has_first_char(s, n, w->t3->header) &&
	    !has_first_char(s, n, w->row1) :
	    !has_first_char(s, n, w->t4->caption))
		return 0;
	text_norm(key, s, n, TEXT_LABEL);
	switch (which) {
	case 2:
		/* The caption's first three characters (第二十) alone: it
		 * may wrap after them. */
		return memmem(key, strlen(key), w->t2->caption, 9) != NULL ||
		    strstr(key, w->t2->corner);
	case 3:
		return strstr(key, w->t3->identity) ||
		    strstr(key, w->t3->header) ||
		    (strstr(key, w->row1) && strlen(key) < 150);
	default:
		return strstr(key, w->t4->caption) && strlen(key) <= 60;
	}
}

/* Move r.from to table `which`'s first line; 0 if there is none. */
static int
narrow_to_anchor(const char *text, struct region *r, int which)
{
	struct anchor_words w = anchor_words();
	size_t pos = r->from, at;
	const char *s;
	size_t n;
	long line = r->line;

	while (at = pos, gip_next_line(text, r->to, &pos, &s, &n)) {
		if (is_anchor(which, &w, s, n)) {
			r->from = at;
			r->line = line;
			return 1;
		}
		line++;
	}
	return 0;
}

static long
line_at(const char *text, size_t off)
{
	long line = 1;
	const char *p = text, *end = text + off;

	while ((p = memchr(p, '\n', end - p)) != NULL)
		p++, line++;
	return line;
}

/*
 * Where table `which` (2, 3, 4) is: inside its section when the heading
 * was found, else from its caption up to the next section or table.
 */
int
find_table(const char *text, size_t len, const struct gip_section *sec,
    int which, struct region *r)
{
	int k;

	if (sec[which].found) {
		r->from = sec[which].body;
		r->to = sec[which].end;
		r->line = sec[which].first_line + 1;
		narrow_to_anchor(text, r, which);
		return 1;
	}
	r->from = 0;
	for (k = which - 1; k >= 1; k--)
		if (sec[k].found) {
			r->from = sec[k].body;
			break;
		}
	r->to = len;
	for (k = which + 1; k <= 6; k++)
		if (sec[k].found) {
			r->to = sec[k].start;
			break;
		}
	r->line = line_at(text, r->from);
	return narrow_to_anchor(text, r, which);
}
