#!/usr/bin/env python3
"""Write the PDF fixtures of tests/pdf.bats into a directory.

    make-pdf.py DIR

The PDF is written by hand, text placed at exact positions with the
standard CJK font STSong-Light (not embedded; pdftotext maps it to Unicode
with poppler-data's UniGB-UCS2-H), so the file is a few KiB and the same
bytes every time (the bats file checks that the committed fixtures are
what this script writes):

pdf-positions.pdf   a 2021 report over two pages whose tables hold what
                    real PDFs show: blank cells (invisible without
                    borders), a label wrapped over two lines with its
                    numbers on the middle, t3's group label printed one
                    character per line, t4 header cells spaced (总 计)
                    and stacked (结果/维持), the t3 table split by the page
                    break after 3.4.1 with a page number between, the
                    header repeated on the next page (申请 / 人情况 alone
                    on two lines), the continuation rows without their
                    group label
pdf-positions.tsv   the table cells it holds (table row col value)
pdf-labels.pdf      a t3 table set tight as LibreOffice prints a Word
                    table: group labels 1 point left of the item labels
                    (三、本 （一）予以公开, （五）不 beside the wrapped 物),
                    a marker a word of its own with its label beside and
                    the label's last line below (2. 没有现成… / 制作,
                    numbers on the middle line), a row's numbers on two
                    lines (the natural persons' one line lower); a t4
                    header whose cells run together on each line
                    (结果结果其他尚未总…), blank cells; a label
                    justified in its cell (7. 属 于 行 政 执, each
                    character a word, / 法案卷 below, the
                    numbers between)
pdf-labels.tsv      its t3 and t4 cells
pdf-repeat.pdf      t2's header cells two lines a line and a half apart,
                    信息内容 alone between them (本年制 / 发件数);
                    a t3 table over two pages, its header rows repeated
                    at the top of the second, a row's label cut by the
                    break (3.要求提供公开出版 / 物), row 1's total
                    and its unit wrapped around the row's line (8 /
                    件); a t4 whose titles
                    are centred in cells of unequal width, its numbers
                    at the cells' left edges
pdf-repeat.tsv      its t2, t3 and t4 cells
pdf-valign.pdf      values set at the top of cells taller than a line
                    (Word's valign=top, Chromium's print): t2's 11 a
                    line above its label 规范性文件, the row above it
                    blank there; t3's total row with its natural
                    persons' count a line above, the row above full
                    there; t3's marker spaced as three words ( 一 ) with
                    its label's end below (予以 / 公开), the numbers between
pdf-valign.tsv      its t2 and t3 cells
pdf-tallhead.pdf    a t3 table over two pages, its header rows repeated
                    at the top of the second; a header cell of four
                    lines (申请人 / … / 他组织, one word once joined)
                    centred on the line of 自然 / 人 and 总 / 计, a tenth of
                    a point above that line's first word on one page,
                    below it on the other; row 3.1's commercial count
                    at the top of its cell beside the group label's
                    first line (三、本  1), its label lower
pdf-tallhead.tsv    its t3 cells
pdf-t2span.pdf      t2's 20.1 block as Chromium prints a Word table whose
                    data cells span other columns than its header's:
                    titles centred, the full row's values at the left
                    of wide cells (left of their titles); the other
                    row's first value centred in a cell that spans
                    the gap between the first two titles, over neither;
                    section 三 on a second page
pdf-t2span.tsv      its t2 cells as printed (the first row's values
                    in order: 7, blank, 12)
pdf-stacked.pdf     Chromium's print of narrow title columns: t3's
                    titles one character a line at the pitch of lines
                    of text (科 / 研 / 机 / 构, 0.4 of a line apart),
                    申请人情况 over 法人或其他组织 over 社会 / 公益 /
                    组织 at the same pitch as the titles' lines; t4's
                    titles one character a line (其 / 他 / 结 / 果) below
                    未经复议直接起诉 centred over them; its data row low
                    on the page, three numbers a little higher than
                    the others (0 6 14); row 3.1's total centred
                    between the 其他 and 总计 columns (a cell spanning
                    both, Word's spans)
pdf-stacked.tsv     its t3 and t4 cells
pdf-pitch.pdf       t3's header as Chromium printed it (gipgen seed
                    ptplain-dev2, 000057): 申请人情况 over 法人或其他组织
                    over 社会公 / 益组织, centred one under the other, the
                    first two steps 16.6 points, the titles' lines 14.3;
                    t4's counts with their unit (8个) in narrow
                    columns, two-digit ones wrapped around the row's
                    line (13 above, 个 below, beside 8个); t3's row
                    3.1 likewise (5 / 条), the number beside the group
                    label's first line (三、本年度), the unit beside
                    its last (办理结果)
pdf-pitch.tsv       its t3 and t4 cells
pdf-scanned.pdf     one page with no text on it (a scan without OCR)
pdf-broken.pdf      pdf-positions.pdf cut in half
"""
import os
import sys

W, H = 595, 842
SIZE = 10

T3COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other',
          'total']
VALX = [330, 362, 394, 426, 458, 490, 522]

