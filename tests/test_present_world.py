"""The living world as view models, in both languages: the headline, other countries' moves, standing programmes,
repetition, dependence and undo (the default scenario, found by play rather than pinned, so content may change)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gaiko_game.core import Game, Order, Scenario, TurnReport
from gaiko_game.present.actions import action_rows
from gaiko_game.present.crisis import crisis_card
from gaiko_game.present.dependence import dependence_view
from gaiko_game.present.headline import headline
from gaiko_game.present.hud import header, hud
from gaiko_game.present.inspect import actor_card, dependence
from gaiko_game.present.programmes import programmes
from gaiko_game.present.report import latest_moves, turn_report
from gaiko_game.present.timeline import timeline
from gaiko_game.present.transcript import transcript
from gaiko_game.present.words import words
from gaiko_game.session.seeding import new_game

RAW_KEY = re.compile(r"\b(event|move|action|actor)\.[a-z_]+(\.[a-z_]+)*\b")
"""A scenario text key shown instead of its text (what a missing loc entry looks like)."""


def next_turn(game: Game) -> TurnReport:
    """End the turn, answering every crisis with its default."""
    report = game.end_turn()
    while report is None:
        report = game.choose(game.default_choice() or "")
    return report


def play_until(game: Game, found: Callable[[Game], bool], turns: int = 20) -> None:
    """End turns until ``found`` holds at the start of a turn."""
    for _ in range(turns):
        if found(game):
            return
        next_turn(game)
    pytest.fail("not found in the turns played")


@pytest.mark.parametrize("lang,kind,cost", [("en", "Crisis", " DC)"), ("ja", "危機", " 外交資本）")])
def test_the_headline_announces_this_turns_crisis_and_what_each_answer_costs(default: Scenario, lang: str, kind: str,
                                                                             cost: str) -> None:
    game = new_game(default, 11)
    play_until(game, lambda g: any(not e.opportunity and any(c.cost for c in e.choices) for e in g.announced))
    w = words(default, lang)
    h = headline(game, w)
    ev = next(e for e in game.announced if not e.opportunity)
    item = next(i for i in h.items if i.id == ev.id)
    assert item.kind == kind and item.title == w.name(f"event.{ev.id}.title") and not item.opportunity
    assert len(item.choices) == len(ev.choices) and any(c.endswith(cost) for c in item.choices)
    assert all(c in item.answers for c in item.choices)
    lines = header(game, w)
    assert h.title in lines and f"  {item.heading}" in lines  # the terminal's turn header carries it
    game.end_turn()
    assert crisis_card(game, w).heading == item.heading  # the same event is answered after the actions


@pytest.mark.parametrize("lang,word", [("en", "Opportunity"), ("ja", "好機")])
def test_an_opportunity_is_announced_and_headed_as_an_opportunity_not_a_crisis(default: Scenario, lang: str,
                                                                               word: str) -> None:
    game = new_game(default, 1)
    play_until(game, lambda g: any(e.opportunity for e in g.announced))
    w = words(default, lang)
    item = next(i for i in headline(game, w).items if i.opportunity)
    assert item.kind == word and item.heading.startswith(word)
    while game.pending_crisis is None or not game.pending_crisis.opportunity:
        report = game.end_turn() if game.pending_crisis is None else game.choose(game.default_choice() or "")
        assert report is None
    card = crisis_card(game, w)
    assert card.opportunity and card.heading.startswith((f"{word}: ", f"{word}：")) and "危機" not in card.heading
    choice = card.choices[0].id
    report = game.choose(choice)
    while report is None:
        report = game.choose(game.default_choice() or "")
    assert any(g.name.startswith(word) for g in turn_report(report, w).groups)  # its answer's cause, too


@pytest.mark.parametrize("lang,title", [("en", "What other countries did"), ("ja", "各国の動き")])
def test_other_countries_moves_have_their_own_section_with_text_and_reasons(default: Scenario, lang: str,
                                                                            title: str) -> None:
    game = new_game(default, 11)
    w = words(default, lang)
    report = next_turn(game)
    while not turn_report(report, w).moves:
        report = next_turn(game)
    view = turn_report(report, w)
    assert view.moves_title == title and view.lines().count(title) == 1
    for m in view.moves:
        assert m.text == w.name(f"move.{m.event}") and m.line.startswith(m.text) and m.why
        assert m.actor_name == w.name(f"actor.{m.actor}")
        assert m.why in view.lines()[view.lines().index(title):][2 * view.moves.index(m) + 2].strip()
    assert all(g.cause.kind != "move" for g in view.groups)  # the moves' effects are in their own section
    assert not any(RAW_KEY.search(line) for line in view.lines())
    assert latest_moves(game, w) == view.moves
    mover = view.moves[0]
    card = actor_card(game, w, mover.actor)  # the map's tooltip for the country that moved
    assert card[1].endswith(mover.line) and card[2] == mover.why


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_whole_game_shows_no_scenario_key_in_place_of_its_text(default: Scenario, lang: str) -> None:
    game = new_game(default, 5)
    plays = [Order("korea_shuttle"), Order("china_economic_dialogue"), Order("defence_buildup")]
    probe = new_game(default, 5)
    while not probe.is_over:
        for order in plays:
            if order in probe.legal_actions():
                probe.apply(order)
        next_turn(probe)
    decisions = list(probe.history)
    w = words(default, lang)
    text = "\n".join(transcript(game, decisions, w) + timeline(game, w))
    assert not RAW_KEY.findall(text), RAW_KEY.findall(text)[:5]
    assert ("What other countries did" if lang == "en" else "各国の動き") in text


@pytest.mark.parametrize("lang,note,started,summary", [
    ("en", "Standing programme: upkeep 1 DC a turn", "Programme started: ", "(+3 a turn, upkeep 1)"),
    ("ja", "継続施策：維持費 毎ターン 1 外交資本", "継続施策を開始：", "（毎ターン +3、維持費 1）")])
def test_a_standing_programme_says_so_and_its_upkeep_and_ending_are_shown(default: Scenario, lang: str, note: str,
                                                                          started: str, summary: str) -> None:
    game, w = new_game(default, 11), words(default, lang)
    row = next(r for r in action_rows(game, w) if r.order == Order("defence_buildup"))
    assert row.programme[0] == note and note in row.tooltip(w) and note in row.line
    assert not next(r for r in action_rows(game, w) if r.order == Order("joint_drills")).programme
    assert programmes(game, w).items == () and not hud(game, w).programmes
    game.apply(Order("defence_buildup"))
    report = next_turn(game)
    assert any(line.startswith(started) for line in turn_report(report, w).lines())
    view = programmes(game, w)
    (item,) = view.items
    assert item.action == "defence_buildup" and item.since == 1 and item.upkeep == view.upkeep == 1
    assert item.ending in item.confirm and item.name in item.confirm
    assert hud(game, w).capital.endswith(summary) and hud(game, w).programmes == view.summary
    assert view.summary in header(game, w)
    game.withdraw("defence_buildup")
    report = next_turn(game)
    assert turn_report(report, w).programmes == (w.ui("report.programme_withdrawn", name=item.name),)
    lapsed = TurnReport(3, (), (), (), programmes=(("defence_buildup", "lapsed"),))
    assert turn_report(lapsed, w).programmes == (w.ui("report.programme_lapsed", name=item.name),)


@pytest.mark.parametrize("lang,line", [("en", "Taken 1× in the last 3 turns: gains ×0.75"),
                                       ("ja", "直近3ターンで1回実施済み：得られる効果は ×0.75")])
def test_a_repeated_action_says_it_yields_less(default: Scenario, lang: str, line: str) -> None:
    game, w = new_game(default, 11), words(default, lang)
    assert not any(line in r.effects for r in action_rows(game, w))
    game.apply(Order("joint_drills"))
    next_turn(game)
    row = next(r for r in action_rows(game, w) if r.order == Order("joint_drills"))
    preview = game.preview(Order("joint_drills"))
    assert (preview.repeats, preview.scale) == (1, 0.75)
    assert row.effects[0] == line and line in row.tooltip(w)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_dependence_view_has_every_kind_and_where_the_meter_heads(default: Scenario, lang: str) -> None:
    game, w = new_game(default, 11), words(default, lang)
    view = dependence_view(game, w)
    v, d = game.view, default.diversification
    assert d is not None
    assert [k.id for k in view.kinds] == list(v.dependency_kinds())
    for k in view.kinds:
        assert sum(s.value for s in k.shares) == sum(v.shares(k.id).values())
        assert [s.value for s in k.shares] == sorted((s.value for s in k.shares), reverse=True)
        assert f"{dict(d.weights)[k.id]:g}" in k.name
    assert str(v.target()) in view.heading and w.meter(d.meter) in view.heading
    colours = {s.partner: s.colour for k in view.kinds for s in k.shares}
    assert all(s.colour == colours[s.partner] for k in view.kinds for s in k.shares)  # one colour a partner
    assert dependence(game, w) == view.lines()


@pytest.mark.parametrize("lang,words_", [("en", ("Nothing to undo.", "The turn is over", "Undone: ")),
                                         ("ja", ("取り消せるものはありません", "終わったターン", "取り消しました："))])
def test_undo_gives_its_reason_and_names_any_decision(default: Scenario, lang: str, words_: tuple[str, ...]) -> None:
    game, w = new_game(default, 11), words(default, lang)
    reason = game.can_undo()
    assert reason is not None and words_[0] in w.render(reason)
    game.apply(Order("defence_buildup"))
    next_turn(game)
    game.withdraw("defence_buildup")
    assert game.can_undo() is None
    assert w.ui("action.undone", what=w.decision(game.undo())).startswith(words_[2])
    next_turn(game)
    reason = game.can_undo()
    assert reason is not None and words_[1] in w.render(reason)
