"""The model card is measured, never typed, and never older than the scenario it describes.

The default scenario's balance is not asserted here: which strategy wins depends on the assumptions, and
the card publishes what each does (``gaiko modelcard``). What is tested is that the published figures
are the current content's, and that the pages say what the data says.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from gaiko_game.lab import modelcard
from tests.conftest import ROOT

DEFAULT = ROOT / "scenarios" / "indo_pacific_2025"
DOCS = ROOT / "docs" / "teachers"


def test_the_default_scenarios_model_card_was_measured_on_its_current_content_and_variants() -> None:
    assert modelcard.stale(DEFAULT) is None, "run `gaiko modelcard scenarios/indo_pacific_2025` and commit the result"


def test_the_pages_say_what_the_measured_data_says() -> None:
    data = json.loads((DEFAULT / modelcard.DATA_FILE).read_text(encoding="utf-8"))
    assert set(data["variants"]) == {"indo_pacific_2025_engagement", "indo_pacific_2025_realist"}
    assert {k.removeprefix("without:") for k in data["figures"] if k.startswith("without:")} == set(data["assumptions"])
    for lang, path in modelcard.card_paths(DOCS, data["scenario"]).items():
        assert path.read_text(encoding="utf-8") == modelcard.markdown(data, "scenarios/indo_pacific_2025", lang)


def test_a_changed_scenario_makes_its_card_stale(tmp_path: Path) -> None:
    copy = tmp_path / "indo_pacific_2025"
    shutil.copytree(DEFAULT, copy)
    for variant in ("indo_pacific_2025_engagement", "indo_pacific_2025_realist"):
        shutil.copytree(ROOT / "scenarios" / variant, tmp_path / variant)
    text = (copy / "rules.yaml").read_text(encoding="utf-8")
    (copy / "rules.yaml").write_text(text.replace("by: -2", "by: -3", 1), encoding="utf-8")
    why = modelcard.stale(copy)
    assert why is not None and "indo_pacific_2025 has changed since its model card was measured" in why


def test_the_encyclopedia_shows_each_assumption_with_what_the_lab_measured_only_for_this_content() -> None:
    from gaiko_game.present.modelcard import entries
    from gaiko_game.present.words import Words
    from tests.conftest import load_ok

    sc = load_ok(DEFAULT)
    card = modelcard.figures_for(DEFAULT)
    assert card is not None
    shown = entries(Words(sc, "en"), card)
    assert [e.key for e in shown] == ["scenario.about", *(f"assumption.{a}" for a in sc.assumptions)]
    deters = next(e for e in shown if e.key == "assumption.alliance_deters")
    hedge = card["figures"]["scenario"]["hedge"]["score"]["mean"]
    without = card["figures"]["without:alliance_deters"]["hedge"]["score"]["mean"]
    assert deters.lead == "Assumption alliance_deters (the balance lab switches it off with --without alliance_deters)"
    claim = sc.loc["en"]["assumption.alliance_deters"]
    assert claim.startswith(deters.title) and claim in (deters.title, deters.body.split("\n")[0])
    assert f"Alliance-based hedging {hedge:.1f} → {without:.1f}" in deters.body
    assert "Source: " in deters.body and "Strongest counter-argument: " in deters.body
    stale = dict(card, hashes={sc.id: "0" * 64})  # measured on other content: no figures, and it says so
    assert "has not been measured for this version" in next(e for e in entries(Words(sc, "en"), stale)
                                                            if e.key == "assumption.alliance_deters").body