# t3: row key, group label, item label (wrapped with '|'), values ('' blank)
T3 = [
    ('1', '一、本年新收政府信息公开申请数量', None, ['12', '', '1', '', '', '', '13']),
    ('2', '二、上年结转政府信息公开申请数量', None, ['', '', '', '', '', '', '']),
    ('3.1', '（一）予以公开', None, ['5', '', '', '', '', '', '5']),
    ('3.2', '（二）部分公开（区分处理的，只计这一情|形，不计其他情形）', None,
     ['1', '', '1', '', '', '', '2']),
    ('3.3.1', '（三）不予公开', '1.属于国家秘密', ['', '', '', '', '', '', '']),
    ('3.3.2', None, '2.其他法律行政法规禁止公开', ['1', '', '', '', '', '', '1']),
    ('3.3.3', None, '3.危及“三安全一稳定”', ['', '', '', '', '', '', '']),
    ('3.3.4', None, '4.保护第三方合法权益', ['', '', '', '', '', '', '']),
    ('3.3.5', None, '5.属于三类内部事务信息', ['', '', '', '', '', '', '']),
    ('3.3.6', None, '6.属于四类过程性信息', ['', '', '', '', '', '', '']),
    ('3.3.7', None, '7.属于行政执法案卷', ['', '', '', '', '', '', '']),
    ('3.3.8', None, '8.属于行政查询事项', ['', '', '', '', '', '', '']),
    ('3.4.1', '（四）无法提供', '1.本机关不掌握相关政府信息', ['3', '', '', '', '', '', '3']),
    # page break here
    ('3.4.2', None, '2.没有现成信息需要另行制作', ['', '', '', '', '', '', '']),
    ('3.4.3', None, '3.补正后申请内容仍不明确', ['', '', '', '', '', '', '']),
    ('3.5.1', '（五）不予处理', '1.信访举报投诉类申请', ['', '', '', '', '', '', '']),
    ('3.5.2', None, '2.重复申请', ['1', '', '', '', '', '', '1']),
    ('3.5.3', None, '3.要求提供公开出版物', ['', '', '', '', '', '', '']),
    ('3.5.4', None, '4.无正当理由大量反复申请', ['', '', '', '', '', '', '']),
    ('3.5.5', None, '5.要求行政机关确认或重|新出具已获取信息', ['', '', '', '', '', '', '']),
    ('3.6.1', '（六）其他处理', '1.申请人无正当理由逾期|不补正、行政机关不再处|理其政府信息公开申请',
     ['', '', '', '', '', '', '']),
    ('3.6.2', None, '2.申请人逾期未按收费通|知要求缴纳费用、行政机|关不再处理其政府信息公|开申请',
     ['', '', '', '', '', '', '']),
    ('3.6.3', None, '3.其他', ['', '', '', '', '', '', '']),
    ('3.7', '（七）总计', None, ['10', '', '1', '', '', '', '11']),
    ('4', '四、结转下年度继续办理', None, ['2', '', '', '', '', '', '2']),
]
BREAK_AFTER = '3.4.1'

T4 = ['1', '', '', '', '1', '', '', '', '', '', '', '', '', '', '']
T4ROWS = ['review', 'suit.direct', 'suit.after']
T4COLS = ['upheld', 'corrected', 'other', 'pending', 'total']

T2 = [('20.1.rules', ['issued', 'repealed', 'valid'], ['', '', '2']),
      ('20.1.normative', ['issued', 'repealed', 'valid'], ['3', '1', '17'])]


def utf16(s):
    return '<' + s.encode('utf-16-be').hex().upper() + '>'


class Page:
    def __init__(self):
        self.ops = []

    def text(self, x, top, s, size=SIZE):
        """s with its top-left at (x, top) in top-down page points."""
        y = H - top - size * 0.88
        self.ops.append('BT /F1 %d Tf %.2f %.2f Td %s Tj ET' % (size, x, y, utf16(s)))

    def narrow(self, x, top, s, size=9.8, scale=78.6):
        """s as Chromium prints a 10.5 px font: 9.8 points high, each
        wide character 7.7 wide (horizontal scaling)."""
        y = H - top - size * 0.88
        self.ops.append('BT /F1 %.1f Tf %.1f Tz %.2f %.2f Td %s Tj ET'
                        % (size, scale, x, y, utf16(s)))

    def centred(self, cx, top, s, size=SIZE):
        w = sum(size if ord(c) > 0x2e80 else size / 2 for c in s)
        self.text(cx - w / 2, top, s, size)

    def content(self):
        return '\n'.join(self.ops).encode('ascii')


def label_lines(s, x, top, page, pitch=12):
    for k, part in enumerate(s.split('|')):
        page.text(x, top + k * pitch, part)


