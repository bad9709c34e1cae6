"""Property tests: random states and random effect sequences keep every number in bounds and never raise."""

from __future__ import annotations

import dataclasses
import typing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaiko_game.core import Game, Scenario, Texts
from gaiko_game.core.ledger import Cause
from gaiko_game.core.plugins import CONDITIONS, EFFECTS, Condition, Effect, plan
from gaiko_game.session.seeding import new_game
from tests.conftest import FIXTURES, load_ok
from tests.support import board, state
from tests.test_conformance import check_invariants

SCENARIO: Scenario = load_ok(FIXTURES / "eventlab")
IDS = {
    "actor": [a.id for a in SCENARIO.actors],
    "track": [t.id for t in SCENARIO.tracks],
    "partner": list(SCENARIO.partners),
    "dependency": [k for k, _ in SCENARIO.dependencies],
    "event": [e.id for e in SCENARIO.events],
    "action": [a.id for a in SCENARIO.actions],
    "flag": ["f1", "f2"], "counter": ["c1", "c2"], "modifier": ["m1"], "tag": ["alliance"], "choice": ["go"],
    "meter": list(SCENARIO.meter_ids()),
    "ending": [m.at_zero for m in SCENARIO.meters],
}


def value_for(cls: type, f: dataclasses.Field[typing.Any], depth: int) -> st.SearchStrategy[typing.Any]:
    md, hint = f.metadata, typing.get_type_hints(cls)[f.name]
    if "nested" in md:
        if md["nested"] == "condition":
            return conditions(depth + 1)
        inner = conditions(depth + 1) if md["nested"] == "conditions" else effects(depth + 1)
        return st.lists(inner, min_size=1, max_size=2).map(tuple)
    if "ref" in md and md.get("many"):
        return st.lists(st.sampled_from(IDS[md["ref"]]), min_size=1, max_size=3).map(tuple)
    if "ref" in md:
        ref = st.sampled_from(IDS[md["ref"]])
        return st.one_of(st.none(), ref) if f.default is None else ref
    if typing.get_origin(hint) is typing.Literal:
        return st.sampled_from(typing.get_args(hint))
    lo, hi = md.get("ge", -120), md.get("le", 120)
    number = st.integers(int(lo), int(hi))
    return st.one_of(st.none(), number) if f.default is None else number


def build(table: dict[str, type], depth: int) -> st.SearchStrategy[typing.Any]:
    names = sorted(n for n, c in table.items() if depth < 2 or not any("nested" in f.metadata
                                                                       for f in dataclasses.fields(c)))

    @st.composite
    def one(draw: st.DrawFn) -> typing.Any:
        cls = table[draw(st.sampled_from(names))]
        kwargs = {f.name: draw(value_for(cls, f, depth)) for f in dataclasses.fields(cls) if f.init}
        if {"min", "max"} <= kwargs.keys() and kwargs["min"] is None and kwargs["max"] is None:
            kwargs["min"] = 0
        return cls(**kwargs)

    return one()


def conditions(depth: int = 0) -> st.SearchStrategy[Condition]:
    return build(CONDITIONS, depth)


def effects(depth: int = 0) -> st.SearchStrategy[Effect]:
    return build(EFFECTS, depth)


@st.composite
def games(draw: st.DrawFn) -> Game:
    g = new_game(SCENARIO, draw(st.integers(0, 2**32)))
    nums = state(g).nums
    for key, (lo, hi) in sorted(board(g).bounds.items()):
        if not key.startswith("dep."):
            nums[key] = draw(st.integers(lo, hi))
    us = draw(st.integers(0, 100))
    nums["dep.security.us"], nums["dep.security.china"] = us, 100 - us
    state(g).diversification = -1.0
    state(g).flags.update(draw(st.sets(st.sampled_from(IDS["flag"]))))
    return g


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(game=games(), sequence=st.lists(effects(), max_size=12), turns=st.integers(0, 3))
def test_random_effects_keep_every_number_in_bounds(game: Game, sequence: list[Effect], turns: int) -> None:
    board(game).run(plan(tuple(sequence)), Cause("event", "property"), None)
    check_invariants(game)
    for _ in range(turns):
        if game.is_over:
            break
        report = game.end_turn()
        while report is None:
            report = game.choose(game.default_choice() or "")
        check_invariants(game)


@SETTINGS
@given(game=games(), condition=conditions())
def test_random_conditions_test_and_explain_in_both_languages(game: Game, condition: Condition) -> None:
    assert isinstance(condition.test(state(game), None), bool)
    msg = condition.explain(state(game), None)
    for lang in ("ja", "en"):
        assert Texts(SCENARIO.loc, lang).render(msg)


@SETTINGS
@given(effect=effects())
def test_every_effect_describes_itself_in_both_languages(effect: Effect) -> None:
    for lang in ("ja", "en"):
        assert Texts(SCENARIO.loc, lang).render(effect.describe())


def test_a_one_point_dependency_shift_is_singular_in_english() -> None:
    shift = EFFECTS["dependency"]
    one, two = (Texts(SCENARIO.loc, "en").render(shift(by=by, kind="energy", to="india").describe()) for by in (1, 2))
    assert one.endswith(": 1 point shifts to partner.india") and two.endswith(": 2 points shift to partner.india")
    assert Texts(SCENARIO.loc, "ja").render(shift(by=1, kind="energy", to="india").describe()).endswith("1ポイント移す")
