"""The editor schemas accept every shipped file, reject typical mistakes where the validator does, and stay current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import gaiko_game.core  # noqa: F401  (registers the plugins)
from gaiko_game.core.plugins import CONDITIONS, EFFECTS
from gaiko_game.scenario import editorschema
from gaiko_game.scenario.bundled import bundled, strategies_root
from gaiko_game.scenario.loader import load
from gaiko_game.scenario.manifest import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "modding" / "schema"
BAD = ROOT / "tests" / "bad"
FIXTURES = [ROOT / "tests" / "fixtures" / n for n in ("eventlab", "mini", "northern_watch", "world")]
VALIDATORS = {k: jsonschema.Draft7Validator(editorschema.build(k)) for k in editorschema.KINDS}


def files_by_kind(folder: Path) -> list[tuple[str, Path]]:
    """Every YAML file a scenario folder's scenario.yaml makes the loader read, with its kind."""
    data = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    layer = "extends" in data
    listed = data.get("files", {})
    out = [("scenario", folder / "scenario.yaml")]
    for kind, default in (("actors", ["actors.yaml"]), ("actions", ["actions.yaml"]), ("rules", ["rules.yaml"]),
                          ("agendas", [])):
        out += [(kind, folder / rel) for rel in listed.get(kind, [] if layer else default)]
    events = listed.get("events")
    out += [("events", p) for p in ([folder / r for r in events] if events is not None
                                    else sorted((folder / "events").glob("*.yaml")))]
    loc = listed.get("loc", {} if layer else {"ja": ["loc/ja.yaml"], "en": ["loc/en.yaml"]})
    out += [("loc", folder / r) for rels in loc.values() for r in rels]
    if (folder / "tests.yaml").is_file():
        out.append(("tests", folder / "tests.yaml"))
    return out + [("strategy", p) for p in sorted((folder / "strategies").glob("*.yaml"))]


def errors(kind: str, data: Any) -> list[tuple[list[Any], str]]:
    """(path, failing keyword) of every schema error, sorted."""
    return sorted(((list(e.absolute_path), str(e.validator)) for e in VALIDATORS[kind].iter_errors(data)), key=str)


def shipped_files() -> list[tuple[str, Path]]:
    clean = [f for f in FIXTURES if load(f).ok]
    return [kf for folder in [*bundled(), *clean] for kf in files_by_kind(folder)] + [
        ("strategy", p) for p in sorted(strategies_root().glob("*.yaml"))]


def test_every_shipped_and_clean_fixture_file_is_covered() -> None:
    files = shipped_files()
    kinds = {k for k, _ in files}
    assert kinds == set(editorschema.KINDS) - {"mod"}  # no scenario ships as a mod: the manifest has its own test
    assert len(bundled()) == 4 and sum(k == "strategy" for k, _ in files) == 8