def build():
    p1, p2 = Page(), Page()
    p = p1
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 120, '一、总体情况')
    p.text(70, 138, '本年度共收到政府信息公开申请13件。')
    p.text(70, 160, '二、主动公开政府信息情况')
    p.centred(W / 2, 180, '第二十条第（一）项')
    p.text(90, 206, '信息内容')
    p.centred(300, 200, '本年制')
    p.centred(300, 212, '发件数')
    p.centred(390, 206, '本年废止件数')
    p.centred(490, 206, '现行有效件数')
    top = 230
    for key, cols, vals in T2:
        p.text(90, top, '规章' if key.endswith('rules') else '行政规范性文件')
        for cx, v in zip([300, 390, 490], vals):
            if v:
                p.centred(cx, top, v)
        top += 22
    p.text(70, 290, '三、收到和处理政府信息公开申请情况')
    # header
    p.centred(426, 312, '申请人情况')
    p.text(70, 330, '（本列数据的勾稽关系为：第一项加第二项之和，')
    p.text(70, 342, '等于第三项加第四项之和）')
    p.centred(442, 330, '法人或其他组织')
    # one-line header cells centred beside the two-line ones
    p.centred(VALX[0], 356, '自然人')
    for cx, (a, b) in zip(VALX[1:6], [('商业', '企业'), ('科研', '机构'),
                                       ('社会公', '益组织'), ('法律服', '务机构'),
                                       ('其他', None)]):
        if b:
            p.centred(cx, 350, a)
            p.centred(cx, 362, b)
        else:
            p.centred(cx, 356, a)
    p.centred(VALX[6], 356, '总 计')
    top = 384
    group_top = None
    page_no = 1
    for key, label, item, vals in T3:
        if item is None:
            label_lines(label, 70, top, p)
            vtop = top + (6 if '|' in label else 0)
        else:
            if label:
                p.text(100, top, label)
            label_lines(item, 180, top, p)
            vtop = top + 6 * item.count('|')
        if key == '3.3.1':
            group_top = top
        for cx, v in zip(VALX, vals):
            if v:
                p.centred(cx, vtop, v)
        wrapped = (label or '').count('|') + (item or '').count('|')
        top += 20 + 12 * wrapped
        if key == BREAK_AFTER:
            # the group label 三、本年度办理结果, one character a line
            for k, ch in enumerate('三、本年度办理结果'):
                p.text(58, group_top + 10 + k * 10, ch)
            p.centred(W / 2, 800, '- %d -' % page_no)
            p, top, page_no = p2, 78, 2
            # the header repeated, its top cell wrapped alone on its lines
            p.centred(426, 20, '申请')
            p.centred(426, 32, '人情况')
            for cx, head in zip(VALX, ['自然人', '商业企业', '科研机构', '社会公益组织',
                                       '法律服务机构', '其他', '总计']):
                p.centred(cx, 54, head, 6)
    p.text(70, top + 10, '四、政府信息公开行政复议、行政诉讼情况')
    top += 34
    p.centred(150, top, '行政复议')
    p.centred(400, top, '行政诉讼')
    xs = [60 + 32 * k for k in range(15)]
    p.centred((xs[5] + xs[9]) / 2, top + 16, '未经复议直接起诉')
    p.centred((xs[10] + xs[14]) / 2, top + 16, '复议后起诉')
    heads = [('结果', '维持'), ('结果', '纠正'), ('其他', '结果'), ('尚未', '审结'), ('总 计', None)]
    for k, x in enumerate(xs):
        a, b = heads[k % 5]
        if b:
            p.centred(x, top + 34, a)
            p.centred(x, top + 46, b)
        else:
            p.centred(x, top + 40, a)
    for x, v in zip(xs, T4):
        if v:
            p.centred(x, top + 66, v)
    p.text(70, top + 96, '五、存在的主要问题及改进情况')
    p.text(70, top + 114, '无。')
    p.text(70, top + 136, '六、其他需要报告的事项')
    p.text(70, top + 154, '无。')
    p.centred(W / 2, 800, '- 2 -')
    return [p1, p2]


# pdf-labels: key, group label lines (ending 1 point left of the items,
# the first dy below the row's top), item lines (x 102), values; '2'
# prints its first value a line lower, '3.4.2' its marker as a word
# apart, its last line two lines lower and its values between; '3.3.7'
# likewise (a line and a half lower), its first line justified (each
# character a word).
T3L = [
    ('1', None, 0, ['一、本年新收政府信息公开申请数量'], ['7', '1', '', '', '', '', '8']),
    ('2', None, 0, ['二、上年结转政府信息|公开申请数量'], ['2', '1', '0', '0', '0', '0', '3']),
    ('3.1', ['三、本', '年度办', '理结果'], 0, ['（一）予以公开'], ['4', '', '', '', '', '', '4']),
    ('3.2', None, 0, ['（二）部分公开'], ['', '', '', '', '', '', '']),
    ('3.3.1', ['（三）不', '予公开'], 0, ['1.属于国家秘密'], ['', '', '', '', '', '', '']),
    ('3.3.2', None, 0, ['2.其他法律行政法规禁止公开'], ['', '', '', '', '', '', '']),
    ('3.3.3', None, 0, ['3.危及“三安全一稳定”'], ['', '', '', '', '', '', '']),
    ('3.3.4', None, 0, ['4.保护第三方合法权益'], ['', '', '', '', '', '', '']),
    ('3.3.5', None, 0, ['5.属于三类内部事务信息'], ['', '', '', '', '', '', '']),
    ('3.3.6', None, 0, ['6.属于四类过程性信息'], ['', '', '', '', '', '', '']),
    ('3.3.7', None, 0, ['7.属于行政执|法案卷'], ['', '1', '', '', '', '', '1']),
    ('3.3.8', None, 0, ['8.属于行政查询事项'], ['', '', '', '', '', '', '']),
    ('3.4.1', ['（四）无', '法提供'], 0, ['1.本机关不掌握相关政府|信息'], ['1', '', '', '', '', '', '1']),
    ('3.4.2', None, 0, ['2.没有现成信息需要另行|制作'], ['1', '', '', '', '', '', '1']),
    ('3.4.3', None, 0, ['3.补正后申请内容仍不明确'], ['', '', '', '', '', '', '']),
    ('3.5.1', None, 0, ['1.信访举报投诉类申请'], ['', '', '', '', '', '', '']),
    ('3.5.2', None, 0, ['2.重复申请'], ['', '', '', '', '', '', '']),
    ('3.5.3', ['（五）不', '予处理'], 12, ['3.要求提供公开出版|物'], ['2', '', '', '', '', '', '2']),
    ('3.5.4', None, 0, ['4.无正当理由大量反复申请'], ['', '', '', '', '', '', '']),
    ('3.5.5', None, 0, ['5.要求行政机关确认或重新出具已获取信息'], ['', '', '', '', '', '', '']),
    ('3.6.1', ['（六）其', '他处理'], 0, ['1.申请人无正当理由逾期不补正'], ['', '', '', '', '', '', '']),
    ('3.6.2', None, 0, ['2.申请人逾期未按收费通知要求缴纳费用'], ['', '', '', '', '', '', '']),
    ('3.6.3', None, 0, ['3.其他'], ['', '', '', '', '', '', '']),
    ('3.7', None, 0, ['（七）总计'], ['7', '', '', '', '', '', '7']),
    ('4', None, 0, ['四、结转下年度继续办理'], ['2', '1', '', '', '', '', '3']),
]

