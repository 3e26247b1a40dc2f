"""An import inside a function is there for start-up speed only, and says so: a
``# deferred: <why>`` comment on it or on the lines just above. An import placed in a
function to dodge a cycle would break the layer contracts anyway (``lint-imports``)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("grappe", "graph", "ingest", "nlp", "web")


def _function_imports(tree: ast.AST) -> list[int]:
    lines = []
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            lines += [n.lineno for n in ast.walk(func) if isinstance(n, ast.Import | ast.ImportFrom)]
    return sorted(set(lines))


def _explained(source: list[str], lineno: int) -> bool:
    i = lineno - 1
    if "deferred" in source[i]:
        return True
    i -= 1
    while i >= 0 and source[i].strip().startswith(("#", "from ", "import ")):
        if "deferred" in source[i]:
            return True
        i -= 1
    return False


def test_every_import_inside_a_function_says_why() -> None:
    missing = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            source = text.splitlines()
            for lineno in _function_imports(ast.parse(text)):
                if not _explained(source, lineno):
                    missing.append(f"{path.relative_to(ROOT)}:{lineno}: {source[lineno - 1].strip()}")
    assert not missing, "imports inside functions without a '# deferred: why' comment:\n" + "\n".join(missing)
