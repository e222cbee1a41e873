#!/usr/bin/env python3
"""Render a report's truth as an HTML page with the official table merges.

usage: html-render.py [--word] [-o OUT] TRUTH.tsv [REPORT.txt]

TRUTH.tsv is a gipgen (or corpus/truth) truth file: table, row, col, value.
The page holds the title, the six section headings and the three tables
laid out as government sites publish them: t2 in blocks under caption rows
spanning 4 columns (a block with fewer value columns ends in a colspan
header and value), t3 with the note cell colspan=3 rowspan=3, 申请人情况
colspan=7, 自然人/总计 rowspan=2, 法人或其他组织 colspan=5, 三、本年度办理结果
rowspan over its rows, the groups (三)(四)(五)(六) rowspan over theirs, single
rows colspan=2 or 3, and t4 with 行政复议 colspan=5, 行政诉讼 colspan=10 and
its first five headers rowspan=2.  Rows missing from the truth are left
out and the spans shrink.  With REPORT.txt the prose of sections 一, 五
and 六 (and the front matter) is copied from it, paragraph per line.
--word writes cells as Word does (a <p class=MsoNormal> with spans and
<o:p>) and ends each table with Word's misaligned-columns row.
Python 3 standard library only.
"""
import argparse
import html
import re
import sys

T2 = {
    '2019': [
        ('20.1', '第二十条第（一）项',
         ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
         ['made', 'published', 'total'],
         [('20.1.rules', '规章'), ('20.1.normative', '规范性文件')]),
        ('20.5', '第二十条第（五）项',
         ['上一年项目数量', '本年增/减', '处理决定数量'],
         ['prev', 'delta', 'decisions'],
         [('20.5.license', '行政许可'), ('20.5.other', '其他对外管理服务事项')]),
        ('20.6', '第二十条第（六）项',
         ['上一年项目数量', '本年增/减', '处理决定数量'],
         ['prev', 'delta', 'decisions'],
         [('20.6.penalty', '行政处罚'), ('20.6.enforce', '行政强制')]),
        ('20.8', '第二十条第（八）项', ['上一年项目数量', '本年增/减'],
         ['prev', 'delta'], [('20.8.fee', '行政事业性收费')]),
        ('20.9', '第二十条第（九）项',
         ['采购项目数量', '采购总金额（单位：万元）'], ['count', 'amount'],
         [('20.9.procure', '政府集中采购')]),
    ],
    '2021': [
        ('20.1', '第二十条第（一）项',
         ['本年制发件数', '本年废止件数', '现行有效件数'],
         ['issued', 'repealed', 'valid'],
         [('20.1.rules', '规章'), ('20.1.normative', '行政规范性文件')]),
        ('20.5', '第二十条第（五）项', ['本年处理决定数量'], ['decisions'],
         [('20.5.license', '行政许可')]),
        ('20.6', '第二十条第（六）项', ['本年处理决定数量'], ['decisions'],
         [('20.6.penalty', '行政处罚'), ('20.6.enforce', '行政强制')]),
        ('20.8', '第二十条第（八）项', ['本年收费金额（单位：万元）'], ['amount'],
         [('20.8.fee', '行政事业性收费')]),
    ],
}

T3COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other',
          'total']

# (row, label, group): group None for a row of its own, else the key of
# the merged group label it sits under.
T3 = [
    ('1', '一、本年新收政府信息公开申请数量', None),
    ('2', '二、上年结转政府信息公开申请数量', None),
    ('3.1', '（一）予以公开', '3'),
    ('3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3'),
    ('3.3.1', '1.属于国家秘密', '3.3'),
    ('3.3.2', '2.其他法律行政法规禁止公开', '3.3'),
    ('3.3.3', '3.危及“三安全一稳定”', '3.3'),
    ('3.3.4', '4.保护第三方合法权益', '3.3'),
    ('3.3.5', '5.属于三类内部事务信息', '3.3'),
    ('3.3.6', '6.属于四类过程性信息', '3.3'),
    ('3.3.7', '7.属于行政执法案卷', '3.3'),
    ('3.3.8', '8.属于行政查询事项', '3.3'),
    ('3.4.1', '1.本机关不掌握相关政府信息', '3.4'),
    ('3.4.2', '2.没有现成信息需要另行制作', '3.4'),
    ('3.4.3', '3.补正后申请内容仍不明确', '3.4'),
    ('3.5.1', '1.信访举报投诉类申请', '3.5'),
    ('3.5.2', '2.重复申请', '3.5'),
    ('3.5.3', '3.要求提供公开出版物', '3.5'),
    ('3.5.4', '4.无正当理由大量反复申请', '3.5'),
    ('3.5.5', '5.要求行政机关确认或重新出具已获取信息', '3.5'),
    ('3.6', '（六）其他处理', '3'),
    ('3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
     '3.6'),
    ('3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
     '3.6'),
    ('3.6.3', '3.其他', '3.6'),
    ('3.7', '（七）总计', '3'),
    ('4', '四、结转下年度继续办理', None),
]

