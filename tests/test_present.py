"""View models: what every front end shows, decided once, in both languages, with exact values (tests/fixtures/mini)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko_game.core import Game, Order, Scenario
from gaiko_game.present.actions import action_rows
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.debrief import debrief
from gaiko_game.present.hud import hud
from gaiko_game.present.inspect import dependence, meaning, relations, why, why_keys
from gaiko_game.present.map import Projection, map_data
from gaiko_game.present.palette import hex_rgb
from gaiko_game.present.report import turn_report
from gaiko_game.present.words import words
from gaiko_game.scenario.bundled import bundled
from gaiko_game.session.seeding import new_game
from tests.conftest import NORTHERN, load_ok


def test_the_hud_in_both_languages(game: Game) -> None:
    en, ja = hud(game, words(game.scenario, "en")), hud(game, words(game.scenario, "ja"))
    assert en.date == "2025 Q1 · turn 1 of 6" and ja.date == "2025年 第1四半期 · ターン 1/6"
    assert en.capital == "EN capital 5/6 (+2 a turn)" and ja.capital == "JA capital 5/6（毎ターン +2）"
    assert [m.line for m in en.meters] == ["EN meter.security 50", "EN meter.prosperity 50", "EN meter.autonomy 50"]
    assert [(m.id, m.colour) for m in en.meters] == [("security", "#0072B2"), ("prosperity", "#E69F00"),
                                                      ("autonomy", "#009E73")]
    assert [(t.line, t.ladder) for t in en.tracks] == [("EN track.tension 2/5", True)]
    game.apply(Order("drills"))
    game.end_turn()
    after = hud(game, words(game.scenario, "en"))
    assert [m.trend for m in after.meters] == [4, 0, 9]  # drills +5, pressure -1; diversification 50 → 59
    assert after.meters[0].line == "EN meter.security 54 (+4 last turn)"


def test_action_rows_number_label_price_and_explain_every_action(game: Game) -> None:
    rows = action_rows(game, words(game.scenario, "en"))
    assert [(r.number, r.label) for r in rows[:5]] == [  # alliance first (the scenario's order), then partnership
        (1, "EN action.drills.name"), (2, "EN action.gamble.name"), (3, "EN action.locked.name"),
        (4, "EN action.summit.name → EN actor.india"), (5, "EN action.summit.name → EN actor.china")]
    gamble = rows[1]
    assert gamble.badge == "50% chance" and gamble.enabled
    assert gamble.effects == ("50% chance", "EN meter.prosperity +10", "If it fails: EN meter.prosperity -10")
    locked = next(r for r in rows if r.order == Order("locked"))
    assert not locked.enabled and locked.reasons == "Requirements not met: Needs “EN flag.unlocked”."
    assert locked.line == "(unavailable) EN action.locked.name — Requirements not met: Needs “EN flag.unlocked”."
    assert rows[0].line == ("EN action.drills.name — 2 DC · EN meter.security +5, "
                            "EN dependency.security (EN partner.us) +5, "
                            "EN dependency.security (the others, in proportion) -5, EN meter.autonomy target -5")
    ja = action_rows(game, words(game.scenario, "ja"))
    assert ja[1].badge == "成功率 50%" and ja[0].line.startswith("JA action.drills.name — 2 外交資本 · ")


@pytest.mark.parametrize("lang,heading,immediate", [("en", "Crisis: EN event.crisis_a.title", ""),
                                                    ("ja", "危機：JA event.crisis_a.title", "")])
def test_the_crisis_card(game: Game, lang: str, heading: str, immediate: str) -> None:
    game.end_turn()
    game.end_turn()
    card = crisis_card(game, words(game.scenario, lang))
    assert card.heading == heading and card.immediate == immediate and [c.id for c in card.choices] == ["yes", "no"]
    yes, no = card.choices
    assert yes.cost == 1 and yes.enabled and no.enabled
    if lang == "en":
        assert yes.line == "EN event.crisis_a.choice.yes (1 DC) · EN meter.security +3"
        assert no.detail == "EN meter.prosperity -2"


def test_the_turn_report_groups_changes_by_cause(game: Game) -> None:
    game.apply(Order("drills"))
    report = game.end_turn()
    assert report is not None
    view = turn_report(report, words(game.scenario, "en"))
    assert view.title == "What happened in turn 1"
    assert [n.line for n in view.net] == ["EN meter.security 50 → 54 (+4)", "EN meter.autonomy 50 → 59 (+9)"]
    assert [g.line for g in view.groups][:2] == [
        "Diplomatic Capital income: EN capital +2",
        "Action: EN action.drills.name: EN meter.security +5, EN capital -2, "
        "EN dependency.security (EN partner.us) +5, EN dependency.security (the others, in proportion) -5"]
    assert [n.tone for n in view.net] == ["good", "good"]
    ja = turn_report(report, words(game.scenario, "ja"))
    assert ja.title == "ターン 1 の結果" and ja.groups[1].line.startswith("行動：JA action.drills.name：")


def test_looking_closer_names_the_scenarios_own_axis_and_meter(game: Game) -> None:
    w = words(game.scenario, "en")
    assert relations(game, w)[0] == ("Countries: relation with EN actor.home (−100..100) / EN stance.name "
                                     "(−100 EN actor.china .. +100 EN actor.us)")
    assert dependence(game, w)[0] == ("Dependence (points of 100). The more spread out, the higher EN meter.autonomy "
                                      "heads (target 72).")
    assert why(game, w, "meter.security") == ["(no changes)"]
    game.apply(Order("drills"))
    assert why(game, w, "meter.security") == ["turn 1: +5 Action: EN action.drills.name"]


def test_the_debrief(mini: Scenario) -> None:
    g = new_game(mini, 2)
    while not g.is_over:
        report = g.end_turn()
        while report is None:
            report = g.choose_default()
    d = debrief(g, words(mini, "en"))
    out = g.outcome()
    assert out is not None
    assert d.headline == f"EN ending.completed — EN rating.{out.rating} ({out.score})"
    assert [c.id for c in d.curves] == ["security", "prosperity", "autonomy"] and len(d.curves[0].values) == 6
    assert d.strategy == "Your strategy: EN label.idle" and d.questions == ("EN question.why",)  # it only ended turns


def test_the_map_crops_the_world_to_the_region_and_cuts_out_disputed_areas(default: Scenario,
                                                                            northern: Scenario) -> None:
    data = map_data(default)
    names = {s.name for s in data.shapes}
    assert {"Japan", "China", "India", "Russia"} <= names and "Brazil" not in names and "Finland" not in names
    (area,) = [s for s in data.shapes if s.disputed]
    assert area.disputed == "northern_territories" and len(area.rings) >= 4
    assert data.shapes[-1] is area  # drawn last, over the country that claims it
    areas = [s.name for s in data.shapes if not s.disputed]
    assert areas.index("Russia") < areas.index("Japan")  # largest first: nothing small is hidden
    nordic = {s.name: s for s in map_data(northern).shapes}
    assert {"Finland", "Sweden", "Estonia", "Russia"} <= set(nordic) and "Japan" not in nordic
    assert nordic["Finland"].actor == "finland" and nordic["Russia"].actor == "russia"  # the player colours Finland


def test_the_projection_keeps_the_map_inside_its_box(default: Scenario) -> None:
    p = Projection((0, 74, 880, 582), map_data(default).bounds)
    x, y = p.point(139.69, 35.68)
    assert 0 <= x <= 880 and 74 <= y <= 656
    west, east, south, north = map_data(default).bounds
    corners = [p.point(west, south), p.point(east, north)]
    assert all(0 <= cx <= 880 and 74 <= cy <= 656 for cx, cy in corners)
    assert p.inside(139.69, 35.68) and not p.inside(-77.04, 38.91)  # Washington: an inset


def test_colours_come_from_the_scenario() -> None:
    assert hex_rgb("#0072B2") == (0, 114, 178)


@pytest.mark.parametrize("folder", [*bundled(), NORTHERN])
def test_the_menu_never_splits_a_category(folder: Path) -> None:
    """Actions are grouped by category in the scenario's order, even when a file lists one out of place."""
    sc = load_ok(folder)
    rows = action_rows(new_game(sc, 1), words(sc, "en"))
    seen = [r.category for r in rows]
    groups = [c for i, c in enumerate(seen) if i == 0 or seen[i - 1] != c]
    assert len(groups) == len(set(groups))
    assert groups == [c for c in sc.categories if c in groups]
    assert [n.number for n in rows] == list(range(1, len(rows) + 1))


