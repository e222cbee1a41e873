/*
 * t2's blocks of a grid read from html2text's ruled rows (h2tbox.h):
 * where a block's labels are cut to their first characters (`|规�|`,
 * `|行�|`) and its data rows are given, in order, the rows of one
 * template's block in one way only, each beginning as its label does,
 * they get the template's labels; the header's titles likewise.  A
 * block that left a row out keeps its labels when `规` may be 规章 or
 * 规范性文件.  The caption's item is read past a cut (第二十条第（八|).
 */
#ifndef GIP_H2TBLOCK_H
#define GIP_H2TBLOCK_H

struct grid;
void	h2tblock_labels(struct grid *g);

#endif
