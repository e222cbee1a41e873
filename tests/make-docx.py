#!/usr/bin/env python3
"""Write the Word fixtures of tests/docx.bats into a directory.

    make-docx.py DIR

Python's zipfile with a fixed date, so the same bytes every time (the bats
file checks that the committed fixtures are what this script writes):

docx-report.docx   a 2021 report whose headings 一、 … 六、 and （一） exist
                   only as Word list numbering (w:numPr, numbering.xml,
                   one through a paragraph style), with t2/t3/t4 tables
                   using w:gridSpan and w:vMerge, blank cells, labels in
                   two paragraphs, data rows whose cells span other grid
                   columns than their header, t4 inside a layout table,
                   hidden and deleted runs
docx-report.tsv    the table cells that report holds (table row col value)
docx-bomb.docx     word/document.xml of 4 MiB of spaces (about 4 KiB stored)
docx-entities.docx a document.xml with a DTD whose entities multiply
docx-sheet.docx    an Office package without word/document.xml (a sheet)
docx-broken.docx   docx-report.docx cut in half
docx-old.doc       the first bytes of an OLE compound file (old .doc)
docx-locked.docx   the start of a password-protected Word file (an OLE
                   compound file with an EncryptedPackage stream)
docx-pdf.pdf       the first bytes of a PDF
"""
import os
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
DATE = (2024, 1, 20, 0, 0, 0)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
    '"xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def run(text, extra=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (extra, esc(text))


def para(text='', num=None, style=None, runs=None):
    ppr = ''
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num
    body = runs if runs is not None else (run(text) if text else '')
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', body)


def cell(text='', span=1, vmerge=None, paras=None):
    pr = ''
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == 'restart':
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'cont':
        pr += '<w:vMerge/>'
        text = ''
    ps = paras if paras else [text]
    return '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (
        pr, ''.join(para(p) for p in ps))


def table(ncols, rows):
    grid = ''.join('<w:gridCol w:w="800"/>' for _ in range(ncols))
    return '<w:tbl><w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (grid, ''.join(
        '<w:tr>%s</w:tr>' % ''.join(r) for r in rows))


def fmt(v):
    return '' if v is None else str(v)


def t2_table(truth):
    """2021 t2 in 5 grid columns: the first block's header and data row
    spread their cells differently (Word's misaligned columns)."""
    rows = [[cell('第二十条第（一）项', 5)],
            [cell('信息内容'), cell(paras=['本年制发', '件数']),
             cell('本年废止件数', 2),
             cell('现行有效件数')]]
    blocks = [('20.1.rules', '规章', [2, None, 40]),
              ('20.1.normative', '行政规范性文件', [26, 3, 43])]
    for key, label, vals in blocks:
        if key == '20.1.rules':     # the label takes a column more
            rows.append([cell(label, 2), cell(fmt(vals[0])),
                         cell(fmt(vals[1])), cell(fmt(vals[2]))])
        else:                       # the first value spans two
            rows.append([cell(label), cell(fmt(vals[0]), 2),
                         cell(fmt(vals[1])), cell(fmt(vals[2]))])
        for col, v in zip(('issued', 'repealed', 'valid'), vals):
            truth.append(('t2', key, col, fmt(v)))
    for cap, head, items in (
            ('第二十条第（五）项', '本年处理决定数量', [('20.5.license', '行政许可', 1520)]),
            ('第二十条第（六）项', '本年处理决定数量', [('20.6.penalty', '行政处罚', 87),
                                              ('20.6.enforce', '行政强制', None)]),
            ('第二十条第（八）项', '本年收费金额（单位：万元）',
             [('20.8.fee', '行政事业性收费', '12.5')])):
        rows.append([cell(cap, 5)])
        rows.append([cell('信息内容'), cell(head, 4)])
        for key, label, v in items:
            rows.append([cell(label), cell(fmt(v), 4)])
            truth.append(('t2', key, 'amount' if key == '20.8.fee'
                          else 'decisions', fmt(v)))
    return table(5, rows)


T3_COLS = ('natural', 'commercial', 'research', 'social', 'legal', 'other',
           'total')