T4L = ['1', '', '', '1', '2', '', '', '', '', '', '', '', '1', '', '1']


def build_labels():
    p = Page()
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 120, '三、收到和处理政府信息公开申请情况')
    p.centred(426, 140, '申请人情况')
    p.centred(442, 156, '法人或其他组织')
    p.centred(VALX[0], 178, '自然人')
    for cx, (a, b) in zip(VALX[1:6], [('商业', '企业'), ('科研', '机构'),
                                       ('社会公', '益组织'), ('法律服', '务机构'),
                                       ('其他', None)]):
        if b:
            p.centred(cx, 172, a)
            p.centred(cx, 184, b)
        else:
            p.centred(cx, 178, a)
    p.centred(VALX[6], 178, '总计')
    top = 206
    for key, group, dy, item, vals in T3L:
        for k, g in enumerate(group or []):
            p.text(101 - SIZE * len(g), top + dy + 12 * k, g)
        lines = item[0].split('|')
        if key == '3.4.2':
            p.text(102, top, lines[0][:2])
            p.text(115, top, lines[0][2:])
            p.text(102, top + 24, lines[1])
        elif key == '3.3.7':
            # justified: each character of the first line a word apart
            p.text(102, top, lines[0][:2])
            for k, ch in enumerate(lines[0][2:]):
                p.text(116 + 11.2 * k, top, ch)
            p.text(102, top + 19, lines[1])
        else:
            x = 60 if key in ('1', '2', '4') else 102
            for k, part in enumerate(lines):
                p.text(x, top + 12 * k, part)
        vtop = {'3.4.2': top + 12, '3.3.7': top + 9.5}.get(key, top)
        for k, (cx, v) in enumerate(zip(VALX, vals)):
            if v:
                p.centred(cx, vtop + (12 if key == '2' and k == 0 else 0), v)
        top += 20 + (24 if key in ('3.4.2', '3.3.7') else 12 * (len(lines) - 1))
    p2 = Page()
    p2.text(70, 60, '四、政府信息公开行政复议、行政诉讼情况')
    # the header's cells run together on each line, 总 / 计 stacked
    x0 = 70
    p2.centred(x0 + 45, 84, '行政复议')
    p2.centred(x0 + 135, 84, '行政诉讼')
    p2.text(x0, 102, '结果结果其他尚未总' * 3)
    p2.text(x0, 114, '维持纠正结果审结计' * 3)
    for k, v in enumerate(T4L):
        if v:
            g, c = divmod(k, 5)
            p2.centred(x0 + 90 * g + [10, 30, 50, 70, 85][c], 134, v)
    p2.text(70, 160, '五、存在的主要问题及改进情况')
    return [p, p2]


# pdf-repeat: t3 over two pages, its header rows repeated at the top of
# the second, row 3.5.3's label cut by the break (出版 / 物).
REPEAT_BREAK = '3.5.3'
# its t4: the cells' x-ranges (as a LibreOffice PDF of a Word table
# prints them) and the values
T4CELLS = [(59.5, 91), (96, 127.5), (132, 163.5), (168, 199.8), (204, 225),
           (229, 261), (265, 297), (301, 333), (337, 369), (373, 394),
           (398, 430), (434, 466), (471, 502), (507, 538), (543, 564)]
T4R = ['', '0', '', '', '0', '1', '', '', '1', '2', '2', '', '', '', '2']


