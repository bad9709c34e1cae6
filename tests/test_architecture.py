"""The core stays pure: no pygame, pygame_gui, yaml or pydantic, checked two ways."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import gaiko_game.core

FORBIDDEN = {"pygame", "pygame_gui", "yaml", "pydantic"}
CORE = Path(gaiko_game.core.__file__).parent


def test_core_source_imports_nothing_forbidden() -> None:
    found = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert found == []


def test_importing_core_loads_no_forbidden_module() -> None:
    code = (
        "import sys, gaiko_game.core; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(FORBIDDEN)!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_only_ui_may_import_pygame() -> None:
    package = CORE.parent
    offenders = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "ui" not in p.relative_to(package).parts and "import pygame" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_core_is_fully_typed() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(CORE)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_whole_package_type_checks() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary",
                          str(CORE.parent)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
