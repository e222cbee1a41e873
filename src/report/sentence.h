/*
 * Which sentences of report prose a figure pattern (prose.c) may match,
 * read from their raw bytes before any folding: what a sentence holds,
 * as bits, and where the sentences that can hold a figure are.  A
 * sentence ends at ;, ； or 。.
 */
#ifndef GIP_SENTENCE_H
#define GIP_SENTENCE_H

#include <stddef.h>

/*
 * What a sentence's raw bytes must hold for a pattern to match it: a
 * digit (ASCII or full-width), or 未 or 没有 before 发, 出, 收, 受 or
 * 接 (HAS_NO); one character of the pattern's key word (公 of …公开, 申
 * of 申请, 转 of 结转, 议 of 行政复议, 诉 of 行政诉讼); and one of the
 * units a number must be followed by, if any, after a digit (HAS_JIAN
 * ...).  "Before" and "after" skip whatever folding may drop or make a
 * digit or comma: ASCII, white space, full-width forms.
 */
enum {
	HAS_DIGIT = 1, HAS_NO = 2, HAS_GONG = 4, HAS_SHEN = 8, HAS_ZHUAN = 16,
	HAS_YI = 32, HAS_SU = 64, HAS_JIAN = 128, HAS_FEN = 256,
	HAS_ZONG = 512, HAS_GE = 1024, HAS_QI = 2048
};

/* The tables of key characters; once, before the rest. */
void	sentence_init(void);
/* Where the next character from u[i] on that a sentence some pattern
 * may match must hold begins (a unit, 未, 没); len if none. */
size_t	sentence_anchor(const unsigned char *u, size_t i, size_t len);
/* Where the sentence holding u[at] begins: after the last stop in
 * u[lo..at), else lo (the end of a sentence, or the paragraph's start). */
size_t	sentence_start(const unsigned char *u, size_t lo, size_t at);
/* The sentence from u[i]: its HAS_ bits in *has; returns where it ends,
 * after its stop, whose length is *stop (0: it ran to len). */
size_t	sentence_scan(const unsigned char *u, size_t i, size_t len,
	    unsigned *has, size_t *stop);

#endif
