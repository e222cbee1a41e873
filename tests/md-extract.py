#!/usr/bin/env python3
"""md-extract.py: a gipgen HTML page as a PDF-to-Markdown extractor writes it.

    md-extract.py STYLE PAGE.html > PAGE.STYLE.txt
    md-extract.py STYLE PAGE.html...     (each to PAGE.STYLE.txt beside it)

Stands in for MinerU and marker, which read the printed page: the article
from its title on (its <h1>, else the first paragraph naming a 报告: the
site's header and navigation left out), one line
per paragraph or heading, and each table in the extractor's form:

  mineru     <table> elements, every tag on a line of its own and the
             text of a cell on the lines between, spans dropped
  spans      <table> elements, a row to a line, colspan/rowspan kept
  marker     Markdown pipe tables, the first row as header with a |---|
             line; a spanned cell is its text then empty cells
  flat       as marker, but t4's header rows (those before its first row
             with a number) flattened to one line of text, its first row's
             (行政复议行政诉讼), the data row a pipe row without header

Used by tests/markdown.bats with ../shared's generator and score.py.
"""
import html
import html.parser
import re
import sys

BLOCKS = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br',
          'tr', 'table', 'section', 'article', 'center', 'blockquote'}
SKIP = {'head', 'script', 'style', 'title', 'noscript'}


class Page(html.parser.HTMLParser):
    """Paragraphs and tables of a page, in order: ('p', text) and
    ('table', rows of (text, colspan, rowspan)).  A table holding a table
    lays out the page: its cells' paragraphs and tables stand for it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items, self.text, self.skip = [], [], 0
        self.tables = []        # open tables: [rows], a row [cells]
        self.cells = []         # open cells: [items, colspan, rowspan]
        self.started = False    # the article's title seen

    def out(self):
        return self.cells[-1][0] if self.cells else self.items

    def flush(self):
        s = re.sub(r'\s+', ' ', ''.join(self.text)).strip()
        self.text = []
        self.started |= '报告' in re.sub(r'\s', '', s)  # title, no <h1>
        if s and (self.started or self.cells):
            self.out().append(('p', s))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in SKIP:
            self.skip += 1
            return
        if tag in BLOCKS or tag in ('td', 'th'):
            self.flush()
        if tag == 'h1':
            self.started = True
        elif tag == 'table':
            self.tables.append(([], len(self.cells)))
        elif tag == 'tr' and self.tables:
            self.tables[-1][0].append([])
        elif tag in ('td', 'th') and self.tables and self.tables[-1][0]:
            if len(self.cells) > self.tables[-1][1]:
                self.end_cell()         # a cell left open
            self.cells.append([[], int(a.get('colspan') or 1),
                               int(a.get('rowspan') or 1)])

    def end_cell(self):
        self.flush()
        self.tables[-1][0][-1].append(self.cells.pop())

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in BLOCKS:
            self.flush()
        if tag in ('td', 'th') and self.tables and \
                len(self.cells) > self.tables[-1][1]:
            self.end_cell()
        elif tag == 'table' and self.tables:
            while len(self.cells) > self.tables[-1][1]:
                self.end_cell()
            rows = [r for r in self.tables.pop()[0] if r]
            cells = [c for r in rows for c in r]
            if any(k == 'table' for c in cells for k, _ in c[0]):
                for c in cells:
                    self.out().extend(c[0])
            elif rows and (self.started or self.cells):
                self.out().append(('table', [[(''.join(
                    re.sub(r'\s+', '', x) for k, x in c[0] if k == 'p'),
                    c[1], c[2]) for c in r] for r in rows]))

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def grid(rows):
    """Rows of cell texts, spans spread: text first, then empty cells."""
    out, below = [], {}
    for r in rows:
        line, col = [], 0
        for text, cs, rs in r:
            while below.get(col, 0) > 0:
                below[col] -= 1
                line.append('')
                col += 1
            for k in range(cs):
                line.append(text if k == 0 else '')
                if rs > 1:
                    below[col] = rs - 1
                col += 1
        out.append(line)
    return out


def has_number(row):
    return any(re.fullmatch(r'[\d,.]+', t) for t in row if t)


def pipe(row):
    return '| ' + ' | '.join(row) + ' |'


def table_lines(style, rows):
    if style == 'mineru':
        out = ['<table>']
        for r in rows:
            out.append(' <tr>')
            for text, _, _ in r:
                out += ['  <td>', '  ' + html.escape(text), '  </td>']
            out.append(' </tr>')
        return out + ['</table>']
    if style == 'spans':
        out = []
        for r in rows:
            cells = ''
            for text, cs, rs in r:
                attr = (' colspan="%d"' % cs if cs > 1 else '') + \
                    (' rowspan="%d"' % rs if rs > 1 else '')
                cells += '<td%s>%s</td>' % (attr, html.escape(text))
            out.append('<tr>' + cells + '</tr>')
        out[0] = '<table>' + out[0]
        out[-1] += '</table>'
        return out
    g = grid(rows)
    width = max(len(r) for r in g)
    g = [r + [''] * (width - len(r)) for r in g]
    first = next((i for i, r in enumerate(g) if has_number(r)), 0)
    head = ''.join(g[0]) if first else ''
    if style == 'flat' and '行政复议' in head and '行政诉讼' in head:
        return [head] + [pipe(r) for r in g[first:]]
    return [pipe(g[0]), pipe(['---'] * width)] + [pipe(r) for r in g[1:]]


def convert(style, path):
    p = Page()
    with open(path, encoding='utf-8', errors='replace') as f:
        p.feed(f.read())
    p.close()
    p.flush()
    out = []
    for kind, x in p.items:
        if kind == 'p':
            out.append(x)
        else:
            out += [''] + table_lines(style, x) + ['']
    return '\n'.join(out) + '\n'


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in (
            'mineru', 'spans', 'marker', 'flat'):
        sys.exit('usage: md-extract.py mineru|spans|marker|flat PAGE.html...')
    style, pages = sys.argv[1], sys.argv[2:]
    if len(pages) == 1:
        sys.stdout.write(convert(style, pages[0]))
        return
    for path in pages:
        with open(re.sub(r'\.html?$', '', path) + '.' + style + '.txt',
                  'w', encoding='utf-8') as f:
            f.write(convert(style, path))


if __name__ == '__main__':
    main()
