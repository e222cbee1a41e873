#!/usr/bin/env python3
"""accuracy.py: the scoring half of tests/accuracy.sh (issue 13).

    accuracy.py score   --part P --truth DIR --outputs DIR [--index F]
                        [--by KEYS] [--summary F] [--wrong F] [--top K]
    accuracy.py exact   --part P --truth DIR --outputs DIR [--summary F]
    accuracy.py verdict --corpus DIR --outputs DIR [--summary F] [--top K]
    accuracy.py check   --summary F [PART[:GROUP] ...]

OUTPUTS holds gip-tables' output for each rendering as NAME.RENDERER.tsv
(RENDERER is "plain" for a report read as it is, .txt or .html) and its
stderr as NAME.RENDERER.err; the truth is TRUTH/NAME.tsv.  Cell recall,
precision, "fully right" and template are score.py's own functions
(../shared/corpus/score.py, imported), so the figures are the ones score.py
gives; this adds the break-down by gipgen layout and by --variants variant
(index.tsv; "alone": reports that got that variant and no other), the
exact comparison of the real reports, the verdict
comparison and a threshold check.  Each part appends its figures to the
summary file, one TAB line per group:

    part group name n truth right out correct full tmpl bad note

(truth/right: truth t2/t3/t4 cells and those found right; out/correct:
output t2/t3/t4 cells and those right; full/tmpl: renderings fully right / template right;
bad: cells or verdicts wrong where a part wants none; note: meta rows
that differ, which check does not count).  check reads it back and
prints every figure below issue 13's thresholds; exit 1 when there is one.
Standard library only.
"""
import argparse
import importlib.util
import os
import re
import sys
from collections import Counter, OrderedDict, defaultdict

SHARED = os.environ.get('GIP_SHARED') or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared')


