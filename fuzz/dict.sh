#!/bin/sh
# Remake fuzz/labels.dict, the dictionary of the text targets, from the
# template's literals (src/core/tmpl.c): run it when the template changes.
# With an argument, write there instead (tests/fuzz.bats compares).
#
# Usage: fuzz/dict.sh [OUT]
set -eu
if [ $# -gt 0 ]; then
	out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
	out=$(cd "$(dirname "$0")" && pwd)/labels.dict
fi
cd "$(dirname "$0")/.."
OUT=$out python3 - <<'PY'
import os, re
s = open('src/core/tmpl.c', encoding='utf-8').read()
lits = sorted(set(re.findall(r'"((?:[^"\\]|\\.)*)"', s)))
cn = [l for l in lits if re.search(r'[\u4e00-\u9fff]', l) and
      len(l.encode()) <= 48 and '\\' not in l]
extra = ['一、', '二、', '三、', '四、', '五、', '六、', '（一）', '年度报告',
         '政府信息公开', '\t', '|', '\u3000', '万元', '件', '第', '页',
         # the markup of converters' renderings (fuzz/doctext.c):
         # pandoc's grid and pipe tables, attributes and fenced divs,
         # its placeholder, Markdown, HTML tables, html2text's cuts,
         # a print's page break
         '+--', '+==', '|---|', '|:--', '--- ', '::: ', '{.', '{style="',
         ']{', '[TABLE]', '\\\n', '# ', '**', '<table>', '<tr>', '<td>',
         '</td>', '</tr>', '</table>', ' colspan="2"', ' rowspan="2"',
         '<br/>', '&nbsp;', '<html>', '\ufffd', '\f']
out = ["# libFuzzer dictionary of the text targets (fuzz/run.sh -dict): the",
       "# templates' row labels and words (every Chinese literal of",
       "# src/core/tmpl.c up to 48 bytes), section numbering, the layouts'",
       "# separators and the converters' markup (Markdown, pandoc's grid",
       "# tables and attributes, HTML tables).  Remade by fuzz/dict.sh when",
       "# the template changes."]
def esc(x):
    return ''.join(chr(c) if 32 <= c < 127 and c not in (34, 92)
                   else '\\x%02X' % c for c in x.encode())
out += ['"%s"' % esc(l) for l in cn + extra]
open(os.environ['OUT'], 'w').write('\n'.join(out) + '\n')
PY
