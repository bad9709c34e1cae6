"""The layers, proved on the import graph: core → scenario → session → present → (lab, classroom, printkit) → ui, cli.

Each module may import only its own layer and the layers before it; third-party libraries live in
the one layer that needs them (pygame in ``ui``, YAML and pydantic in ``scenario``, numpy in
``session``); and nothing in the code names the default scenario's country.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

import gaiko_game

PACKAGE = Path(gaiko_game.__file__).parent
ORDER = [("core",), ("scenario",), ("session",), ("present",), ("lab", "classroom", "printkit"), ("ui", "cli")]
RANK = {layer: i for i, group in enumerate(ORDER) for layer in group}
THIRD_PARTY = {"pygame": {"ui"}, "pygame_gui": set(), "yaml": {"scenario"}, "pydantic": {"scenario"},
               "numpy": {"session"}, "platformdirs": {"session", "ui"}, "matplotlib": {"lab"}, "dask": {"lab"},
               "distributed": {"lab"}, "ray": {"lab"},
               "starlette": {"classroom"}, "uvicorn": {"classroom", "cli"}, "segno": {"classroom", "cli"},
               "websockets": {"classroom"}, "fpdf": {"printkit"}, "watchfiles": {"ui"}}
LAZY_IMPORTS_ALLOWED = {"cli/main.py", "cli/entry.py"}
"""The command line imports each subcommand when it runs, so `gaiko validate` never loads pygame; the entry point
imports the command line inside its Ctrl-C guard."""


def modules() -> list[tuple[str, str, ast.Module]]:
    """(path relative to the package, layer, tree) for every module."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        layer = rel.parts[0] if len(rel.parts) > 1 else ""
        out.append((str(rel), layer, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def imported(tree: ast.Module) -> list[tuple[str, ast.stmt]]:
    """Every module an import statement names, with the statement."""
    found: list[tuple[str, ast.stmt]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node))
    return found


def test_every_package_module_belongs_to_a_known_layer() -> None:
    assert {layer for _, layer, _ in modules()} - {""} <= set(RANK)


def test_each_layer_imports_only_itself_and_the_layers_before_it() -> None:
    wrong = []
    for rel, layer, tree in modules():
        for name, _ in imported(tree):
            parts = name.split(".")
            if parts[0] != "gaiko_game" or len(parts) < 2 or parts[1] not in RANK or not layer:
                continue
            target = parts[1]
            if RANK[target] > RANK[layer] or (layer == "ui" and target == "cli"):
                wrong.append(f"{rel} imports {name}")
    assert wrong == []


def test_third_party_libraries_stay_in_their_layer() -> None:
    wrong = []
    for rel, layer, tree in modules():
        for name, _ in imported(tree):
            root = name.split(".")[0]
            if root in THIRD_PARTY and layer not in THIRD_PARTY[root]:
                wrong.append(f"{rel} imports {name}")
    assert wrong == []


def test_no_module_imports_the_game_inside_a_function_to_dodge_a_cycle() -> None:
    lazy = []
    for rel, _, tree in modules():
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for name, _ in imported(ast.Module(body=fn.body, type_ignores=[])):
                    if name.startswith("gaiko_game") and rel not in LAZY_IMPORTS_ALLOWED:
                        lazy.append(f"{rel}:{fn.name} imports {name}")
    assert lazy == []


def test_importing_core_loads_no_forbidden_module() -> None:
    code = ("import sys, gaiko_game.core; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pygame', 'yaml', 'pydantic', 'numpy'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def code_tokens() -> list[tuple[str, int, str]]:
    """(file, line, text) of every name and string in the package (comments left out)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if tok.type in (tokenize.NAME, tokenize.STRING):
                out.append((str(path.relative_to(PACKAGE)), tok.start[0], tok.string))
    return out


@pytest.mark.parametrize("word", ["japan", "tokyo", "northern territories"])
def test_no_code_names_the_default_scenarios_country(word: str) -> None:
    """The player, its capital and its disputed areas come from scenario.yaml, not from code or its docs."""
    pattern = re.compile(rf"\b{word.replace(' ', '[ _]')}\b", re.I)
    assert [f"{f}:{line}" for f, line, text in code_tokens() if pattern.search(text)] == []


def test_no_code_reads_a_meter_by_its_id() -> None:
    """Meters are the scenario's: no string in the code is a meter's id or key (examples in docstrings aside)."""
    literal = re.compile(r"""^[rbuf]*(['"])(meter\.)?(security|prosperity|autonomy)\1$""")
    assert [f"{f}:{line}: {text}" for f, line, text in code_tokens() if literal.match(text)] == []