def t3_header(p, top):
    p.centred(426, top, '申请人情况')
    p.centred(442, top + 16, '法人或其他组织')
    p.centred(VALX[0], top + 38, '自然人')
    for cx, (a, b) in zip(VALX[1:6], [('商业', '企业'), ('科研', '机构'),
                                       ('社会公', '益组织'), ('法律服', '务机构'),
                                       ('其他', None)]):
        if b:
            p.centred(cx, top + 32, a)
            p.centred(cx, top + 44, b)
        else:
            p.centred(cx, top + 38, a)
    p.centred(VALX[6], top + 38, '总计')
    return top + 66


def build_repeat():
    p1, p2 = Page(), Page()
    p = p1
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    # t2's header cells hold paragraphs spaced apart: 本年制 / 发件数 a
    # line and a half apart, 信息内容 alone between them
    p.text(70, 110, '二、主动公开政府信息情况')
    p.centred(W / 2, 128, '第二十条第（一）项')
    p.text(90, 160, '信息内容')
    for cx, (a, b) in zip([300, 390, 490], [('本年制', '发件数'),
                                            ('本年废止', '件数'), ('现行有', '效件数')]):
        p.centred(cx, 146, a)
        p.centred(cx, 174, b)
    for k, (key, _, vals) in enumerate(T2):
        p.text(90, 196 + 20 * k, '规章' if key.endswith('rules') else '行政规范性文件')
        for cx, v in zip([300, 390, 490], vals):
            if v:
                p.centred(cx, 196 + 20 * k, v)
    p.text(70, 250, '三、收到和处理政府信息公开申请情况')
    top = t3_header(p, 270)
    for key, _, _, item, vals in T3L:
        label = item[0].replace('|', '')
        x = 60 if key in ('1', '2', '4') else 102
        # values on the row's first line, label's first part beside them
        p.text(x, top, label[:-1] if key == REPEAT_BREAK else label)
        for k, (cx, v) in enumerate(zip(VALX, vals)):
            if key == '1' and k == 6:
                # a number and its unit wrapped, centred on the row
                p.centred(cx, top - 6, v)
                p.centred(cx, top + 6, '件')
            elif v:
                p.centred(cx, top, v)
        top += 20
        if key == REPEAT_BREAK:
            p.centred(W / 2, 800, '- 1 -')
            p = p2
            top = t3_header(p, 40)
            p.text(x, top, label[-1])
            top += 20
    p.text(70, top + 10, '四、政府信息公开行政复议、行政诉讼情况')
    # t4 as LibreOffice prints a Word table: titles centred in cells of
    # unequal width (review's a row taller), numbers at the cells' left
    p.centred(140, top + 34, '行政复议')
    p.centred(400, top + 34, '行政诉讼')
    p.centred(315, top + 44, '未经复议直接起诉')
    p.centred(480, top + 44, '复议后起诉')
    for k, (x0, x1) in enumerate(T4CELLS):
        head = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'][k % 5]
        p.centred((x0 + x1) / 2, top + (58 if k < 5 else 66), head, 7)
    for (x0, _), v in zip(T4CELLS, T4R):
        if v:
            p.text(x0 - 1, top + 86, v)
    p.text(70, top + 110, '五、存在的主要问题及改进情况')
    return [p1, p2]


# pdf-valign: t2 (20.1) and t3, values at the top of their cells
T2V = [('20.1.rules', ['issued', 'repealed', 'valid'], ['', '', '2']),
       ('20.1.normative', ['issued', 'repealed', 'valid'], ['11', '1', '12'])]
T3V = [('1', '一、本年新收政府信息公开申请数量', ['7', '1', '', '', '', '', '8']),
       ('2', '二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', '']),
       ('3.1', None, ['4', '', '', '', '', '', '4']),
       ('3.2', '（二）部分公开', ['', '', '', '', '', '', '']),
       ('3.6.3', '3.其他', ['3', '1', '', '', '', '', '4']),
       ('3.7', '（七）总计', ['7', '1', '', '', '', '', '8']),
       ('4', '四、结转下年度继续办理', ['', '', '', '', '', '', ''])]


def build_valign():
    p = Page()
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 110, '二、主动公开政府信息情况')
    p.centred(W / 2, 128, '第二十条第（一）项')
    p.text(90, 150, '信息内容')
    for cx, t in zip([300, 390, 490], ['本年制发件数', '本年废止件数',
                                       '现行有效件数']):
        p.centred(cx, 150, t)
    # rows 28 points tall, labels and most values centred: 11 at the
    # top of its cell, 6 points above its label
    for k, (key, _, vals) in enumerate(T2V):
        top = 178 + 28 * k
        p.text(90, top, '规章' if key.endswith('rules') else '规范性文件')
        for j, (cx, v) in enumerate(zip([300, 390, 490], vals)):
            if v:
                p.centred(cx, top - (7 if key.endswith('normative') and
                                     j == 0 else 0), v)
    p.text(70, 250, '三、收到和处理政府信息公开申请情况')
    top = t3_header(p, 270)
    for key, label, vals in T3V:
        lift = [7, 0, 0, 0, 0, 0, 0] if key == '3.7' else [0] * 7
        if label is None:
            # ( 一 ) 予以 / 公开: the marker's brackets and its numeral
            # words of their own, a point and a half apart; the numbers
            # centred between the label's two lines
            for x, t in [(102, '('), (108.5, '一'), (120, ')'),
                         (126.5, '予以')]:
                p.text(x, top, t)
            p.text(102, top + 12, '公开')
            lift = [-6] * 7
        else:
            p.text(60 if key in ('1', '2', '4') else 102, top, label)
        for cx, v, dy in zip(VALX, vals, lift):
            if v:
                p.centred(cx, top - dy, v)
        top += 32 if label is None else 22
    p.text(70, top + 10, '四、政府信息公开行政复议、行政诉讼情况')
    return [p]


