"""The mutants a mutmut run did not kill, each with its one-line diff, read straight from the run's
mutants/ folder (a `bench/mutation.py --mutmut PKG --keep DIR` copy, or a running one under /tmp):
much faster than one `mutmut show` per mutant. Equivalent mutants (bench/mutmut_equivalent.txt)
are left out. Status codes: 0 survived, 33 no tests (mutmut's exit codes).

    python bench/mutmut_diffs.py DIR/dates [NAME_PART] [--status 0,33]
"""
import ast, difflib, json, sys, glob, collections
repo = sys.argv[1]; filt = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith('--') else ''
statuses = {0, 33}
if '--status' in sys.argv: statuses = {int(x) for x in sys.argv[sys.argv.index('--status')+1].split(',')}
equiv = set()
try:
    for l in open(__import__('pathlib').Path(__file__).with_name('mutmut_equivalent.txt')):
        if l.strip() and not l.startswith('#'): equiv.add(l.split()[0])
except FileNotFoundError: pass
for meta in sorted(glob.glob(f'{repo}/mutants/**/*.py.meta', recursive=True)):
    codes = json.load(open(meta))['exit_code_by_key']
    src = open(meta[:-5]).read()
    tree = ast.parse(src)
    funcs = {}
    lines = src.splitlines()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            funcs[node.name] = "\n".join(lines[node.lineno - 1:node.end_lineno])
    for k, v in codes.items():
        if v not in statuses or k in equiv or filt not in k: continue
        mod, _, rest = k.rpartition('.')
        base, _, n = rest.rpartition('__mutmut_')
        orig = funcs.get(base + '__mutmut_orig'); mut = funcs.get(rest)
        if orig is None or mut is None:
            # methods: xǁClassǁname
            print('##', k, v, '(source not found)'); continue
        o = orig.splitlines(); m = mut.splitlines()
        d = [l for l in difflib.unified_diff(o, m, lineterm='', n=0) if l[:1] in '+-' and not l.startswith(('+++', '---'))]
        d = [l for l in d if 'def ' not in l[:8]]
        print(f'## {k} [{"survived" if v == 0 else "no tests" if v == 33 else v}]')
        for l in d: print('  ' + l.strip()[:200])