def load_score():
    sys.dont_write_bytecode = True  # ../shared is not ours to write in
    path = os.path.join(SHARED, 'corpus', 'score.py')
    spec = importlib.util.spec_from_file_location('gip_score', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


S = None  # score.py, loaded in main()

THRESHOLD = 99.5
META = ('title', 'org', 'year', 'date')


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def ranked(counter, k):
    """The k commonest, ties in key order, so runs print alike."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def read_index(path):
    """NAME -> (layout, [variants], error) from gipgen's index.tsv."""
    idx = {}
    if not path:
        return idx
    with open(path, encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        col = {k: i for i, k in enumerate(head)}
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) < len(head):
                continue
            noise = p[col['noise']].split(',')
            var = sorted(x[2:] for x in noise if x.startswith('v:'))
            idx[p[0]] = (p[col['layout']], var, p[col['error']])
    return idx


def outputs(outdir):
    """(name, renderer, path) for every NAME.RENDERER.tsv in outdir."""
    items = []
    for fn in sorted(os.listdir(outdir)):
        if not fn.endswith('.tsv'):
            continue
        name, _, rend = fn[:-4].partition('.')
        items.append((name, rend or 'plain', os.path.join(outdir, fn)))
    return items


def read_text(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def messages(errpath):
    """gip-tables' stderr lines without the program, file and line, so
    that alike messages count together."""
    out = []
    for line in read_text(errpath).splitlines():
        out.append(re.sub(r'^gip-tables: [^:]*(:\d+)?: ', '', line))
    return out


def groups_of(by, name, rend, idx):
    layout, var, _ = idx.get(name, ('?', [], '-'))
    gs = []
    for key in by:
        if key == 'all':
            gs.append(('all', 'all'))
        elif key == 'layout':
            gs.append(('layout', layout))
        elif key == 'variant':
            for v in var or ['(none)']:
                gs.append(('variant', v))
        elif key == 'alone':
            if len(var) <= 1:
                gs.append(('alone', var[0] if var else '(none)'))
        elif key == 'renderer':
            gs.append(('renderer', rend))
        elif key == 'renderer+layout':
            gs.append(('renderer+layout', '%s/%s' % (rend, layout)))
    return gs


class Tally:
    def __init__(self):
        self.n = self.truth = self.right = self.out = self.correct = 0
        self.full = self.tmpl = 0
        self.worst = None  # (recall, precision, name)

    def add(self, r, label):
        self.n += 1
        self.truth += r['truth']
        self.right += r['right']
        self.out += r['out']
        self.correct += r['correct']
        self.full += r['full']
        self.tmpl += r['template']
        key = (pct(r['right'], r['truth']), pct(r['correct'], r['out']), label)
        if self.worst is None or key < self.worst:
            self.worst = key

    def recall(self):
        return pct(self.right, self.truth)

    def prec(self):
        return pct(self.correct, self.out)

    def row(self, part, group, name, bad=0, note=0):
        return '\t'.join(str(x) for x in (
            part, group, name, self.n, self.truth, self.right, self.out,
            self.correct, self.full, self.tmpl, bad, note))


def append_summary(path, rows):
    if not path:
        return
    new = not os.path.exists(path)
    with open(path, 'a', encoding='utf-8') as f:
        if new:
            f.write('part\tgroup\tname\tn\ttruth\tright\tout\tcorrect\t'
                    'full\ttmpl\tbad\tnote\n')
        for r in rows:
            f.write(r + '\n')


def cmd_score(a):
    idx = read_index(a.index)
    by = ['all'] + [b for b in a.by.split(',') if b]
    tallies = OrderedDict()
    wrong_rows = []
    kinds = Counter()
    kind_ex = defaultdict(list)
    msgs = Counter()
    msg_ex = defaultdict(list)
    meta = defaultdict(lambda: {k: [0, 0] for k in META})
    meta_ex = defaultdict(list)
    items = outputs(a.outputs)
    if not items:
        print('accuracy.py: no outputs in %s' % a.outputs, file=sys.stderr)
        return 2
    for name, rend, path in items:
        tpath = os.path.join(a.truth, name + '.tsv')
        if not os.path.exists(tpath):
            continue
        truth, tmeta = S.read_truth(tpath)
        lines, ometa = S.read_output(read_text(path))
        r = S.score_one(truth, tmeta, lines, ometa)
        layout, var, _ = idx.get(name, ('?', [], '-'))
        label = name if rend == 'plain' else '%s.%s' % (name, rend)
        where = rend if rend != 'plain' else layout
        for mk in META:
            if mk in tmeta:
                ok = re.sub(r'\s', '', ometa.get(mk, '')) == re.sub(r'\s', '', tmeta[mk])
                meta[where][mk][0] += ok
                meta[where][mk][1] += 1
                if not ok and len(meta_ex[mk]) < 3:
                    meta_ex[mk].append('%s %r->%r' % (label, tmeta[mk], ometa.get(mk)))
        for g in groups_of(by, name, rend, idx):
            tallies.setdefault(g, Tally()).add(r, label)
        vs = ','.join(var) or '-'
        for k, want, have in r['wrong']:
            kind = 'missing' if have is None else 'wrong'
            wrong_rows.append((label, where, vs, kind, k[0], k[1], k[2],
                               want, '' if have is None else have))
            kk = (kind, where, k[0], k[1])
            kinds[kk] += 1
            if len(kind_ex[kk]) < 3 and label not in [e[0] for e in kind_ex[kk]]:
                kind_ex[kk].append((label, k[2], want, have))
        seen = set()
        for k, v in lines:
            if k in seen:
                continue
            seen.add(k)
            if k not in truth:
                wrong_rows.append((label, where, vs, 'extra', k[0], k[1], k[2],
                                   '', v))
                kk = ('extra', where, k[0], k[1])
                kinds[kk] += 1
                if len(kind_ex[kk]) < 3:
                    kind_ex[kk].append((label, k[2], None, v))
        base = path[:-4]
        for m in set(messages(base + '.err')):
            msgs[(where, m)] += 1
            if len(msg_ex[(where, m)]) < 3:
                msg_ex[(where, m)].append(label)

    print('== %s: %s' % (a.part, a.title or a.outputs))
    hdr = '%-16s %-22s %5s %8s %8s %7s %7s  %s' % (
        'by', 'group', 'n', 'recall', 'prec', 'full', 'tmpl',
        'worst rendering (recall/prec)')
    print(hdr)
    print('-' * len(hdr))
    rows = []
    worst = {}
    for (g, v), t in sorted(tallies.items(), key=lambda x: (by.index(x[0][0]), x[0][1])):
        w = t.worst
        print('%-16s %-22s %5d %7.2f%% %7.2f%% %6.1f%% %6.1f%%  %s %.1f/%.1f' % (
            g, v, t.n, t.recall(), t.prec(), pct(t.full, t.n), pct(t.tmpl, t.n),
            w[2], w[0], w[1]))
        rows.append(t.row(a.part, g, v))
        m = min(t.recall(), t.prec())
        if g != 'all' and (g not in worst or m < worst[g][0]):
            worst[g] = (m, v, t.recall(), t.prec())
    for g in by:
        if g in worst:
            m, v, rc, pr = worst[g]
            print('worst %s: %s (recall %.2f%%, precision %.2f%%)' % (g, v, rc, pr))
    append_summary(a.summary, rows)
    print('meta rows right (%s; information, not checked): %s' % (
        '/'.join(META), ', '.join('%s %s' % (w, '/'.join(
            '%.0f%%' % pct(*m[k]) if m[k][1] else '-' for k in META))
            for w, m in sorted(meta.items()))))
    for k in META:
        if meta_ex[k]:
            print('  %s wrong, e.g. %s' % (k, '; '.join(meta_ex[k])))

    if a.wrong:
        with open(a.wrong, 'w', encoding='utf-8') as f:
            f.write('rendering\tlayout\tvariants\tkind\ttable\trow\tcol\twant\tgot\n')
            for w in wrong_rows:
                f.write('\t'.join(w) + '\n')
    if a.top and kinds:
        print('most frequent wrong cells (kind, layout/renderer, table, row: '
              'cells; examples rendering col want->got):')
        for kk, c in ranked(kinds, a.top):
            ex = '; '.join('%s %s %s->%s' % (l, col, '' if w is None else repr(w),
                                              'none' if h is None else repr(h))
                           for l, col, w, h in kind_ex[kk])
            print('  %-7s %-10s %s %-14s %4d  %s' % (kk[0], kk[1], kk[2], kk[3], c, ex))
    if a.top and msgs:
        print('most frequent gip-tables messages (layout/renderer: renderings):')
        for (where, m), c in ranked(msgs, a.top):
            print('  %-10s %4d  %s  [%s]' % (where, c, m[:100],
                                            ' '.join(msg_ex[(where, m)])))
    print()
    return 0


def read_truth_all(path):
    rows = OrderedDict()
    with open(path, encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) == 4:
                rows[(p[0], p[1], p[2])] = p[3]
    return rows


def read_output_all(text):
    got = OrderedDict()
    extra_dup = 0
    for raw in text.splitlines():
        p = raw.split('\t')
        if len(p) < 5 or p[0] == 'source':
            continue
        src, t, r, c, v = (S.unescape(x) for x in p[:5])
        if t not in ('meta', 't2', 't3', 't4'):
            continue
        if (t, r, c) in got:
            extra_dup += 1
            continue
        got[(t, r, c)] = v
    return got, extra_dup


def cmd_exact(a):
    """Every truth cell as printed (no 'empty equals 0'), nothing more."""
    print('== %s: %s' % (a.part, a.title or a.outputs))
    rows = []
    total_bad = 0
    for name, rend, path in outputs(a.outputs):
        tpath = os.path.join(a.truth, name + '.tsv')
        if not os.path.exists(tpath):
            continue
        truth = read_truth_all(tpath)
        got, dups = read_output_all(read_text(path))
        t = Tally()
        t.n = 1
        bad, note = [], []
        for k, want in truth.items():
            have = got.get(k)
            ok = have == want
            if k == ('meta', 'template', '-'):
                t.tmpl = int(ok)
                if not ok:
                    bad.append((k, want, have))
                continue
            if k[0] == 'meta':
                if not ok:
                    note.append((k, want, have))
                continue
            t.truth += 1
            t.right += ok
            if not ok:
                bad.append((k, want, have))
        for k, v in got.items():
            if k[0] == 'meta':
                continue
            t.out += 1
            if k in truth:
                t.correct += truth[k] == v
            else:
                bad.append((k, None, v))
        t.out += dups
        bad_n = len(bad) + dups
        t.full = int(bad_n == 0)
        rows.append(t.row(a.part, 'report', name, bad_n, len(note)))
        total_bad += bad_n
        print('%-22s cells %3d right %3d  output %3d  template %-4s  '
              'wrong/missing/extra %d%s' % (
            name, t.truth, t.right, t.out, 'ok' if t.tmpl else 'bad', bad_n,
            ('  meta differs: %d' % len(note)) if note else ''))
        for k, want, have in bad[:a.top]:
            print('    %s %s %s: want %s got %s' % (
                k[0], k[1], k[2], 'nothing' if want is None else repr(want),
                'nothing' if have is None else repr(have)))
        if len(bad) > a.top:
            print('    ... %d more' % (len(bad) - a.top))
        for k, want, have in note:
            print('    (meta %s: want %r got %r; not counted)' % (k[1], want, have))
    print('%s: %d reports, %d wrong, missing or extra cells' % (a.part, len(rows), total_bad))
    print()
    append_summary(a.summary, rows)
    return 0


def cmd_verdict(a):
    """gip-check's exit 1 against gipgen's .broken: exactly the broken reports."""
    idx = read_index(os.path.join(a.corpus, 'index.tsv'))
    alarms, misses, trouble = [], [], []
    n = broken_n = err_n = 0
    by_layout = defaultdict(lambda: [0, 0, 0])
    for fn in sorted(os.listdir(a.outputs)):
        if not fn.endswith('.rc'):
            continue
        name = fn[:-3]
        rc = read_text(os.path.join(a.outputs, fn)).strip()
        bpath = os.path.join(a.corpus, name + '.broken')
        broken = [l for l in read_text(bpath).splitlines() if l.strip()]
        layout, var, error = idx.get(name, ('?', [], '-'))
        n += 1
        broken_n += bool(broken)
        err_n += rc == '1'
        findings = [l.split('\t') for l in
                    read_text(os.path.join(a.outputs, name + '.check')).splitlines()]
        errs = ['%s %s' % (f[3], f[6] if len(f) > 6 else '')
                for f in findings if len(f) > 3 and f[2] == 'error']
        rec = (name, layout, ','.join(var) or '-', error, broken, errs, rc)
        if rc not in ('0', '1'):
            trouble.append(rec)
            by_layout[layout][2] += 1
        elif rc == '1' and not broken:
            alarms.append(rec)
            by_layout[layout][0] += 1
        elif rc != '1' and broken:
            misses.append(rec)
            by_layout[layout][1] += 1
    print('== verdict: gip-tables FILE | gip-check on %s' % a.corpus)
    print('reports %d, with .broken %d, gip-check exit 1 %d: false alarms %d, '
          'misses %d, trouble (exit 2) %d' % (n, broken_n, err_n, len(alarms),
                                              len(misses), len(trouble)))
    if by_layout:
        print('by layout (false alarms/misses/trouble): ' + ', '.join(
            '%s %d/%d/%d' % (k, *v) for k, v in sorted(by_layout.items())))
    by_var = Counter()
    for rec in alarms + misses + trouble:
        for v in rec[2].split(','):
            by_var[v if v != '-' else '(none)'] += 1
    if by_var:
        print('false alarms, misses and trouble by variant (reports): ' + ', '.join(
            '%s %d' % kv for kv in sorted(by_var.items())))
    if alarms:
        why = Counter()
        for rec in alarms:
            for e in set(f.split(' ', 1)[0] for f in rec[5]):
                why[e] += 1
        print('errors behind the false alarms (reports): ' + ', '.join(
            '%s %d' % kv for kv in ranked(why, a.top)))
    for what, recs in (('false alarms', alarms), ('misses', misses),
                       ('trouble', trouble)):
        if not recs:
            continue
        print('%s (first %d):' % (what, min(a.top, len(recs))))
        for name, layout, var, error, broken, errs, rc in recs[:a.top]:
            print('  %s %-9s %-22s injected %s; broken %s; gip-check errors: %s' % (
                name, layout, var, error, ','.join(broken) or '-',
                ('; '.join(errs[:2]) + (' …' if len(errs) > 2 else '')) or '-'))
    print()
    rows = []
    for nm, c in (('reports', n), ('broken', broken_n), ('exit1', err_n)):
        rows.append('\t'.join(str(x) for x in ('verdict', 'count', nm, c, 0, 0, 0, 0, 0, 0, 0, 0)))
    for nm, recs in (('false-alarm', alarms), ('miss', misses), ('trouble', trouble)):
        rows.append('\t'.join(str(x) for x in (
            'verdict', 'verdict', nm, n, 0, 0, 0, 0, 0, 0, len(recs), 0)))
    append_summary(a.summary, rows)
    return 0


def cmd_check(a):
    """Issue 13's thresholds on the summary; one line per figure below."""
    fails, seen = [], Counter()
    with open(a.summary, encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            r = dict(zip(head, line.rstrip('\n').split('\t')))
            part = r['part']
            want = [w for w in a.parts
                    if w in (part, '%s:%s' % (part, r['group']))]
            if a.parts and not want:
                continue
            for w in want:
                seen[w] += 1
            num = {k: int(r[k]) for k in ('n', 'truth', 'right', 'out', 'correct', 'bad')}
            rc, pr = pct(num['right'], num['truth']), pct(num['correct'], num['out'])
            what = '%s %s %s' % (part, r['group'], r['name'])
            if part == 'gen':
                if r['group'] not in ('all', 'layout', 'variant'):
                    continue
                if rc < THRESHOLD or pr < THRESHOLD:
                    fails.append('%s: recall %.2f%% precision %.2f%% (want >= %.1f%%)'
                                 % (what, rc, pr, THRESHOLD))
            elif part == 'plain':
                if num['right'] != num['truth'] or num['correct'] != num['out']:
                    fails.append('%s: recall %.2f%% precision %.2f%% (want 100%%)'
                                 % (what, rc, pr))
            elif part in ('real', 'seeds'):
                if num['bad']:
                    fails.append('%s: %d cells wrong, missing or extra (want 0)'
                                 % (what, num['bad']))
            elif part == 'verdict' and r['group'] == 'verdict':
                if num['bad']:
                    fails.append('%s: %d of %d reports (want 0)'
                                 % (what, num['bad'], num['n']))
    for p in a.parts or []:
        if not seen[p]:
            fails.append('%s: no figures in %s' % (p, a.summary))
    for l in fails:
        print('FAIL ' + l)
    if not fails:
        print('ok: %s meet issue 13\'s thresholds' % (
            ', '.join(sorted(seen)) or 'no figures'))
    return 1 if fails else 0


def main():
    global S
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('score')
    p.add_argument('--part', required=True)
    p.add_argument('--title')
    p.add_argument('--truth', required=True)
    p.add_argument('--outputs', required=True)
    p.add_argument('--index')
    p.add_argument('--by', default='layout,variant')
    p.add_argument('--summary')
    p.add_argument('--wrong')
    p.add_argument('--top', type=int, default=8)
    p = sub.add_parser('exact')
    p.add_argument('--part', required=True)
    p.add_argument('--title')
    p.add_argument('--truth', required=True)
    p.add_argument('--outputs', required=True)
    p.add_argument('--summary')
    p.add_argument('--top', type=int, default=8)
    p = sub.add_parser('verdict')
    p.add_argument('--corpus', required=True)
    p.add_argument('--outputs', required=True)
    p.add_argument('--summary')
    p.add_argument('--top', type=int, default=5)
    p = sub.add_parser('check')
    p.add_argument('--summary', required=True)
    p.add_argument('parts', nargs='*', metavar='PART[:GROUP]',
                   help='figures to check (default all): gen, gen:layout, '
                   'gen:variant, plain, real, seeds, verdict')
    a = ap.parse_args()
    if a.cmd == 'check':
        return cmd_check(a)
    S = load_score()
    return {'score': cmd_score, 'exact': cmd_exact, 'verdict': cmd_verdict}[a.cmd](a)


if __name__ == '__main__':
    sys.exit(main())