# pdf-tallhead: t3 rows, the page break after 3.6.3
T3T = [('1', '一、本年新收政府信息公开申请数量', ['5', '1', '', '', '', '', '6']),
       ('2', '二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', '']),
       ('3.1', '（一）予以公开', ['2', '1', '', '', '', '', '3']),
       ('3.6.3', '3.其他', ['3', '1', '', '', '', '', '4']),
       ('3.7', '（七）总计', ['5', '1', '', '', '', '', '6']),
       ('4', '四、结转下年度继续办理', ['', '', '', '', '', '', ''])]


# pdf-t2span: t2 (20.1), a row whose cells span other columns
T2S = [('20.1.rules', ['issued', 'repealed', 'valid'], ['2', '0', '5']),
       ('20.1.normative', ['issued', 'repealed', 'valid'], ['7', '', '12'])]


def build_t2span():
    p = Page()
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 110, '二、主动公开政府信息情况')
    p.centred(W / 2, 128, '第二十条第（一）项')
    p.text(90, 150, '信息内容')
    for cx, t in zip([300, 390, 490], ['本年制发件数', '本年废止件数',
                                       '现行有效件数']):
        p.centred(cx, 150, t)
    # 规章: each value at the left of its wide cell, left of its title
    p.text(90, 172, '规章')
    for x, v in zip([252, 347, 442], T2S[0][2]):
        p.text(x, 172, v)
    # 规范性文件: 7 centred in a cell across the gap between the first
    # two titles (over neither), its blank cell, 12 under the third
    p.text(90, 194, '规范性文件')
    p.centred(345, 194, '7')
    p.centred(490, 194, '12')
    # the next section on a page of its own: a print of pages
    p2 = Page()
    p2.text(70, 60, '三、收到和处理政府信息公开申请情况')
    return [p, p2]


def tall_header(p, top, lift):
    """t3's header: a cell of four lines centred on the titles' line, the
    first word of that line lift points lower than the cell's centre."""
    for k, t in enumerate(['申请人', '情况', '法人或其', '他组织']):
        p.centred(426, top + 12 * k, t)
    mid = top + (36 + SIZE) / 2 - SIZE / 2
    p.text(60, mid + lift, '（本列数据的勾稽关系为：第一项加第二项之和）')
    for k, (a, b) in enumerate([('自然', '人'), ('总', '计')]):
        p.centred(VALX[6 * k], mid - 6, a)
        p.centred(VALX[6 * k], mid + 6, b)
    for cx, (a, b) in zip(VALX[1:6], [('商业', '企业'), ('科研', '机构'),
                                       ('社会公', '益组织'), ('法律服', '务机构'),
                                       ('其他', None)]):
        p.centred(cx, top + 54, a)
        if b:
            p.centred(cx, top + 66, b)
    return top + 88


def build_tallhead():
    p1, p2 = Page(), Page()
    p = p1
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 110, '三、收到和处理政府信息公开申请情况')
    top = tall_header(p, 130, 0.1)
    for key, label, vals in T3T:
        lift = [0] * 7
        if key == '3.1':
            # the group label and row 3.1's commercial count at the top
            # of their cells, 9 points above the row's label
            for k, g in enumerate(['三、本', '年度办', '理结果']):
                p.text(60, top + 12 * k, g)
            top += 9
            lift = [0, 9, 0, 0, 0, 0, 0]
        p.text(60 if key in ('1', '2', '4') else 102, top, label)
        for cx, v, dy in zip(VALX, vals, lift):
            if v:
                p.centred(cx, top - dy, v)
        top += 31 if key == '3.1' else 22
        if key == '3.6.3':
            p = p2
            top = tall_header(p, 40, -0.1)
    p.text(70, top + 10, '四、政府信息公开行政复议、行政诉讼情况')
    return [p1, p2]


# pdf-stacked: t3 rows under titles one character a line, t4 likewise
T3K = [('1', '一、本年新收政府信息公开申请数量', ['5', '1', '', '', '', '', '6']),
       ('2', '二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', '']),
       ('3.1', '（一）予以公开', ['2', '1', '', '', '', '', '3']),
       ('3.7', '（七）总计', ['5', '1', '', '', '', '', '6']),
       ('4', '四、结转下年度继续办理', ['', '', '', '', '', '', ''])]
