"""The modding reference is generated from the plugins and must be current; its examples must be valid."""

from __future__ import annotations

import importlib.util
import inspect
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from gaiko_game.core.plugins import CONDITIONS, EFFECTS
from gaiko_game.scenario import params
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.docs import reference
from gaiko_game.scenario.expectations import bind_tests, read_tests
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.strategyfile import bind, read_strategy
from gaiko_game.scenario.yamlsafe import Document
from gaiko_game.session.players import player_names

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


def _yaml_block(after: str) -> str:
    """The first ```yaml block after a heading of the reference."""
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index("```yaml\n", text.index(after)) + len("```yaml\n")
    return text[start:text.index("```", start)]


def test_the_strategy_file_example_runs_on_the_default_scenario(tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(_yaml_block("## Strategy files"), encoding="utf-8")
    file = read_strategy(path)
    sc = load(ROOT / "scenarios" / "indo_pacific_2025").scenario
    assert sc is not None and file.ok
    assert file.diagnostics + bind(file, sc) == []


def test_the_tests_yaml_example_reads_and_binds(tmp_path: Path) -> None:
    (tmp_path / "tests.yaml").write_text(_yaml_block("## Scenario tests"), encoding="utf-8")
    file = read_tests(tmp_path)
    sc = load(ROOT / "scenarios" / "indo_pacific_2025").scenario
    assert sc is not None and len(file.tests) == 3
    assert file.diagnostics + bind_tests(file, sc, player_names()) == []


def test_the_readme_examples_run(tmp_path: Path) -> None:
    """The README's strategy file and tests.yaml examples are valid on the default scenario."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```yaml\n")[1:]]
    strategy = next(b for b in blocks if b.startswith("# strategies/"))
    tests = next(b for b in blocks if b.startswith("format: 1\ntests:"))
    sc = load(ROOT / "scenarios" / "indo_pacific_2025").scenario
    assert sc is not None
    (tmp_path / "s.yaml").write_text(strategy, encoding="utf-8")
    file = read_strategy(tmp_path / "s.yaml")
    assert file.ok and file.diagnostics + bind(file, sc) == []
    (tmp_path / "tests.yaml").write_text(tests, encoding="utf-8")
    found = read_tests(tmp_path)
    assert len(found.tests) == 6 and found.diagnostics + bind_tests(found, sc, player_names()) == []


def test_the_readmes_lab_tables_are_generated_from_the_committed_lab_report() -> None:
    """Not typed by hand: the README holds exactly what tools/lab_table.py makes of docs/lab/'s report."""
    spec = importlib.util.spec_from_file_location("lab_table", ROOT / "tools" / "lab_table.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    data = json.loads((ROOT / "docs" / "lab" / "indo_pacific_2025.json").read_text(encoding="utf-8"))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text[text.index(tool.START) + len(tool.START):text.index(tool.END)].strip()
    assert shown == tool.section(data, "en")
    assert data["settings"]["seeds"] >= 500 and data["settings"]["difficulty"] == "standard"
    assert all(v["pass"] for v in data["verdict"]), [v["id"] for v in data["verdict"] if not v["pass"]]
    assert {p["id"] for p in data["players"]} >= {"random", "hedge", "lookahead", "search", "do_nothing"}


def _blocks() -> list[tuple[str, Any, Any]]:
    """(example kind, block, the document it belongs to) for every table of the reference's file sections."""
    from gaiko_game.scenario.docs import _FILE_ROOTS
    from gaiko_game.scenario.editorschema import build
    from gaiko_game.scenario.refblocks import walk

    out, shown = [], {}
    for kind, title, root, each in _FILE_ROOTS:
        doc = build("scenario" if kind in ("scenario", "layer") else kind)
        out += [(kind, b, doc) for b in walk(doc, doc["definitions"][root], title, each, shown)]
    for kind, title in (("strategy", "strategies/*.yaml"), ("tests", "tests.yaml")):
        doc = build(kind)
        out += [(kind, b, doc) for b in walk({"definitions": {"r": doc, **doc["definitions"]}}, doc, title)]
    return out


def test_every_block_of_every_file_has_a_table_and_a_shipped_example_that_validates() -> None:
    import jsonschema

    from gaiko_game.scenario.refexamples import find

    blocks = _blocks()
    titles = [b.title for _, b, _ in blocks]
    assert len(titles) == len(set(titles)) == 48
    assert {"scenario.yaml: player", "scenario.yaml: classroom.presets", "scenario.yaml: files",
            "scenario.yaml: diversification.capability", "scenario.yaml of a layer: remove",
            "events/*.yaml: choices.follow_up", "strategies/*.yaml: rules", "tests.yaml: tests"} <= set(titles)
    text = reference()
    for kind, block, doc in blocks:
        assert f"### `{block.title}`" in text
        example = find(kind, block.path, block.each)
        assert example is not None, block.title
        node = {**block.node, "definitions": doc["definitions"]}
        values = example.value if block.each else [example.value]
        if block.path == ():  # a file's root shows only its plain keys: check those
            node = {**node, "required": []}
        for value in values:
            assert list(jsonschema.Draft7Validator(node).iter_errors(value)) == [], block.title


def test_no_section_says_see_below_without_a_section_below() -> None:
    assert "see below" not in reference()
