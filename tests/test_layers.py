"""planscope's layers, declared once, and the check that keeps the imports flowing one way.

A module may import from its own layer and the layers below it, never from a layer above; and no
modules import each other, directly or round a longer circle. Imports inside functions count as
much as those at the top: they only postpone the dependency. docs/architecture.md ("Layers") draws
the same order. Run as a script (`python tests/test_layers.py`) it prints what it finds.
"""
from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Bottom to top. A module belongs to the layer of the longest prefix naming it ("extractors.time.dates"
# is in "time", "extractors.structure" in "document"). Every module of the tree must have a layer.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("schemas", ("schemas",)),                          # document model, records, tables, errors every layer raises
    ("time", ("extractors.time",)),                     # calendar knowledge; the readers' list labels use its month names
    ("readers", ("pipeline.readers", "pipeline.limits")),  # files -> Document, in bounded memory
    ("entities", ("extractors.entities",)),             # names -> bodies, places, states, themes
    ("document", ("extractors",)),                      # a document's kind, title, period, legend, columns, catalogue
    ("prose", ("extractors.prose",)),                   # prose -> units -> events, activities or nothing
    ("segment", ("extractors.segment",)),               # a document -> drafts (plan rows, items, entries, prose units)
    ("warehouse", ("warehouse",)),                      # DuckDB: tables, loading, export, explain
    ("pipeline", ("pipeline",)),                        # the stages, the runner, bulk ingest
    ("checking", ("checking",)),                        # reports against plans
    ("serve", ("serve",)),                              # the web UI
    ("cli", ("planscope_cli",)),                        # the command line: parses arguments, dispatches
]
NOT_CODE = {"tests", "bench", "corpus", "docs", "data", "templates", "static", "__pycache__"}


def find_modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file for every module of the tree's packages and top-level modules."""
    modules: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if NOT_CODE & set(rel.parts[:-1]) or any(p.startswith(".") for p in rel.parts):
            continue
        if len(rel.parts) > 1 and not (root / rel.parts[0] / "__init__.py").exists():
            continue  # a folder of scripts, not a package
        parts = rel.with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def layer_of(module: str, layers=LAYERS) -> int | None:
    best, best_len = None, -1
    for index, (_, prefixes) in enumerate(layers):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> dict[str, int]:
    """The tree's modules that `module` imports (anywhere in the file) -> the first line doing so."""
    found: dict[str, int] = {}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # "from pkg import mod" imports the module pkg.mod; "from mod import name" the module mod
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:  # "import a.b.c" of a name inside a module: the module
                name = name.rpartition(".")[0]
            if name and name != module:
                found.setdefault(name, node.lineno)
    return found


def import_graph(root: Path) -> tuple[dict[str, Path], dict[str, dict[str, int]]]:
    modules = find_modules(root)
    return modules, {m: imports_of(m, p, modules) for m, p in modules.items()}


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Every group of modules that import each other round a circle (Tarjan's strongly connected
    components of two or more modules), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph) + 100))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def import_problems(root: Path, layers=LAYERS) -> list[str]:
    """One line per module without a layer, per import from a layer above, per circle of imports."""
    modules, graph = import_graph(root)
    problems = [f"{m} ({modules[m].relative_to(root)}) has no layer: add it to LAYERS in tests/test_layers.py"
                for m in modules if layer_of(m, layers) is None]
    for module, targets in sorted(graph.items()):
        own = layer_of(module, layers)
        for target, line in sorted(targets.items()):
            theirs = layer_of(target, layers)
            if own is not None and theirs is not None and theirs > own:
                problems.append(f"{module} (layer {layers[own][0]}) imports {target} (layer {layers[theirs][0]}, "
                                f"above it) at {modules[module].relative_to(root)}:{line}")
    for group in cycles(graph):
        edges = [f"{a} -> {b} (line {graph[a][b]})" for a in group for b in group if b in graph[a]]
        problems.append(f"modules importing each other: {', '.join(group)}: {'; '.join(edges)}")
    return problems


# -- tests ------------------------------------------------------------------------------------------

def test_the_tree_imports_only_downwards_and_in_no_circle():
    assert import_problems(ROOT) == []