# t3's header as Chromium printed it (gipgen seed direct6dev, 000006):
# x, top, word
T3KHEAD = [
    (382.6, 168.8, '申请人情况'), (375.8, 185.9, '法人或其他组织'),
    (148.0, 199.7, '（本列数据的勾稽关系为：第一项加第二项之和，等'),
    (335.8, 201.4, '自'), (355.3, 203.0, '商'), (375.9, 203.0, '科'),
    (461.2, 208.6, '总'), (395.1, 210.2, '社会'), (420.7, 210.2, '法律'),
    (194.4, 213.5, '于第三项加第四项之和）'), (335.8, 215.2, '然'),
    (355.3, 216.8, '业'), (375.9, 216.8, '研'), (445.2, 216.8, '其'),
    (461.2, 222.4, '计'), (395.1, 224.0, '公益'), (420.7, 224.0, '服务'),
    (335.8, 229.5, '人'), (355.3, 231.2, '企'), (375.9, 231.2, '机'),
    (445.2, 231.2, '他'), (395.1, 237.8, '组织'), (420.7, 237.8, '机构'),
    (355.3, 245.0, '业'), (375.9, 245.0, '构')]
T3KX = [339.7, 359.2, 379.8, 402.9, 428.5, 449.1, 465.1]    # column centres
T4K = ['', '1', '0', '', '1', '6', '0', '2', '6', '14', '0', '0', '0', '0',
       '0']
T4HIGH = (1, 5, 9)      # printed 7.5 points above the others


def build_stacked():
    p = Page()
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 140, '三、收到和处理政府信息公开申请情况')
    for x, top, t in T3KHEAD:
        p.narrow(x, top, t)
    top = 262
    for key, label, vals in T3K:
        p.narrow(40 if key in ('1', '2', '4') else 100, top, label)
        xs = T3KX[:]
        if key == '3.1':        # its total in a cell spanning 其他 and 总计
            xs[6] = (T3KX[5] + T3KX[6]) / 2
        for cx, v in zip(xs, vals):
            if v:
                p.narrow(cx - 2.45 * len(v), top, v)
        top += 22
    p.text(70, 600, '四、政府信息公开行政复议、行政诉讼情况')
    xs = [80 + 30 * k for k in range(15)]
    p.centred(xs[2], 620, '行政复议')
    p.centred(xs[10], 620, '行政诉讼')
    p.centred(xs[7], 640, '未经复议直接起诉')
    p.centred(xs[12], 640, '复议后起诉')
    for k, t in enumerate(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 3):
        for j, c in enumerate(t):
            p.centred(xs[k], 652.5 + 12.5 * j, c)
    for k, v in enumerate(T4K):
        if v:
            p.centred(xs[k], 752.5 - (7.5 if k in T4HIGH else 0), v)
    return [p]


# pdf-pitch: t3's header words (x, top, word), its columns' centres, rows
T3PHEAD = [
    (469.6, 131.3, '申请人情况'), (463.5, 147.9, '法人或其他组织'),
    (81.8, 155.1, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
    (398.9, 156.2, '自然'), (565.1, 163.4, '总计'), (425.7, 164.5, '商业'),
    (452.7, 164.5, '科研'), (479.0, 164.5, '社会公'), (513.6, 164.5, '法律服'),
    (548.2, 164.5, '其'), (402.8, 170.0, '人'), (425.7, 178.8, '企业'),
    (452.7, 178.8, '机构'), (479.0, 178.8, '益组织'), (513.6, 178.8, '务机构'),
    (548.2, 178.8, '他')]
T4P = ['8', '7', '1', '13', '29', '0', '0', '0', '0', '0', '0', '0', '0', '0',
       '0']
T3PX = [406.6, 433.5, 460.4, 490.6, 525.2, 552.1, 572.9]
T3P = [('1', '一、本年新收政府信息公开申请数量', ['12', '3', '', '', '', '1', '16']),
       ('2', '二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', '']),
       ('3.1', '（一）予以公开', ['5', '', '', '', '', '1', '6']),
       ('3.7', '（七）总计', ['5', '', '', '', '', '1', '6']),
       ('4', '四、结转下年度继续办理', ['7', '3', '', '', '', '', '10'])]


def build_pitch():
    p = Page()
    p.centred(W / 2, 60, '河海县测绘局', 16)
    p.centred(W / 2, 84, '2023年政府信息公开工作年度报告', 16)
    p.text(70, 110, '三、收到和处理政府信息公开申请情况')
    for x, top, t in T3PHEAD:
        p.narrow(x, top, t)
    top = 200
    for key, label, vals in T3P:
        p.narrow(30 if key in ('1', '2', '4') else 90, top, label)
        if key == '3.1':        # the group label's lines around it
            p.narrow(30, top - 7.7, '三、本年度')
            p.narrow(30, top + 6.7, '办理结果')
        for k, (cx, v) in enumerate(zip(T3PX, vals)):
            if v and key == '3.1' and k != 5:   # wrapped: 5 / 条
                p.narrow(cx - 2.45 * len(v), top - 7.2, v)
                p.narrow(cx - 3.85, top + 6.7, '条')
            elif v:
                p.narrow(cx - 2.45 * len(v), top, v)
        top += 22
    p.text(70, top + 10, '四、政府信息公开行政复议、行政诉讼情况')
    xs = [80 + 30 * k for k in range(15)]
    p.narrow(xs[2] - 15.4, top + 30, '行政复议')
    p.narrow(xs[10] - 15.4, top + 30, '行政诉讼')
    p.narrow(xs[7] - 30.8, top + 47, '未经复议直接起诉')
    p.narrow(xs[12] - 19.25, top + 47, '复议后起诉')
    for k, t in enumerate(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] * 3):
        for j, c in enumerate(t):
            p.narrow(xs[k] - 3.85, top + 61 + 13.8 * j, c)
    row = top + 130
    for k, v in enumerate(T4P):
        if len(v) > 1:          # wrapped: the number above, 个 below
            p.narrow(xs[k] - 2.45 * len(v), row - 6.4, v)
            p.narrow(xs[k] - 4.7, row + 4.5, '个', 11.9)
        else:
            p.narrow(xs[k] - 6.3, row, v + '个')
    return [p]


