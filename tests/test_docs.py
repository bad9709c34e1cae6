"""The modding reference is generated from the plugins and must be current; its examples must be valid."""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import pytest
import yaml

from gaiko_game.core.plugins import CONDITIONS, EFFECTS
from gaiko_game.scenario import params
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.docs import reference
from gaiko_game.scenario.yamlsafe import Document

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "modding" / "reference.md"


def test_reference_is_up_to_date() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference(), "run 'gaiko docs' and commit the result"


def test_every_plugin_is_documented() -> None:
    text = reference()
    for name in [*CONDITIONS, *EFFECTS]:
        assert f"### `{name}`" in text


@pytest.mark.parametrize("name,cls", [*sorted(CONDITIONS.items()), *sorted(EFFECTS.items())])
def test_yaml_usage_examples_are_valid(name: str, cls: type) -> None:
    doc = inspect.getdoc(cls) or ""
    assert "YAML usage:" in doc, f"{name} has no YAML usage example"
    example = yaml.safe_load(textwrap.dedent(doc.split("YAML usage:", 1)[1]))
    checker = Checker()
    env = params.Env(Document("example", example), checker, [], target_ok=True)
    build = params.conditions if name in CONDITIONS and cls is CONDITIONS[name] else params.effects
    built = build(example, env, ())
    assert checker.diagnostics == [] and len(built) == len(example)