GROUPS = {'3.3': '（三）不予公开', '3.4': '（四）无法提供',
          '3.5': '（五）不予处理', '3.6': '（六）其他处理'}

T4ROWS = ['review', 'suit.direct', 'suit.after']
T4COLS = ['upheld', 'corrected', 'other', 'pending', 'total']
T4HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

HEADS = ['一、总体情况', '二、主动公开政府信息情况',
         '三、收到和处理政府信息公开申请情况',
         '四、政府信息公开行政复议、行政诉讼情况',
         '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
HEAD_KEYS = ['总体情况', '主动公开', '收到和处理', '行政复议', '存在的主要问题',
             '其他需要报告']
HEAD_RE = re.compile(r'^\s*(?:\*\*)?\s*[一二三四五六1-6][、.．]')


class Page:
    def __init__(self, word):
        self.word = word
        self.out = []

    def cell(self, text, colspan=1, rowspan=1):
        attrs = ''
        if colspan > 1:
            attrs += ' colspan="%d"' % colspan
        if rowspan > 1:
            attrs += ' rowspan="%d"' % rowspan
        body = html.escape(text) if text != '' else '&nbsp;'
        if self.word:
            body = ('<p class=MsoNormal align=center><span lang=EN-US '
                    "style='font-size:10.0pt'>%s<o:p></o:p></span></p>"
                    % (html.escape(text) if text != ''
                       else '<o:p>&nbsp;</o:p>'))
        return '<td%s>%s</td>' % (attrs, body)

    def table(self, rows, width):
        cls = ' class=MsoNormalTable' if self.word else ''
        self.out.append('<table%s border="1" cellspacing="0">' % cls)
        for r in rows:
            self.out.append('<tr>' + ''.join(r) + '</tr>')
        if self.word:
            self.out.append('<![if !supportMisalignedColumns]>')
            self.out.append('<tr height=0>' + "<td style='border:none'>"
                            '</td>' * width + '</tr>')
            self.out.append('<![endif]>')
        self.out.append('</table>')

    def para(self, text, tag='p'):
        self.out.append('<%s>%s</%s>' % (tag, html.escape(text), tag))


def read_truth(path):
    t = {'meta': {}, 't2': {}, 't3': {}, 't4': {}}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                continue
            tab, row, col, val = line.split('\t')
            if tab == 'meta':
                t['meta'][row] = val
            else:
                t[tab].setdefault(row, {})[col] = val
    return t


def template(t):
    tm = t['meta'].get('template')
    if tm in T2:
        return tm
    return '2021' if '3.6.1' in t['t3'] else '2019'


def t2_rows(p, t, tm):
    rows = []
    for key, caption, heads, cols, items in T2[tm]:
        if not any(r in t['t2'] for r, _ in items):
            continue
        rows.append([p.cell(caption, colspan=4)])
        last = 4 - len(heads)
        rows.append([p.cell('信息内容')] + [
            p.cell(h, colspan=last if i == len(heads) - 1 else 1)
            for i, h in enumerate(heads)])
        for r, label in items:
            vals = t['t2'].get(r, {})
            rows.append([p.cell(label)] + [
                p.cell(vals.get(c, ''),
                       colspan=last if i == len(cols) - 1 else 1)
                for i, c in enumerate(cols)])
    return rows


def t3_rows(p, t):
    present = [(r, label, g) for r, label, g in T3 if r in t['t3']]
    count = {}
    for r, _, g in present:
        if g:
            count[g] = count.get(g, 0) + 1
            if g != '3':
                count['3'] = count.get('3', 0) + 1
    rows = [
        [p.cell('（本列数据的勾稽关系为：第一项加第二项之和，'
                '等于第三项加第四项之和）', colspan=3, rowspan=3),
         p.cell('申请人情况', colspan=7)],
        [p.cell('自然人', rowspan=2), p.cell('法人或其他组织', colspan=5),
         p.cell('总计', rowspan=2)],
        [p.cell(h) for h in ('商业企业', '科研机构', '社会公益组织',
                             '法律服务机构', '其他')],
    ]
    seen = set()
    for r, label, g in present:
        cells = []
        if g and '3' not in seen:
            seen.add('3')
            cells.append(p.cell('三、本年度办理结果', rowspan=count['3']))
        if g is None:
            cells.append(p.cell(label, colspan=3))
        elif g == '3':
            cells.append(p.cell(label, colspan=2))
        else:
            if g not in seen:
                seen.add(g)
                cells.append(p.cell(GROUPS[g], rowspan=count[g]))
            cells.append(p.cell(label))
        vals = t['t3'][r]
        cells += [p.cell(vals.get(c, '')) for c in T3COLS]
        rows.append(cells)
    return rows


def t4_rows(p, t):
    rows = [
        [p.cell('行政复议', colspan=5), p.cell('行政诉讼', colspan=10)],
        [p.cell(h, rowspan=2) for h in T4HEAD] +
        [p.cell('未经复议直接起诉', colspan=5), p.cell('复议后起诉', colspan=5)],
        [p.cell(h) for h in T4HEAD * 2],
        [p.cell(t['t4'].get(r, {}).get(c, '')) for r in T4ROWS
         for c in T4COLS],
    ]
    return rows


def prose(path):
    """Paragraphs of the report text by section: 0 front, 1..6."""
    secs = {i: [] for i in range(7)}
    cur = 0
    with open(path, encoding='utf-8', errors='replace', newline='') as f:
        text = f.read().replace('\r\n', '\n').replace('\r', '\n')
    for line in text.split('\n'):
        s = line.replace('\f', '').strip(' \t\u3000\u00a0')
        if not s:
            continue
        flat = re.sub(r'\s+', '', s)
        if HEAD_RE.match(s) and '\t' not in line and '|' not in s:
            for i, k in enumerate(HEAD_KEYS):
                if k in flat and len(flat) < 40 and i + 1 > cur:
                    cur = i + 1
                    break
            else:
                secs[cur].append(s)
            continue
        secs[cur].append(s)
    return secs


def render(t, txt, word):
    p = Page(word)
    tm = template(t)
    title = t['meta'].get('title', '政府信息公开工作年度报告')
    secs = prose(txt) if txt else {i: [] for i in range(7)}
    p.out.append('<!DOCTYPE html>')
    p.out.append('<html><head><meta charset="utf-8"><title>%s</title>'
                 '</head><body>' % html.escape(title))
    p.para(title, 'h1')
    for s in secs[0][1:] if txt else []:
        p.para(s)
    for i, head in enumerate(HEADS, 1):
        p.para(head, 'h2')
        if i in (1, 5, 6):
            for s in secs[i]:
                p.para(s)
        elif i == 2:
            p.table(t2_rows(p, t, tm), 4)
        elif i == 3:
            p.table(t3_rows(p, t), 10)
        else:
            p.table(t4_rows(p, t), 15)
    if not txt:
        for k in ('org', 'date'):
            if k in t['meta']:
                p.para(t['meta'][k])
    p.out.append('</body></html>')
    return '\n'.join(p.out) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--word', action='store_true')
    ap.add_argument('-o', '--out')
    ap.add_argument('truth')
    ap.add_argument('text', nargs='?')
    a = ap.parse_args()
    page = render(read_truth(a.truth), a.text, a.word)
    if a.out:
        with open(a.out, 'w', encoding='utf-8') as f:
            f.write(page)
    else:
        sys.stdout.write(page)
    return 0


if __name__ == '__main__':
    sys.exit(main())