def test_the_check_sees_the_real_packages():
    modules, graph = import_graph(ROOT)
    assert {"schemas.errors", "extractors.time.atoms", "pipeline.readers.page_layout", "planscope_cli",
            "serve.app", "warehouse.store", "checking.run"} <= set(modules)
    assert "tests.conftest" not in modules and not any(m.startswith("bench") for m in modules)
    # the circles the layout broke: each side now imports the shared module, not the other side
    assert "extractors.time.atoms" in graph["extractors.time.timex"] and "extractors.time.atoms" in graph["extractors.time.dates"]
    assert "extractors.time.dates" not in graph["extractors.time.timex"]
    assert "pipeline.readers.pdf_reader" not in graph["pipeline.readers.ocr"]
    assert "pipeline.readers.page_layout" in graph["pipeline.readers.ocr"]
    assert layer_of("extractors.structure") == [n for n, _ in LAYERS].index("document")
    assert layer_of("pipeline.readers.ocr") < layer_of("extractors.entities.nlp") < layer_of("pipeline.runner")


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


TINY_LAYERS = [("low", ("low",)), ("high", ("high",))]


def test_a_planted_upward_import_in_a_tiny_tree_is_caught(tmp_path):
    tree = _write(tmp_path, {
        "low/__init__.py": "",
        "low/shapes.py": "X = 1\n",
        "low/rules.py": "from low.shapes import X\n\ndef f():\n    from high.app import run  # lazy, still upward\n    return run\n",
        "high/__init__.py": "",
        "high/app.py": "from low import shapes\nfrom .util import helper\n\ndef run():\n    return shapes.X\n",
        "high/util.py": "def helper():\n    pass\n",
    })
    assert import_problems(tree, TINY_LAYERS) == [
        "low.rules (layer low) imports high.app (layer high, above it) at low/rules.py:4"]
    (tree / "low/rules.py").write_text("from low.shapes import X\n", encoding="utf-8")
    assert import_problems(tree, TINY_LAYERS) == []


def test_modules_importing_each_other_are_caught_directly_and_round_a_circle(tmp_path):
    tree = _write(tmp_path, {
        "low/__init__.py": "",
        "low/a.py": "from low import b\n",
        "low/b.py": "def f():\n    from . import a\n",
        "low/c.py": "import low.d\n",
        "low/d.py": "from low.e import thing\n",
        "low/e.py": "import low.c as c\nthing = 1\n",
    })
    assert import_problems(tree, [("low", ("low",))]) == [
        "modules importing each other: low.a, low.b: low.a -> low.b (line 1); low.b -> low.a (line 2)",
        "modules importing each other: low.c, low.d, low.e: low.c -> low.d (line 1); low.d -> low.e (line 1); "
        "low.e -> low.c (line 1)",
    ]


def test_a_module_without_a_layer_is_named(tmp_path):
    tree = _write(tmp_path, {"low/__init__.py": "", "newpkg/__init__.py": "", "newpkg/thing.py": "import low\n"})
    assert import_problems(tree, [("low", ("low",))]) == [
        "newpkg (newpkg/__init__.py) has no layer: add it to LAYERS in tests/test_layers.py",
        "newpkg.thing (newpkg/thing.py) has no layer: add it to LAYERS in tests/test_layers.py",
    ]


def test_an_upward_import_planted_in_a_copy_of_the_real_tree_is_caught(tmp_path):
    modules = find_modules(ROOT)
    for path in modules.values():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    assert import_problems(tmp_path) == []
    records = tmp_path / "schemas" / "records.py"
    records.write_text(records.read_text(encoding="utf-8") + "\n\ndef _planted():\n    import serve.cache\n",
                       encoding="utf-8")
    problems = import_problems(tmp_path)
    assert len(problems) == 1 and problems[0].startswith(
        "schemas.records (layer schemas) imports serve.cache (layer serve, above it) at schemas/records.py:"), problems

if __name__ == "__main__":
    found = import_problems(ROOT)
    print("\n".join(found) or "no upward imports, no circles")
    sys.exit(1 if found else 0)
