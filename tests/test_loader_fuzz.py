"""Whatever is done to a scenario's files, loading answers with diagnostics, never an exception."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko_game.scenario.loader import load
from gaiko_game.scenario.yamlsafe import parse

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
FILES = sorted(str(p.relative_to(MINI)) for p in MINI.rglob("*.yaml"))
JUNK = st.sampled_from(["", ":", "- ", "{", "]", "&a", "*a", "'", '"', "\t", "null", "- [1, *b]", "é", "0x", "1e999",
                        "~", "!!python/object:os.system", "<<: *x", "? ", "|", "#"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), line=st.integers(0, 200), cut=st.integers(0, 60), junk=JUNK,
       drop=st.booleans())
def test_mangled_files_give_diagnostics_not_exceptions(file: str, line: int, cut: int, junk: str, drop: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "s"
        shutil.copytree(MINI, folder)
        path = folder / file
        lines = path.read_text(encoding="utf-8").splitlines()
        i = line % max(len(lines), 1)
        if lines:
            if drop:
                del lines[i]
            else:
                lines[i] = lines[i][:cut] + junk + lines[i][cut:]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = load(folder)  # the property: this never raises, whatever the damage
        assert all(d.file.startswith(str(folder)) and d.message for d in result.diagnostics)
        assert all(d.line >= 1 for d in result.diagnostics if Path(d.file).is_file())  # located in a real file
        if result.scenario is None:
            assert any(d.is_error for d in result.diagnostics)  # refused only with a reason


def test_binary_garbage_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    (folder / "actions.yaml").write_bytes(b"\xff\xfe\x00garbage")
    result = load(folder)
    assert [d.code for d in result.diagnostics] == ["bad-encoding"]


def test_scenario_file_of_the_wrong_shape(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    (folder / "scenario.yaml").write_text("- just\n- a list\n")
    result = load(folder)
    assert [(d.code, d.line) for d in result.diagnostics] == [("wrong-type", 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("lat: 2025-13-01\n", "f.yaml:1:6: error[yaml-tag]: '2025-13-01' is a YAML 'timestamp', which a scenario does not use"),
    ("a: 2025-01-01\n", "f.yaml:1:4: error[yaml-tag]: '2025-01-01' is a YAML 'timestamp'"),
    ("a: !!timestamp soon\n", "f.yaml:1:4: error[yaml-tag]: 'soon' is a YAML 'timestamp'"),
    ("a: !!int five\n", "f.yaml:1:4: error[bad-number]: 'five' is not a whole number a scenario can use"),
    ("a:\n  b: " + "7" * 5000 + "\n", "f.yaml:2:6: error[bad-number]: '" + "7" * 40 + "…' is not a whole number"),
    ("a: !!float abc\n", "f.yaml:1:4: error[bad-number]: 'abc' is not a number a scenario can use"),
    ("a: !!bool maybe\n", "f.yaml:1:4: error[bad-value]: 'maybe' is not true or false"),
    ("a: !!binary aGVsbG8=\n", "f.yaml:1:4: error[yaml-tag]: 'aGVsbG8=' is a YAML 'binary'"),
    ("a: !!set {x}\n", "f.yaml:1:4: error[yaml-tag]: a YAML 'set' collection is not part of a scenario"),
    ("a: !!python/object:os.system {}\n", "f.yaml:1:4: error[yaml-tag]: a YAML 'python/object:os.system' collection"),
    ('name: "\\e]0;TITLE\\a\\e[2JTutorial"\n',
     "f.yaml:1:7: error[control-character]: text holds the control character U+001B"),
    ('a: "bell\\x07"\n', "f.yaml:1:4: error[control-character]: text holds the control character U+0007"),
])
def test_only_plain_values_make_a_scenario(text: str, expected: str) -> None:
    """The reliability review's tracebacks (dates, !! tags, huge integers) are located errors, before building."""
    doc, diagnostics = parse(text, "f.yaml")
    assert doc is None and len(diagnostics) == 1 and diagnostics[0].format().startswith(expected), diagnostics


def test_plain_values_of_every_kind_still_read() -> None:
    doc, diagnostics = parse("a: 1.5\nb: .inf\nc: 0x1F\nd: 1_000\ne: yes\nf: ~\ng: '2025-13-01'\nh: -3\n", "f.yaml")
    assert diagnostics == [] and doc is not None
    assert doc.data == {"a": 1.5, "b": float("inf"), "c": 31, "d": 1000, "e": True, "f": None, "g": "2025-13-01",
                        "h": -3}


def test_did_you_mean_stays_right_and_compares_few_spellings_among_thousands(monkeypatch: pytest.MonkeyPatch) -> None:
    import difflib

    from gaiko_game.scenario import diagnostics

    choices = [f"event.e{i}.choice.c{j}" for i in range(1000) for j in range(5)]
    pools: list[int] = []
    real = difflib.get_close_matches

    def counted(word: str, pool: list[str], n: int, cutoff: float) -> list[str]:
        pools.append(len(pool))
        return real(word, pool, n=n, cutoff=cutoff)

    monkeypatch.setattr(diagnostics.difflib, "get_close_matches", counted)
    assert diagnostics.did_you_mean("event.e412.choice.c33", choices) == "did you mean 'event.e412.choice.c3'?"
    assert diagnostics.did_you_mean("hegde", ["hedge", "random", "lookahead"]) == "did you mean 'hedge'?"
    assert diagnostics.did_you_mean("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", choices) is None
    assert max(pools) <= 60