@pytest.mark.parametrize("kind,path", shipped_files(), ids=lambda x: str(x).rsplit("gaiko", 1)[-1][-60:])
def test_the_schema_accepts_every_shipped_file(kind: str, path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert errors(kind, data) == []


def _bad(case: str, name: str) -> Any:
    return yaml.safe_load((BAD / case / name).read_text(encoding="utf-8"))


def test_a_misspelt_condition_is_marked_at_its_list_entry() -> None:
    assert errors("rules", _bad("unknown_condition", "rules.yaml")) == [([1, "when", 0], "additionalProperties")]


def test_a_misspelt_effect_is_marked() -> None:
    action = {"id": "a", "category": "c", "cost": 1, "effects": [{"metre": {"id": "x", "by": 1}}]}
    assert errors("actions", [action]) == [([0, "effects", 0], "additionalProperties")]


def test_a_quoted_number_is_a_wrong_type() -> None:
    assert errors("actions", _bad("wrong_type", "actions.yaml")) == [([0, "cost"], "type")]


def test_a_wrong_parameter_type_inside_an_effect_is_marked() -> None:
    action = {"id": "a", "category": "c", "cost": 1, "effects": [{"relation": {"actor": "china", "by": "-3"}}]}
    assert errors("actions", [action]) == [([0, "effects", 0, "relation", "by"], "type")]


def test_an_unknown_key_in_an_action_is_marked() -> None:
    assert errors("actions", _bad("unknown_key", "actions.yaml")) == [([0], "additionalProperties")]


def test_out_of_range_values_are_marked() -> None:
    assert errors("actions", _bad("out_of_range", "actions.yaml")) == [([0, "effects", 0, "meter", "by"], "maximum"),
                                                                         ([2, "odds"], "anyOf")]


def test_an_unknown_meter_icon_is_marked() -> None:
    assert errors("scenario", _bad("unknown_meter_icon", "scenario.yaml")) == [(["meters", 1, "icon"], "enum")]


def test_a_missing_required_key_is_marked() -> None:
    data = yaml.safe_load((ROOT / "scenarios" / "tutorial" / "scenario.yaml").read_text(encoding="utf-8"))
    del data["player"]
    assert errors("scenario", data) == [([], "required")]
    assert errors("events", [{"id": "e", "choices": [{"cost": 1}]}]) == [([0, "choices", 0], "required")]


def test_a_range_condition_needs_min_or_max() -> None:
    rule = {"id": "r", "when": [{"relation": {"actor": "china"}}], "effects": []}
    assert errors("rules", [rule]) == [([0, "when", 0, "relation"], "anyOf")]


def test_an_unknown_top_level_key_is_marked_in_a_scenario_and_in_a_layer() -> None:
    data = yaml.safe_load((ROOT / "scenarios" / "tutorial" / "scenario.yaml").read_text(encoding="utf-8"))
    assert errors("scenario", {**data, "playr": {}}) == [([], "additionalProperties")]
    assert errors("scenario", {"extends": "indo_pacific_2025", "playr": {}}) == [([], "additionalProperties")]


def test_a_layer_needs_only_what_it_changes() -> None:
    assert errors("scenario", {"extends": "indo_pacific_2025", "remove": {"actions": ["quad_summit"]},
                               "ratings": [{"id": "x", "min_score": 0}]}) == []
    assert errors("scenario", {"extends": "indo_pacific_2025", "remove": {"moves": []}}) == [
        (["remove"], "additionalProperties")]


def test_a_strategy_rule_must_name_exactly_one_kind_of_move() -> None:
    base = {"id": "s", "format": 1}
    assert errors("strategy", {**base, "rules": [{"role": "partners", "action": "quad_summit"}]}) == [
        (["rules", 0], "oneOf")]
    assert errors("strategy", {**base, "rules": [{"per_turn": 1}]}) == [(["rules", 0], "oneOf")]
    assert errors("strategy", {**base, "rules": [{"tag": "us", "target": "india"}]}) == [(["rules", 0], "dependencies")]
    assert errors("strategy", {**base, "rules": [{"role": "allies"}]}) == [(["rules", 0, "role"], "anyOf")]
    assert errors("strategy", {**base, "rules": [{"role": "partners", "roles": []}]}) == []


def test_a_scenario_test_must_state_exactly_one_measure() -> None:
    assert errors("tests", {"format": 1, "tests": [{"id": "t", "beats": "hedge", "fires": "g7"}]}) == [
        (["tests", 0], "oneOf")]


def test_every_plugin_and_parameter_has_a_described_entry() -> None:
    actions = editorschema.build("actions")["definitions"]
    for table, entry in ((CONDITIONS, "condition"), (EFFECTS, "effect")):
        kinds = actions[entry]["properties"]
        assert set(kinds) == set(table)
        assert all(k["description"] and "```yaml" in k["markdownDescription"] for k in kinds.values())
    relation = actions["condition"]["properties"]["relation"]
    assert relation["required"] == ["actor"] and set(relation["properties"]) == {"min", "max", "actor"}
    assert relation["properties"]["actor"]["description"] == "an actor id, or `target` for the action's chosen target"
    dependency = actions["effect"]["properties"]["dependency"]["properties"]
    assert set(dependency) == {"delay", "by", "over", "kind", "to", "from"}
    assert (dependency["by"]["minimum"], dependency["by"]["maximum"]) == (1, 100)


def test_the_schemas_are_draft_07_without_later_keywords() -> None:
    later = {"$defs", "prefixItems", "unevaluatedProperties", "dependentRequired", "dependentSchemas", "$anchor"}
    for kind in editorschema.KINDS:
        doc = editorschema.build(kind)
        jsonschema.Draft7Validator.check_schema(doc)
        assert doc["$schema"] == "http://json-schema.org/draft-07/schema#"
        text = editorschema.render(kind)
        assert [k for k in later if f'"{k}"' in text] == []
        assert '"$ref"' not in json.dumps([n for n in _nodes(doc) if "$ref" in n and len(n) > 1])


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node] + [n for v in node.values() for n in _nodes(v)]
    return [n for v in node for n in _nodes(v)] if isinstance(node, list) else []


