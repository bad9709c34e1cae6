"""The default scenario's crisis deck: size, chains, trade-offs, text, and every chain link working."""

from __future__ import annotations

import pytest

from gaiko_game.core import Game, Scenario
from gaiko_game.core.board import Board, Cause
from gaiko_game.core.model import ChoiceDef, EventDef
from gaiko_game.core.state import Phase
from gaiko_game.core.world import autonomy_target
from gaiko_game.session.seeding import new_game

METERS = ("security", "prosperity", "autonomy")


def crises(sc: Scenario) -> list[EventDef]:
    return [e for e in sc.events if e.choices]


def chains(sc: Scenario) -> list[list[str]]:
    """Every maximal follow-up path, as event ids."""
    graph = {e.id: sorted({f.event for c in e.choices for f in c.follow_ups}) for e in sc.events}
    targets = {t for ts in graph.values() for t in ts}
    paths: list[list[str]] = []

    def walk(path: list[str]) -> None:
        nexts = [n for n in graph[path[-1]] if n not in path]
        if not nexts:
            paths.append(path)
        for n in nexts:
            walk(path + [n])

    for root in graph:
        if root not in targets and graph[root]:
            walk([root])
    return paths


def test_deck_size_and_choices(default: Scenario) -> None:
    deck = crises(default)
    assert len(deck) >= 28
    assert all(2 <= len(e.choices) <= 4 for e in deck)


def test_at_least_four_chains_of_three_steps(default: Scenario) -> None:
    long = {tuple(p[:3]) for p in chains(default) if len(p) >= 3}
    assert len({p[0] for p in long}) >= 4, long


def test_every_crisis_has_text_and_an_encyclopedia_in_both_languages(default: Scenario) -> None:
    for lang in ("ja", "en"):
        loc = default.loc[lang]
        for e in crises(default):
            assert len(loc[f"event.{e.id}.encyclopedia"]) > (60 if lang == "ja" else 150), e.id
            assert loc[f"event.{e.id}.title"] and loc[f"event.{e.id}.text"]
            assert all(loc[f"event.{e.id}.choice.{c.id}"] for c in e.choices)


def impact(g: Game, c: ChoiceDef) -> tuple[float, float, float]:
    """Expected change to security, prosperity and autonomy once every piece of a choice has landed."""

    def run(steps: tuple[tuple[int, object], ...]) -> tuple[float, float, float]:
        board = Board(g.scenario, g.state.copy())
        before_target = autonomy_target(board)
        start = dict(board.state.nums)
        board.run(tuple((0, e) for _, e in steps), Cause("choice", c.id), None)  # type: ignore[misc]
        d = {m: board.state.nums[f"meter.{m}"] - start[f"meter.{m}"] for m in METERS}
        rate = g.scenario.autonomy.rate
        return d["security"], d["prosperity"], d["autonomy"] + rate * (autonomy_target(board) - before_target)

    win = run(c.success_plan)
    if c.odds is None:
        return win
    lose, p = run(c.failure_plan), c.odds.base
    return tuple(p * w + (1 - p) * lo for w, lo in zip(win, lose, strict=True))  # type: ignore[return-value]


def test_no_choice_is_better_on_all_three_meters(default: Scenario) -> None:
    g = new_game(default, 0)
    dominated = []
    for e in crises(default):
        vectors = {c.id: (impact(g, c), c.cost) for c in e.choices}
        for a, (va, ca) in vectors.items():
            for b, (vb, cb) in vectors.items():
                if a != b and ca <= cb and all(x >= y for x, y in zip(va, vb, strict=True)):
                    dominated.append(f"{e.id}: {a} {va} (cost {ca}) ≥ {b} {vb} (cost {cb})")
    assert dominated == []


def force(g: Game, event_id: str) -> None:
    """Put a crisis in front of the player (a test shortcut past its trigger)."""
    g.state.pending.append(event_id)
    g.state.phase = Phase.CRISIS


@pytest.mark.parametrize("turn", [3, 14])
def test_every_chain_link_fires_its_follow_up_on_time(default: Scenario, turn: int) -> None:
    links = [(e, c, f) for e in default.events for c in e.choices for f in c.follow_ups]
    assert links
    for e, c, f in links:
        g = new_game(default, turn)
        while g.turn < turn:
            report = g.end_turn()
            while report is None:
                report = g.choose(g.default_choice() or "")
        g.state.nums["capital"] = default.capital_cap
        force(g, e.id)
        if g.explain_choice(c.id) is not None:
            continue  # requirements unmet in this state; another turn's state covers it
        report = g.choose(c.id)
        while g.turn < turn + f.after and not g.is_over:
            report = g.end_turn()
            while report is None:
                report = g.choose(g.default_choice() or "")
        if g.is_over:
            continue
        g.end_turn()
        assert any(x.event == f.event and x.turn == turn + f.after for x in g.fired), (e.id, c.id, f.event)