def pdf(pages):
    """A PDF of content streams (bytes), one per page."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    font = add(b'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light '
               b'/Encoding /UniGB-UCS2-H /DescendantFonts [ << /Type /Font '
               b'/Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo '
               b'<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> '
               b'/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light '
               b'/Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 '
               b'/Descent -120 /CapHeight 880 /StemV 80 >> /DW 1000 /W [1 95 500] >> ] >>')
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for c in pages:
        stream = add(b'<< /Length %d >>\nstream\n' % len(c) + c + b'\nendstream')
        kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] '
                        b'/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>'
                        % (pages_id, W, H, font, stream)))
    add(b'<< /Type /Pages /Kids [%s] /Count %d >>'
        % (b' '.join(b'%d 0 R' % k for k in kids), len(kids)))
    root = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objs) + 1, root, xref)
    return bytes(out)


def truth():
    lines = []
    for key, cols, vals in T2:
        for c, v in zip(cols, vals):
            lines.append('t2\t%s\t%s\t%s' % (key, c, v))
    for key, _, _, vals in T3:
        for c, v in zip(T3COLS, vals):
            lines.append('t3\t%s\t%s\t%s' % (key, c, v))
    for k, v in enumerate(T4):
        lines.append('t4\t%s\t%s\t%s' % (T4ROWS[k // 5], T4COLS[k % 5], v))
    return '\n'.join(lines) + '\n'


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make-pdf.py DIR')
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    good = pdf([p.content() for p in build()])
    with open(os.path.join(d, 'pdf-positions.pdf'), 'wb') as f:
        f.write(good)
    with open(os.path.join(d, 'pdf-positions.tsv'), 'w', encoding='utf-8') as f:
        f.write(truth())
    with open(os.path.join(d, 'pdf-labels.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_labels()]))
    with open(os.path.join(d, 'pdf-labels.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, _, _, vals in T3L
                        for c, v in zip(T3COLS, vals)) +
                ''.join('t4\t%s\t%s\t%s\n' % (T4ROWS[k // 5], T4COLS[k % 5], v)
                        for k, v in enumerate(T4L)))
    with open(os.path.join(d, 'pdf-repeat.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_repeat()]))
    with open(os.path.join(d, 'pdf-repeat.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t2\t%s\t%s\t%s\n' % (key, c, v)
                        for key, cols, vals in T2
                        for c, v in zip(cols, vals)) +
                ''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, _, _, vals in T3L
                        for c, v in zip(T3COLS, vals)) +
                ''.join('t4\t%s\t%s\t%s\n' % (T4ROWS[k // 5], T4COLS[k % 5], v)
                        for k, v in enumerate(T4R)))
    with open(os.path.join(d, 'pdf-valign.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_valign()]))
    with open(os.path.join(d, 'pdf-valign.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t2\t%s\t%s\t%s\n' % (key, c, v)
                        for key, cols, vals in T2V
                        for c, v in zip(cols, vals)) +
                ''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, vals in T3V
                        for c, v in zip(T3COLS, vals)))
    with open(os.path.join(d, 'pdf-tallhead.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_tallhead()]))
    with open(os.path.join(d, 'pdf-tallhead.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, vals in T3T
                        for c, v in zip(T3COLS, vals)))
    with open(os.path.join(d, 'pdf-t2span.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_t2span()]))
    with open(os.path.join(d, 'pdf-t2span.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t2\t%s\t%s\t%s\n' % (key, c, v)
                        for key, cols, vals in T2S
                        for c, v in zip(cols, vals)))
    with open(os.path.join(d, 'pdf-stacked.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_stacked()]))
    with open(os.path.join(d, 'pdf-stacked.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, vals in T3K
                        for c, v in zip(T3COLS, vals)) +
                ''.join('t4\t%s\t%s\t%s\n' % (T4ROWS[k // 5], T4COLS[k % 5], v)
                        for k, v in enumerate(T4K)))
    with open(os.path.join(d, 'pdf-pitch.pdf'), 'wb') as f:
        f.write(pdf([p.content() for p in build_pitch()]))
    with open(os.path.join(d, 'pdf-pitch.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('t3\t%s\t%s\t%s\n' % (key, c, v)
                        for key, _, vals in T3P
                        for c, v in zip(T3COLS, vals)) +
                ''.join('t4\t%s\t%s\t%s\n' % (T4ROWS[k // 5], T4COLS[k % 5], v)
                        for k, v in enumerate(T4P)))
    scan = Page()
    scan.ops.append('0.5 g 100 100 395 600 re f')
    with open(os.path.join(d, 'pdf-scanned.pdf'), 'wb') as f:
        f.write(pdf([scan.content()]))
    with open(os.path.join(d, 'pdf-broken.pdf'), 'wb') as f:
        f.write(good[:len(good) // 2])


if __name__ == '__main__':
    main()