def test_the_manifest_schema_takes_either_spelling_of_licence_once() -> None:
    manifest = yaml.safe_load(EXAMPLE)
    assert errors("mod", manifest) == []
    american = {("license" if k == "licence" else k): v for k, v in manifest.items()}
    assert errors("mod", american) == []
    assert errors("mod", {**manifest, "license": "MIT"}) == [([], "oneOf")]
    assert errors("mod", {k: v for k, v in manifest.items() if k != "licence"}) == [([], "oneOf")]
    assert errors("mod", {**manifest, "version": "one"}) == [(["version"], "pattern")]
    assert errors("mod", {**manifest, "name": {"en": "Only English"}}) == [(["name"], "required")]


def test_write_schemas_writes_one_file_per_kind(tmp_path: Path) -> None:
    written = editorschema.write_schemas(tmp_path / "new" / ".schema")
    assert [p.name for p in written] == ["scenario.schema.json", "actors.schema.json", "actions.schema.json",
                                         "rules.schema.json", "agendas.schema.json", "events.schema.json",
                                         "loc.schema.json", "tests.schema.json", "strategy.schema.json",
                                         "mod.schema.json"]
    assert editorschema.stale(tmp_path / "new" / ".schema") == []


def test_schema_header_points_at_the_kinds_file() -> None:
    assert editorschema.schema_header("actions", ".schema") == "# yaml-language-server: $schema=.schema/actions.schema.json"
    assert editorschema.schema_header("events", "../.schema/") == \
        "# yaml-language-server: $schema=../.schema/events.schema.json"
    with pytest.raises(ValueError, match="no schema kind 'action'"):
        editorschema.schema_header("action", ".schema")


def test_the_committed_schemas_are_current() -> None:
    assert editorschema.stale(COMMITTED) == [], "run 'gaiko schema --out docs/modding/schema' and commit the result"


def _gaiko(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gaiko_game", *args], capture_output=True, text=True, cwd=cwd,
                          env={"LANG": "en_GB.UTF-8", "PATH": "/usr/bin:/bin"})


def test_gaiko_schema_check_passes_on_the_committed_copy_and_fails_on_a_stale_one(tmp_path: Path) -> None:
    assert _gaiko("schema", "--out", str(COMMITTED), "--check").returncode == 0
    editorschema.write_schemas(tmp_path)
    (tmp_path / "rules.schema.json").write_text("{}", encoding="utf-8")
    run = _gaiko("schema", "--out", str(tmp_path), "--check")
    assert run.returncode == 1
    assert run.stderr == (f"gaiko schema: the schemas in {tmp_path} are out of date or missing (rules.schema.json); "
                          f"run 'gaiko schema --out {tmp_path}'\n")


def test_gaiko_schema_writes_into_dot_schema_here_in_the_users_language(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "gaiko_game", "schema", "--lang", "ja"], capture_output=True,
                         text=True, cwd=tmp_path)
    assert run.returncode == 0 and run.stdout.startswith("10個のスキーマを .schema に書きました。")
    assert "  # yaml-language-server: $schema=.schema/actions.schema.json\n" in run.stdout
    assert sorted(p.name for p in (tmp_path / ".schema").iterdir())[0] == "actions.schema.json"


def test_gaiko_schema_refuses_a_file_as_its_folder_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    run = _gaiko("schema", "--out", str(target))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr == f"gaiko schema: {target} is a file, not a folder; choose a folder with --out\n"
    assert target.read_text(encoding="utf-8") == "mine"