@pytest.mark.parametrize("folder", [*bundled(), NORTHERN])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_number_a_player_can_ask_about_says_what_it_means(folder: Path, lang: str) -> None:
    """The terminal's `w NAME` explains every meter, track and the capital (the window shows it as a tooltip)."""
    sc = load_ok(folder)
    game, w = new_game(sc, 1), words(sc, lang)
    for key in dict.fromkeys(why_keys(game).values()):
        text = meaning(game, w, key)
        desc = sc.loc[lang].get(f"{key}.desc")
        assert desc and text.endswith(desc) and str(game.view.number(key)) in text, (key, text)


def test_net_gives_each_moved_number_once_from_first_to_last() -> None:
    from gaiko_game.core import Cause, Change
    from gaiko_game.present.report import net

    c = Cause("action", "quad_summit")
    changes = [Change(1, "dep.security.us", 80, 78, c), Change(1, "meter.security", 55, 57, c),
               Change(1, "dep.security.us", 78, 76, c), Change(1, "capital", 5, 7, c), Change(1, "capital", 7, 5, c)]
    assert net(changes) == {"dep.security.us": (80, 76), "meter.security": (55, 57)}


def test_an_action_that_moves_the_autonomy_target_explains_what_the_target_is(default: Scenario) -> None:
    from gaiko_game.present.actions import action_rows
    from gaiko_game.present.words import words
    from gaiko_game.session.campaign import Campaign, Source

    game = Campaign.new(default, Source(bundled=default.id), 1).game
    w = words(default, "en")
    rows = {r.order.action: r for r in action_rows(game, w)}
    drills = rows["joint_drills"]
    assert "Autonomy target -2" in drills.effects
    assert drills.tooltip(w)[-1] == ("The “Autonomy target” is where Autonomy is heading, set by how spread out "
                                     "dependence is; each turn Autonomy closes 25% of the gap to it (D shows the "
                                     "shares and the target).")
    no_shift = [r for r in rows.values() if not any("target" in e for e in r.effects)]
    assert no_shift and all(r.target_note == "" for r in no_shift)


