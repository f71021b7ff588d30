"""The import graph of src/armswatch: no cycle, the layers lexicons -> nlp -> extraction stages -> engine, no
function-local import of an armswatch module in the low layers, and every module importable on its own.

The graph is read from the source (the AST of every module), not from what happens to be imported at run time:
an import inside a function counts as an edge too (it is a dependency all the same), an import under
`if TYPE_CHECKING:` does not (it is for annotations only).
"""
from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "armswatch"

# Packages whose modules may not import an armswatch module inside a function (a dodged cycle is still a cycle).
NO_LOCAL_IMPORTS = ("armswatch.lexicons", "armswatch.nlp", "armswatch.extraction", "armswatch.prefilter")
# What the prefilter may read of the extraction: its data APIs, not the engine nor the stages.
PREFILTER_MAY_READ = {"armswatch.extraction", "armswatch.extraction.vocab", "armswatch.extraction.rules"}
ENGINE = "armswatch.extraction.engine"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    local: bool  # inside a function body

    def __str__(self) -> str:
        return f"{module_path(self.source)}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def module_path(name: str) -> str:
    return str(modules()[name].relative_to(SRC.parent))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(node: ast.AST, local: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement under `node` with whether it runs inside a function; `if TYPE_CHECKING:` skipped."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, local
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports(ast.Module(body=[other], type_ignores=[]), local)
        else:
            inner = local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _imports(child, inner)


def _resolve(name: str) -> str | None:
    """The module of the package `name` lives in (a name imported from a module resolves to the module)."""
    known = modules()
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _targets(statement: ast.Import | ast.ImportFrom, source: str) -> list[str]:
    if isinstance(statement, ast.Import):
        return [alias.name for alias in statement.names]
    base = statement.module or ""
    if statement.level:
        package = source if modules()[source].name == "__init__.py" else source.rpartition(".")[0]
        for _ in range(statement.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    known = modules()
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in statement.names]


@cache
def edges() -> tuple[Edge, ...]:
    found: dict[Edge, None] = {}  # one edge per statement and target, in source order
    for source, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for statement, local in _imports(tree):
            for name in _targets(statement, source):
                target = _resolve(name) if name.split(".")[0] == "armswatch" else None
                if target and target != source:
                    found[Edge(source, target, statement.lineno, local)] = None
    return tuple(found)


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(modules())
    for e in edges():
        g.add_edge(e.source, e.target)
    return g


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _describe_cycle(g: nx.DiGraph, members: set[str]) -> str:
    cycle = nx.find_cycle(g.subgraph(members))
    steps = [a for a, _ in cycle] + [cycle[0][0]]
    where = {(e.source, e.target): e for e in edges()}
    lines = [" -> ".join(steps)] + [f"    {where[a, b]}" for a, b in cycle]
    if len(members) > len(cycle):
        lines.append(f"    (strongly connected: {', '.join(sorted(members))})")
    return "\n".join(lines)


def test_the_walk_sees_module_level_and_function_level_imports_but_not_type_checking_ones():
    tree = ast.parse(
        "import a\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import b\nelse:\n    import c\n"
        "def f():\n    import d\n"
        "class K:\n    def m(self):\n        if x:\n            from e import y\n"
    )
    seen = {(s.names[0].name if isinstance(s, ast.Import) else s.module, local) for s, local in _imports(tree)}
    assert seen == {("a", False), ("typing", False), ("c", False), ("d", True), ("e", True)}


def test_the_graph_knows_the_package():
    assert ENGINE in modules() and "armswatch.lexicons.actors" in modules()
    targets = {e.target for e in edges() if e.source == "armswatch.lexicons.actors"}
    assert "armswatch.lexicons._actors_load" in targets


def test_no_import_cycle():
    g = graph()
    cycles = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert not cycles, "import cycles in src/armswatch:\n" + "\n".join(_describe_cycle(g, c) for c in cycles)


def _reaching(g: nx.DiGraph, package: str) -> set[str]:
    """Every module the modules of `package` import, directly or not."""
    out: set[str] = set()
    for m in g.nodes:
        if _in(m, package):
            out |= nx.descendants(g, m)
    return out


@pytest.mark.parametrize(("lower", "higher"), [
    ("armswatch.lexicons", "armswatch.nlp"),
    ("armswatch.lexicons", "armswatch.extraction"),
    ("armswatch.nlp", "armswatch.extraction"),
])
def test_a_lower_layer_reaches_no_higher_one(lower, higher):
    bad = [str(e) for e in edges() if _in(e.source, lower) and _in(e.target, higher)]
    assert not bad, f"{lower} imports {higher}:\n" + "\n".join(bad)
    reached = sorted(m for m in _reaching(graph(), lower) if _in(m, higher))
    assert not reached, f"{lower} reaches {higher} through other modules: {', '.join(reached)}"


def test_no_extraction_stage_imports_the_engine():
    bad = [str(e) for e in edges()
           if e.target == ENGINE and _in(e.source, "armswatch.extraction") and e.source != ENGINE]
    assert not bad, "extraction stages import the engine:\n" + "\n".join(bad)


def test_the_prefilter_reads_only_the_extraction_data_apis():
    bad = [str(e) for e in edges() if _in(e.source, "armswatch.prefilter")
           and _in(e.target, "armswatch.extraction") and e.target not in PREFILTER_MAY_READ]
    assert not bad, "the prefilter imports extraction beyond vocab/rules:\n" + "\n".join(bad)
    assert ENGINE not in _reaching(graph(), "armswatch.prefilter")


@pytest.mark.parametrize("package", NO_LOCAL_IMPORTS)
def test_no_function_local_import_of_armswatch_in_the_low_layers(package):
    bad = [str(e) for e in edges() if e.local and _in(e.source, package)]
    assert not bad, f"function-local imports of armswatch modules in {package}:\n" + "\n".join(bad)


# -- every module on its own ---------------------------------------------------------------------------------------
# A fresh interpreter per module is slow here (about 0.8 s each, mostly spaCy and SQLAlchemy), so the children are
# forked from a server process that has imported those third-party libraries and nothing of armswatch: each child
# imports one armswatch module into an empty armswatch state, which is what "on its own" has to mean.
PRELOAD = ["spacy", "spacy.language", "spacy.tokens", "spacy.matcher", "sqlalchemy", "sqlalchemy.orm", "httpx",
           "yaml", "trafilatura", "lxml.html", "dateparser", "datasketch", "networkx", "typer", "fastapi"]
WORKERS = 4


def _import_alone(module: str) -> tuple[str, str]:
    """(module, what went wrong): an exception, a warning, or output printed while importing; "" if none."""
    import contextlib
    import importlib
    import io
    import traceback
    import warnings

    if sys.path[:1] != [str(SRC)]:
        sys.path.insert(0, str(SRC))
    assert not any(name.split(".")[0] == "armswatch" for name in sys.modules), "armswatch preloaded"
    out = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(out):
        try:
            importlib.import_module(module)
        except BaseException:  # noqa: BLE001  (SystemExit too: the report names whatever stopped the import)
            return module, traceback.format_exc(limit=-3)
    problems = [f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught]
    if out.getvalue().strip():
        problems.append(f"printed: {out.getvalue().strip()[:500]}")
    if modules()[module].resolve() != Path(sys.modules[module].__file__).resolve():
        problems.append(f"imported {sys.modules[module].__file__}, not {modules()[module]}")
    return module, "\n".join(problems)


def test_every_module_imports_on_its_own():
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    with context.Pool(WORKERS, maxtasksperchild=1) as pool:
        results = pool.map(_import_alone, sorted(modules()), chunksize=1)
    bad = [f"{module}:\n{problem}" for module, problem in results if problem]
    assert not bad, "modules that do not import cleanly on their own:\n" + "\n".join(bad)