def test_a_thousand_unused_texts_cost_fifty_hints_per_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gaiko_game.scenario import crossref

    folder = tmp_path / "typos"
    shutil.copytree(MINI, folder)
    for lang in ("ja", "en"):
        with (folder / "loc" / f"{lang}.yaml").open("a", encoding="utf-8") as f:
            f.writelines(f'event.crisis_a.titel{i}: "x"\n' for i in range(1000))
    asked: list[str] = []
    real = crossref.did_you_mean

    def counted(word: str, choices: set[str]) -> str | None:
        asked.append(word)
        return real(word, choices)

    monkeypatch.setattr(crossref, "did_you_mean", counted)
    result = load(folder)
    unused = [d for d in result.diagnostics if d.code == "unused-text"]
    assert len(unused) == 2000 and len(asked) == 2 * crossref.HINTED_UNUSED
    assert unused[0].hint == "did you mean 'event.crisis_a.title'?" and unused[-1].hint is None


def test_a_chain_of_a_thousand_follow_ups_validates_and_plays(tmp_path: Path) -> None:
    """Once a RecursionError in the validator: a 996-event chain (no loop) loads clean and a game plays through it."""
    from gaiko_game.session.seeding import new_game
    from tests.support import state
    from tests.test_bad_scenarios import BAD

    folder = tmp_path / "chain"
    shutil.copytree(MINI, folder)
    spec = importlib.util.spec_from_file_location("chain", BAD / "follow_up_chain_996" / "make.py")
    assert spec is not None and spec.loader is not None
    chain = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(chain)
    chain.make(folder, loop=False)
    result = load(folder)
    assert result.ok and result.scenario is not None and result.diagnostics == []
    game = new_game(result.scenario, 7)
    state(game).follow_ups = [(2, "link_0", "")]
    while not game.is_over:
        report = game.end_turn()
        while report is None:
            report = game.choose("go" if game.pending_crisis and game.pending_crisis.id.startswith("link_") else
                                 game.default_choice() or "")
    assert [f.event for f in game.fired if f.event.startswith("link_")] == ["link_0", "link_1", "link_2", "link_3",
                                                                           "link_4"]


def test_a_scenario_reads_a_bounded_number_of_files_and_bytes(tmp_path: Path) -> None:
    from gaiko_game.scenario import loader

    folder = tmp_path / "many"
    shutil.copytree(MINI, folder)
    for i in range(loader.MAX_FILES):
        (folder / "events" / f"e{i:03}.yaml").write_text("[]\n")
    result = load(folder)  # 4 files listed, the events glob finds 301: e296 is the 301st
    assert [(Path(d.file).name, d.line, d.code, d.message) for d in result.diagnostics if d.is_error] == [
        ("scenario.yaml", 2, "too-many-files", "a scenario may read at most 300 files; 'events/e296.yaml' is one more")]
    big = tmp_path / "big"
    shutil.copytree(MINI, big)
    rels = []
    for i in range(9):
        (big / f"pad{i}.yaml").write_text("# " + "x" * 990_000 + "\n[]\n")
        rels.append(f"pad{i}.yaml")
    text = (big / "scenario.yaml").read_text() + f"files:\n  rules: [rules.yaml, {', '.join(rels)}]\n"
    (big / "scenario.yaml").write_text(text)
    result = load(big)
    assert [(Path(d.file).name, d.line, d.col, d.code) for d in result.diagnostics if d.is_error] == [
        ("scenario.yaml", 41, 111, "too-large")]  # at the ninth pad: eight fit


def test_too_many_plain_values_are_not_called_an_alias_bomb() -> None:
    _, plain = parse("lat: [" + ",".join(["0"] * 200_001) + "]\n", "x.yaml")
    _, bomb = parse("a: &a [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                    "e: [" + ", ".join(["*d"] * 20) + "]\n", "x.yaml")  # 20 × 11,111 values
    assert [(d.code, d.line, d.col) for d in plain] == [("too-many-values", 1, 6)]
    assert [(d.code, d.line, d.col) for d in bomb] == [("alias-bomb", 5, 4)]


def test_a_number_yaml_reads_as_text_gets_a_hint_that_fits_it(tmp_path: Path) -> None:
    """YAML 1.1 reads 1e3 (no dot) as text whether quoted or not: "remove the quotes" was no help."""
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    actors = folder / "actors.yaml"
    actors.write_text(actors.read_text().replace("lat: 39.9,", "lat: 1e1,"))
    result = load(folder)
    assert [(d.code, d.hint) for d in result.diagnostics] == [
        ("wrong-type", "remove any quotes, and write it with a dot and a signed exponent: 1.0e+1")]


def test_a_file_name_with_a_control_character_found_by_the_events_glob_is_named_not_opened(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    (folder / "events" / "odd\x07.yaml").write_text("[]\n")
    result = load(folder)
    assert [(d.code, d.message) for d in result.diagnostics if d.is_error] == [
        ("bad-path", "the file name 'events/odd\\x07.yaml' holds a control character (a NUL byte, say)")]


def test_a_quoted_value_that_is_right_but_for_its_quotes_is_told_so(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("format: 2", 'format: "2"'))
    assert [(d.code, d.message, d.hint) for d in load(folder).diagnostics] == [
        ("unknown-id", "format: unknown value '2'", "remove the quotes around the value")]


def test_a_null_key_is_named_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(MINI, folder)
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("india: 20}\n  trade", "india: 20, null: 0}\n  trade"))
    assert [(d.code, d.message) for d in load(folder).diagnostics] == [
        ("wrong-type", "dependencies.security.a key null: expected text, got None")]
