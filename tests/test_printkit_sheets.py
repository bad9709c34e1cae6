"""The kit's sheets (issue 15): the track sheet has a track and a marker for every number a team keeps, starting
where the engine starts; the ledger has a row for every turn, tall enough to write in; the score sheet's formula and
example are the game's own."""

from __future__ import annotations

import pytest

from gaiko_game.core.report import rating_of, score_of
from gaiko_game.printkit.flow import starts
from gaiko_game.printkit.tracks import box_of, grid
from gaiko_game.printkit.words import PaperWords
from gaiko_game.session.seeding import new_game
from tests.test_printkit import SCENARIOS, everything, kit


def test_a_track_has_every_value_when_few_and_round_steps_when_many() -> None:
    assert grid(1, 5) == [1, 2, 3, 4, 5]
    assert grid(0, 8) == list(range(9))
    assert grid(0, 100) == list(range(0, 101, 5))
    assert grid(-100, 100) == list(range(-100, 101, 10))
    assert grid(0, 37) == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 37]


def test_a_value_goes_in_the_last_box_at_or_below_it() -> None:
    meters, relations = grid(0, 100), grid(-100, 100)
    assert meters[box_of(meters, 57)] == 55 and meters[box_of(meters, 55)] == 55 and meters[box_of(meters, 0)] == 0
    assert relations[box_of(relations, -23)] == -30 and relations[box_of(relations, 100)] == 100


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_sheets_start_where_the_engine_starts(name: str) -> None:
    sc, _ = kit(name, "en")
    game = new_game(sc, 7)
    begin = starts(sc)

    def before_turn_1(key: str) -> int:  # the value before the first change the game made (turn 1's income, news…)
        return next((c.before for c in game.ledger if c.key == key), game.view.number(key))

    assert begin.capital == before_turn_1("capital")
    assert begin.meters == {m.id: before_turn_1(f"meter.{m.id}") for m in sc.meters}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_track_sheet_has_a_track_and_a_marker_for_every_number(name: str, lang: str) -> None:
    sc, k = kit(name, lang)
    labels = {p.label for p in k.placed}
    others = [a.id for a in sc.actors if a.id != sc.player.id]
    for m in sc.meters:
        assert f"sheet.board.meter.{m.id}" in labels and f"sheet.marker.meter.{m.id}.0" in labels
    for t in sc.tracks:
        assert f"sheet.board.track.{t.id}" in labels and f"sheet.marker.track.{t.id}.0" in labels
    for a in others:
        assert f"sheet.board.relation.{a}" in labels and f"sheet.marker.actor.{a}.0" in labels
    assert "sheet.board.capital" in labels and "sheet.marker.capital.0" in labels


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_ledger_has_a_row_for_every_turn_at_least_7_mm_tall(name: str, lang: str) -> None:
    sc, k = kit(name, lang)
    rows = {p.label: p for p in k.placed if p.label.startswith("sheet.ledger.row.")}
    assert sorted(int(label.rsplit(".", 1)[1]) for label in rows) == list(range(1, sc.turns + 1))
    for turn in range(2, sc.turns + 1):
        above, row = rows[f"sheet.ledger.row.{turn - 1}"], rows[f"sheet.ledger.row.{turn}"]
        if above.page == row.page:
            assert row.y - above.y >= 7.0
    w = PaperWords(sc, lang)
    heads = " ".join(p.text(lang) for p in k.placed if p.label.startswith("sheet.ledger.head."))
    assert all(w.meter(m) in heads for m in sc.meter_ids())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_score_sheet_works_the_start_out_as_the_game_does(lang: str) -> None:
    sc, k = kit("default", lang)
    begin = starts(sc).meters
    assert begin == {"security": 55, "prosperity": 55, "autonomy": 45}
    score = score_of(begin, sc.weighting())
    assert score == 51.4  # (55 × 55 × 45) ^ (1/3) = 51.42…
    example = next(p.text(lang) for p in k.placed if p.label == "sheet.score.example")
    assert "51.4" in example and PaperWords(sc, lang).name(f"rating.{rating_of(sc, score)}") in example
    for r in sc.ratings:
        assert any(p.label.startswith(f"sheet.score.band.{r.id}.") for p in k.placed)
    text = everything(k, lang)
    assert "^(1/3)" in text