T3_ROWS = [
    ('1', None, '一、本年新收政府信息公开申请数量'),
    ('2', None, '二、上年结转政府信息公开申请数量'),
    ('3.1', None, '（一）予以公开'),
    ('3.2', None, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ('3.3.1', '（三）不予公开', '1.属于国家秘密'),
    ('3.3.2', '（三）不予公开', '2.其他法律行政法规禁止公开'),
    ('3.3.3', '（三）不予公开', '3.危及“三安全一稳定”'),
    ('3.3.4', '（三）不予公开', '4.保护第三方合法权益'),
    ('3.3.5', '（三）不予公开', '5.属于三类内部事务信息'),
    ('3.3.6', '（三）不予公开', '6.属于四类过程性信息'),
    ('3.3.7', '（三）不予公开', '7.属于行政执法案卷'),
    ('3.3.8', '（三）不予公开', '8.属于行政查询事项'),
    ('3.4.1', '（四）无法提供', '1.本机关不掌握相关政府信息'),
    ('3.4.2', '（四）无法提供', '2.没有现成信息需要另行制作'),
    ('3.4.3', '（四）无法提供', '3.补正后申请内容仍不明确'),
    ('3.5.1', '（五）不予处理', '1.信访举报投诉类申请'),
    ('3.5.2', '（五）不予处理', '2.重复申请'),
    ('3.5.3', '（五）不予处理', '3.要求提供公开出版物'),
    ('3.5.4', '（五）不予处理', '4.无正当理由大量反复申请'),
    ('3.5.5', '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'),
    ('3.6.1', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    ('3.6.2', '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    ('3.6.3', '（六）其他处理', '3.其他'),
    ('3.7', None, '（七）总计'),
    ('4', None, '四、结转下年度继续办理'),
]


def t3_values(i):
    """Six applicant counts (some blank) and their total."""
    v = [(i * 7 + k * 3) % 5 for k in range(6)]
    v = [None if (i + k) % 4 == 0 else x for k, x in enumerate(v)]
    return v + [sum(x or 0 for x in v)]


def t3_table(truth):
    note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
    rows = [
        [cell(note, 3, 'restart'), cell('申请人情况', 7)],
        [cell('', 3, 'cont'), cell('自然人', 1, 'restart'),
         cell('法人或其他组织', 5), cell('总计', 1, 'restart')],
        [cell('', 3, 'cont'), cell('', 1, 'cont'), cell('商业企业'),
         cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'),
         cell('其他'), cell('', 1, 'cont')],
    ]
    group = None
    for i, (key, grp, label) in enumerate(T3_ROWS):
        vals = t3_values(i)
        for col, v in zip(T3_COLS, vals):
            truth.append(('t3', key, col, fmt(v)))
        vcells = [cell(fmt(v)) for v in vals]
        if key == '1':
            # the label, in two paragraphs, gives a grid column to its
            # first value
            r = [cell(span=2, paras=[label[:7], label[7:]]),
                 cell(fmt(vals[0]), 2)] + vcells[1:]
        elif key in ('2', '4'):
            r = [cell(label, 3)] + vcells
        else:
            first = 'restart' if key == '3.1' else 'cont'
            r = [cell('三、本年度办理结果', 1, first)]
            if grp is None:
                r.append(cell(label, 2))
            else:
                r.append(cell(grp, 1, 'restart' if grp != group else 'cont'))
                r.append(cell(label))
            r += vcells
        group = grp
        rows.append(r)
    return table(10, rows)


def t4_table(truth):
    heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
    rows = [
        [cell('行政复议', 5), cell('行政诉讼', 10)],
        [cell(h, 1, 'restart') for h in heads] +
        [cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
        [cell('', 1, 'cont') for _ in heads] + [cell(h) for h in heads] * 2,
    ]
    vals = [1, 0, None, 1, 2, 3, None, 0, 0, 3, 0, 1, 0, 0, 1]
    rows.append([cell(fmt(v)) for v in vals])
    for k, v in enumerate(vals):
        truth.append(('t4', ('review', 'suit.direct', 'suit.after')[k // 5],
                      ('upheld', 'corrected', 'other', 'pending',
                       'total')[k % 5], fmt(v)))
    return table(15, rows)


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="%s">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%%2）"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '</w:numbering>' % W)

STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:styles xmlns:w="%s">'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="GipHead"><w:name w:val="gip head"/>'
    '<w:basedOn w:val="Heading1"/></w:style>'
    '</w:styles>' % W)


def report():
    truth = []
    head = (0, 1)
    sub = (1, 1)
    body = [
        para('示例县人民政府办公室'),
        para('2023年政府信息公开工作年度报告'),
        para('本报告依据《中华人民共和国政府信息公开条例》编制。'),
        para('总体情况', head),
        para('', sub, runs=run('主动公开') + '<w:r><w:tab/></w:r>' + run('情况')),
        para('本年度主动公开政府信息1200条。', runs=run('本年度主动公开政府信息1200条。') +
             run('隐藏文字', '<w:rPr><w:vanish/></w:rPr>') +
             '<w:del><w:r><w:delText>删去的文字</w:delText></w:r></w:del>'),
        para('依申请公开', sub),
        para('全年收到申请若干件。', (0, 2)),
        para('主动公开政府信息情况', head),
        t2_table(truth),
        para('收到和处理政府信息公开申请情况', style='GipHead'),
        t3_table(truth),
        para('政府信息公开行政复议、行政诉讼情况', head),
        # a layout table around t4: its cell is page content
        table(1, [[cell(paras=['单位：件']) [:-len('</w:tc>')] +
                   t4_table(truth) + '<w:p/></w:tc>']]),
        para('存在的主要问题及改进情况', head),
        para('', runs=run('一是公开内容不够全面。') + '<w:r><w:br/></w:r>' +
             run('二是解读形式单一。')),
        para('其他需要报告的事项', head),
        para('无。'),
        para('示例县人民政府办公室'),
        para('2024年1月20日'),
    ]
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body>'
           '</w:document>' % (W, ''.join(body)))
    return doc, truth


def write_zip(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make-docx.py DIR')
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    doc, truth = report()
    path = os.path.join(out, 'docx-report.docx')
    write_zip(path, [('[Content_Types].xml', CONTENT_TYPES),
                     ('_rels/.rels', RELS), ('word/document.xml', doc),
                     ('word/numbering.xml', NUMBERING),
                     ('word/styles.xml', STYLES)])
    with open(os.path.join(out, 'docx-report.tsv'), 'w', encoding='utf-8') as f:
        for t in truth:
            f.write('\t'.join(t) + '\n')
    with open(path, 'rb') as f:
        data = f.read()
    with open(os.path.join(out, 'docx-broken.docx'), 'wb') as f:
        f.write(data[:len(data) // 2])
    write_zip(os.path.join(out, 'docx-bomb.docx'),
              [('[Content_Types].xml', CONTENT_TYPES),
               ('word/document.xml', ' ' * (4 << 20))])
    lol = ''.join('<!ENTITY l%d "%s">' % (k, '&l%d;' % (k - 1) * 10)
                  for k in range(1, 10))
    write_zip(os.path.join(out, 'docx-entities.docx'),
              [('[Content_Types].xml', CONTENT_TYPES),
               ('word/document.xml', '<?xml version="1.0"?><!DOCTYPE w:document '
                '[<!ENTITY l0 "lol">%s]><w:document xmlns:w="%s"><w:body><w:p>'
                '<w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>'
                % (lol, W))])
    write_zip(os.path.join(out, 'docx-sheet.docx'),
              [('[Content_Types].xml', CONTENT_TYPES),
               ('xl/workbook.xml', '<workbook/>')])
    with open(os.path.join(out, 'docx-old.doc'), 'wb') as f:
        f.write(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(504))
    with open(os.path.join(out, 'docx-locked.docx'), 'wb') as f:
        f.write(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(504) +
                'EncryptedPackage'.encode('utf-16-le') + bytes(32))
    with open(os.path.join(out, 'docx-pdf.pdf'), 'wb') as f:
        f.write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'
                b'trailer\n<<>>\n%%EOF\n')


if __name__ == '__main__':
    main()
