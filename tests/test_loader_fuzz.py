"""Whatever is done to a scenario's files, loading answers with diagnostics, never an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko_game.scenario.loader import load

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