def test_an_action_that_spends_the_capital_an_announced_answer_needs_says_so(default: Scenario) -> None:
    from gaiko_game.present.actions import action_rows
    from gaiko_game.present.words import words
    from gaiko_game.session.campaign import Campaign, Source
    from gaiko_game.session.players import make_policy
    from gaiko_game.session.seeding import stream
    from tests.support import set_number

    c = Campaign.new(default, Source(bundled=default.id), 11)
    policy = make_policy("hedge", stream(11, "policy"), default)
    while not any(ch.cost for ev in c.game.announced for ch in ev.choices):  # on to a turn with a costly answer
        report = c.end_turn()
        while report is None:
            report = c.choose(policy.answer(c.game))
    ev = next(ev for ev in c.game.announced if any(ch.cost for ch in ev.choices))
    answer = max(ev.choices, key=lambda ch: ch.cost)
    set_number(c.game, "capital", answer.cost)  # just enough for the dearest answer
    w = words(default, "en")
    rows = action_rows(c.game, w)
    warned = [r for r in rows if r.warnings]
    assert warned and all(r.enabled for r in warned)
    for r in rows:
        out_of_reach = [ch for ch in ev.choices if answer.cost - r.cost < ch.cost <= answer.cost]
        assert len(r.warnings) == (len(out_of_reach) if r.enabled else 0)
    first = warned[0]
    assert first.tooltip(w)[1] == (f"Note: this leaves {answer.cost - first.cost} DC, so “"
                                   f"{w.name(f'event.{ev.id}.choice.{answer.id}')}” ({answer.cost} DC), an answer to the "
                                   f"announced “{w.name(f'event.{ev.id}.title')}”, would be out of reach.")


def test_sentences_run_on_with_a_space_in_english_and_none_in_japanese(default: Scenario) -> None:
    from gaiko_game.present.words import words

    assert words(default, "ja").sentences(["終わりました。", "", "次へ。"]) == "終わりました。次へ。"
    assert words(default, "en").sentences(["It ended.", "", "Next."]) == "It ended. Next."
