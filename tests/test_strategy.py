"""Strategy files: every mistake located with a hint, the interpreter's exact behaviour, determinism,
the dump round trip, how names find players, and `gaiko simulate --strategy`.
"""

from __future__ import annotations

import gc
import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from gaiko_game.cli.main import main
from gaiko_game.core import Game, Order, Scenario
from gaiko_game.core.decisions import EndTurn
from gaiko_game.scenario.strategyfile import ActionRule, CrisisRule, Strategy, bind, dump_strategy, read_strategy
from gaiko_game.session.advisor import LookaheadPolicy
from gaiko_game.session.players import make_policy, player_names, strategy_path
from gaiko_game.session.policies import Policy, RandomPolicy, play_game
from gaiko_game.session.seeding import new_game, stream
from gaiko_game.session.strategy import BadStrategy, StrategyPolicy, load_strategy, scenario_paths, shipped, shipped_paths
from tests.conftest import NORTHERN, ROOT

STRATEGIES = ROOT / "strategies"
SHIPPED = ["alliance_first", "alliance_self_reliance", "do_nothing", "engagement_alliance", "equidistance", "hedge",
           "partners_only", "rival_lean"]
PLAYERS = ", ".join(["random", *SHIPPED, "lookahead"])


def write(folder: Path, text: str, name: str = "s.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def diagnostics(folder: Path, body: str, scenario: Scenario | None = None) -> list[str]:
    """Every diagnostic of a strategy file (shown as ``s.yaml``), and of binding it when a scenario is given."""
    file = read_strategy(write(folder, body), shown="s.yaml")
    found = file.diagnostics + (bind(file, scenario) if scenario is not None else [])
    return [d.format() for d in found]


def from_text(folder: Path, body: str) -> Strategy:
    file = read_strategy(write(folder, body))
    assert file.ok and file.strategy is not None, [d.format() for d in file.diagnostics]
    return file.strategy


def play(sc: Scenario, strategy: Strategy, seed: int) -> Game:
    return play_game(new_game(sc, seed, undo=False), StrategyPolicy(strategy, stream(seed, "policy")))


def turns(game: Game) -> list[list[Order]]:
    """The orders of each turn, in order (one list a turn ended)."""
    out: list[list[Order]] = [[]]
    for d in game.history:
        if isinstance(d, Order):
            out[-1].append(d)
        elif isinstance(d, EndTurn):
            out.append([])
    assert out[-1] == []
    return out[:-1]


def orders(game: Game) -> list[str]:
    return [str(o) for turn in turns(game) for o in turn]


def drive(game: Game, policy: Policy, *, on_act: Callable[[Game, Order | None], None] = lambda g, o: None,
          on_answer: Callable[[Game, str], None] = lambda g, c: None) -> Game:
    """Play to the end like ``play_game``, showing each decision (before it is played) to the checks."""
    while not game.is_over:
        while True:
            order = policy.act(game)
            on_act(game, order)
            if order is None:
                break
            game.apply(order)
        report = game.end_turn()
        while report is None:
            choice = policy.answer(game)
            on_answer(game, choice)
            report = game.choose(choice)
    return game


def fits(game: Game, tags: frozenset[str], budget: int) -> list[Order]:
    """The legal orders carrying one of ``tags`` that cost at most ``budget``, in scenario order."""
    actions = {a.id: a for a in game.scenario.actions}
    return [o for o in game.legal_actions() if actions[o.action].tags & tags and actions[o.action].cost <= budget]


# --- the file format: every mistake is located, with a hint --------------------------------------

HEAD = "id: s\nformat: 1\n"
ONE_KIND = "\n    hint: give exactly one of role, roles, tag, tags or action"
ONE_ANSWER = "\n    hint: give exactly one of role, roles, tag or choice"


@pytest.mark.parametrize(("body", "expected"), [
    (HEAD + "rules:\n  - {role: alliance, per_trun: 1}\n",
     ["s.yaml:4:22: error[unknown-key]: unknown key 'per_trun'\n    hint: did you mean 'per_turn'?"]),
    (HEAD + "reserv: 3\n", ["s.yaml:3:1: error[unknown-key]: unknown key 'reserv'\n    hint: did you mean 'reserve'?"]),
    (HEAD + "rules:\n  - {role: allience}\n",
     ["s.yaml:4:12: error[unknown-id]: rules[0].role: unknown value 'allience'\n    hint: did you mean 'alliance'?"]),
    (HEAD + "avoid: {roles: [rivel]}\n",
     ["s.yaml:3:17: error[unknown-id]: avoid.roles[0]: unknown value 'rivel'\n    hint: did you mean 'rival'?"]),
    (HEAD + "crises:\n  - {role: dialog}\n",
     ["s.yaml:4:12: error[unknown-id]: crises[0].role: unknown value 'dialog'\n    hint: did you mean 'dialogue'?"]),
    (HEAD + "rules:\n  - {role: alliance, tag: us}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names role and tag" + ONE_KIND]),
    (HEAD + "rules:\n  - {roles: [alliance], action: joint_drills}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names roles and action" + ONE_KIND]),
    (HEAD + "rules:\n  - {per_turn: 1}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names nothing to take" + ONE_KIND]),
    (HEAD + "rules:\n  - {roles: []}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names nothing to take" + ONE_KIND]),
    (HEAD + "crises:\n  - {role: alliance, choice: quiet_diplomacy}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names role and choice" + ONE_ANSWER]),
    (HEAD + "crises:\n  - {}\n",
     ["s.yaml:4:5: error[bad-rule]: a rule names nothing to take" + ONE_ANSWER]),
    (HEAD + "rules:\n  - {role: partners, target: india}\n",
     ["s.yaml:4:30: error[bad-rule]: `target` goes with `action`\n    hint: name the action too"]),
    ("id: s\nformat: 2\nrules: []\n", ["s.yaml:2:9: error[unknown-id]: format: unknown value 2\n    hint: expected one of: 1"]),
    (HEAD + "rules:\n  - {role: alliance\n",
     ["s.yaml:5:1: error[yaml-syntax]: YAML syntax error: did not find expected ',' or '}' "
      "(while parsing a flow mapping started on line 4)\n    hint: check the indentation and the quoting around this line"]),
    ("id: a\nid: b\nformat: 1\n",
     ["s.yaml:2:1: error[duplicate-key]: key 'id' appears twice in this mapping\n"
      "    hint: the first 'id' is on line 1; keep one"]),
    (HEAD + "rules:\n  - {role: alliance, pick: best}\n",
     ["s.yaml:4:28: error[unknown-id]: rules[0].pick: unknown value 'best'\n    hint: expected one of: random, first, cheapest"]),
    (HEAD + "rules:\n  - {role: alliance, per_turn: 21}\n",
     ["s.yaml:4:32: error[out-of-range]: rules[0].per_turn: 21 is out of range (it must be at most 20)"]),
    (HEAD + "reserve: '3'\n",
     ["s.yaml:3:10: error[wrong-type]: reserve: expected a whole number, got '3'\n    hint: remove the quotes around the value"]),
    (HEAD + "rules:\n  - {role: alliance, when: [{metr: {id: security, max: 40}}]}\n",
     ["s.yaml:4:30: error[unknown-key]: there is no condition kind 'metr'\n    hint: did you mean 'meter'?"]),
    ("", ["s.yaml:1:1: error[missing-field]: missing required key 'id'\n    hint: add 'id: ...' here",
          "s.yaml:1:1: error[missing-field]: missing required key 'format'\n    hint: add 'format: ...' here"]),
])
def test_a_mistake_in_a_strategy_file_is_located_with_its_code(tmp_path: Path, body: str, expected: list[str]) -> None:
    file = read_strategy(write(tmp_path, body), shown="s.yaml")
    assert [d.format() for d in file.diagnostics] == expected
    assert file.strategy is None and not file.ok


def test_every_bad_rule_is_reported_at_once(tmp_path: Path) -> None:
    body = HEAD + "rules:\n  - {per_turn: 1}\n  - {role: alliance}\n  - {tag: us, tags: [china]}\ncrises:\n  - {}\n"
    assert diagnostics(tmp_path, body) == [
        "s.yaml:4:5: error[bad-rule]: a rule names nothing to take" + ONE_KIND,
        "s.yaml:6:5: error[bad-rule]: a rule names tag and tags" + ONE_KIND,
        "s.yaml:8:5: error[bad-rule]: a rule names nothing to take" + ONE_ANSWER,
    ]


def test_a_missing_file_names_the_file_and_what_to_give(tmp_path: Path) -> None:
    file = read_strategy(tmp_path / "nope.yaml", shown="nope.yaml")
    (d,) = file.diagnostics
    assert (d.file, d.line, d.col, d.code) == ("nope.yaml", 0, 0, "missing-file")
    assert d.format() == ("nope.yaml: error[missing-file]: no such strategy file\n"
                          "    hint: give a .yaml strategy file, or the id of a shipped strategy (gaiko lab lists them)")
    assert file.strategy is None and file.document is None


def test_a_good_file_reads_into_its_strategy(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "name: {en: Mine, ja: 私の}\ndescription: {en: Mine., ja: 私の。}\nreserve: 2\n"
                 "rules:\n  - {roles: [partners, economic_security], per_turn: 1}\n  - {tag: tech, pick: cheapest}\n"
                 "  - {action: maritime_capacity, target: vietnam, pick: first}\n"
                 "avoid: {roles: [rival], tags: [military]}\ncrises:\n  - {choice: quiet_diplomacy}\n  - {role: alliance}\n")
    file = read_strategy(path)
    assert file.ok and file.diagnostics == []
    assert file.strategy == Strategy(
        id="s", names={"ja": "私の", "en": "Mine"}, reserve=2,
        rules=(ActionRule(roles=("partners", "economic_security"), per_turn=1), ActionRule(tags=("tech",), pick="cheapest"),
               ActionRule(action="maritime_capacity", target="vietnam", pick="first")),
        avoid_roles=("rival",), avoid_tags=("military",),
        crises=(CrisisRule(choice="quiet_diplomacy"), CrisisRule(roles=("alliance",))),
        source=str(path), descriptions={"ja": "私の。", "en": "Mine."})
    assert file.strategy.name("ja") == "私の" and Strategy("bare").name("en") == "bare"


@pytest.mark.parametrize(("body", "expected"), [
    (HEAD + "rules:\n  - {role: alliance, per_turn: 1}\n  - {action: joint_drils}\n",
     "s.yaml:5:14: error[unknown-id]: scenario 'indo_pacific_2025' has no action 'joint_drils'\n"
     "    hint: did you mean 'joint_drills'?"),
    (HEAD + "crises:\n  - {choice: quiet_diplomcy}\n",
     "s.yaml:4:14: error[unknown-id]: scenario 'indo_pacific_2025' has no choice 'quiet_diplomcy'\n"
     "    hint: did you mean 'quiet_diplomacy'?"),
    (HEAD + "crises:\n  - {choice: hold_firm}\n",
     "s.yaml:4:14: error[unknown-id]: scenario 'indo_pacific_2025' has no choice 'hold_firm'\n"
     "    hint: this strategy cannot run on 'indo_pacific_2025'"),
    (HEAD + "rules:\n  - {action: maritime_capacity, target: vietnma}\n",
     "s.yaml:4:41: error[unknown-id]: scenario 'indo_pacific_2025' has no actor 'vietnma'\n"
     "    hint: did you mean 'vietnam'?"),
    (HEAD + "rules:\n  - {role: alliance, when: [{meter: {id: securty, max: 40}}]}\n",
     "s.yaml:4:42: error[unknown-id]: scenario 'indo_pacific_2025' has no meter 'securty'\n"
     "    hint: did you mean 'security'?"),
])
def test_binding_to_a_scenario_locates_every_unknown_id(tmp_path: Path, default: Scenario, body: str, expected: str) -> None:
    file = read_strategy(write(tmp_path, body), shown="s.yaml")
    assert file.ok and file.diagnostics == []
    assert [d.format() for d in bind(file, default)] == [expected]


def test_a_strategy_naming_actions_binds_to_its_own_scenario_only(tmp_path: Path, default: Scenario,
                                                                   northern: Scenario) -> None:
    body = HEAD + "rules:\n  - {action: joint_drills}\ncrises:\n  - {choice: quiet_diplomacy}\n"
    assert diagnostics(tmp_path, body, default) == []
    assert diagnostics(tmp_path, body, northern) == [
        "s.yaml:4:14: error[unknown-id]: scenario 'northern_watch' has no action 'joint_drills'\n"
        "    hint: this strategy cannot run on 'northern_watch'",
        "s.yaml:6:14: error[unknown-id]: scenario 'northern_watch' has no choice 'quiet_diplomacy'\n"
        "    hint: this strategy cannot run on 'northern_watch'",
    ]


def test_a_broken_file_binds_to_nothing_and_load_raises_its_located_errors(tmp_path: Path, default: Scenario) -> None:
    broken = write(tmp_path, HEAD + "rules:\n  - {role: allience}\n", "broken.yaml")
    assert bind(read_strategy(broken), default) == []
    with pytest.raises(BadStrategy) as bad:
        load_strategy(broken, default)
    assert str(bad.value) == (f"{broken}:4:12: error[unknown-id]: rules[0].role: unknown value 'allience'\n"
                              "    hint: did you mean 'alliance'?\n1 error(s), 0 warning(s)")
    unbound = write(tmp_path, HEAD + "rules:\n  - {action: joint_drils}\n", "unbound.yaml")
    assert load_strategy(unbound).rules == (ActionRule(action="joint_drils"),)
    with pytest.raises(BadStrategy) as bad:
        load_strategy(unbound, default)
    assert str(bad.value) == (f"{unbound}:4:14: error[unknown-id]: scenario 'indo_pacific_2025' has no action 'joint_drils'\n"
                              "    hint: did you mean 'joint_drills'?\n1 error(s), 0 warning(s)")


def test_describe_lists_rules_then_reserve_avoid_and_crisis_answers(tmp_path: Path) -> None:
    assert shipped("hedge").describe() == [
        "1. alliance ×1", "2. dialogue ×1", "3. partners/economic_security ×1", "4. partners/economic_security",
        "reserve 1", "avoid military", "crises: partners > alliance > dialogue"]
    mine = from_text(tmp_path, HEAD + "reserve: 2\nrules:\n  - {action: maritime_capacity, target: vietnam, per_turn: 1}\n"
                     "  - {tags: [tech], when: [{meter: {id: security, max: 40}}]}\n"
                     "avoid: {roles: [rival], tags: [military]}\n"
                     "crises:\n  - {choice: quiet_diplomacy}\n  - {tag: us, when: [{turn: {min: 3}}]}\n")
    assert mine.describe() == ["1. maritime_capacity@vietnam ×1", "2. #tech (when…)", "reserve 2", "avoid rival, #military",
                               "crises: quiet_diplomacy > #us (when…)"]
    assert shipped("do_nothing").describe() == []


# --- the interpreter, on the default scenario -----------------------------------------------------

def test_an_action_rule_takes_only_that_action_at_most_once_a_turn(tmp_path: Path, default: Scenario) -> None:
    strategy = from_text(tmp_path, HEAD + "rules:\n  - {action: extended_deterrence_dialogue, per_turn: 1}\n")
    game, legal_at_start = new_game(default, 4, undo=False), dict[int, bool]()

    def note(g: Game, order: Order | None) -> None:  # the first call of a turn comes before any action
        legal_at_start.setdefault(g.turn, Order("extended_deterrence_dialogue") in g.legal_actions())

    drive(game, StrategyPolicy(strategy, stream(4, "policy")), on_act=note)
    played = turns(game)
    taken = [turn for turn, os in enumerate(played, 1) if os]
    assert all(os == [Order("extended_deterrence_dialogue")] for os in played if os)
    # it is taken every turn it can be: cooldown 2, cost 1, so turns 1, 3, 5, …
    cooldown = next(a.cooldown for a in default.actions if a.id == "extended_deterrence_dialogue")
    assert taken == [turn for turn, legal in legal_at_start.items() if legal] == list(range(1, len(played) + 1, cooldown))
    assert game.is_over and len(played) >= 12  # long enough to see the cooldown come round many times


def test_an_action_rule_with_a_target_takes_only_that_target(tmp_path: Path, default: Scenario) -> None:
    game = play(default, from_text(tmp_path, HEAD + "rules:\n  - {action: maritime_capacity, target: vietnam}\n"), 2)
    assert set(orders(game)) == {"maritime_capacity@vietnam"}


def test_per_turn_caps_a_role_rule_and_only_that_rule(tmp_path: Path, default: Scenario) -> None:
    us = default.tags_for("alliance")
    capped = play(default, from_text(tmp_path, HEAD + "rules:\n  - {role: alliance, per_turn: 2, pick: first}\n"), 0)
    free = play(default, from_text(tmp_path, HEAD + "rules:\n  - {role: alliance, pick: first}\n"), 0)
    tags = {a.id: a.tags for a in default.actions}
    per_turn = [sum(bool(tags[o.action] & us) for o in os) for os in turns(capped)]
    assert max(per_turn) == 2 and all(len(os) == n for os, n in zip(turns(capped), per_turn, strict=True))
    assert max(len(os) for os in turns(free)) == 3
    assert [str(o) for o in turns(capped)[0]] == ["joint_drills", "two_plus_two"]


@pytest.mark.parametrize("seed", [0, 5])
def test_the_reserve_is_never_spent_on_actions(tmp_path: Path, default: Scenario, seed: int) -> None:
    partners = default.tags_for("partners")
    lowest: list[int] = []

    def check(reserve: int) -> Callable[[Game, Order | None], None]:
        def on_act(g: Game, order: Order | None) -> None:
            cost = 0 if order is None else next(a.cost for a in default.actions if a.id == order.action)
            if order is None:  # it ends the turn only when nothing of its kind fits above the reserve
                assert fits(g, partners, g.view.capital - reserve) == []
            else:
                lowest.append(g.view.capital - cost)
        return on_act

    kept = from_text(tmp_path, HEAD + "reserve: 3\nrules:\n  - {role: alliance, per_turn: 1}\n  - {role: partners}\n")
    drive(new_game(default, seed, undo=False), StrategyPolicy(kept, stream(seed, "policy")), on_act=check(3))
    assert len(lowest) > 20 and min(lowest) >= 3
    lowest.clear()
    spent = from_text(tmp_path, HEAD + "rules:\n  - {role: alliance, per_turn: 1}\n  - {role: partners}\n")
    drive(new_game(default, seed, undo=False), StrategyPolicy(spent, stream(seed, "policy")), on_act=check(0))
    assert min(lowest) < 3


def test_avoided_roles_and_tags_are_never_taken(tmp_path: Path, default: Scenario) -> None:
    rival, military = default.tags_for("rival"), default.tags_for("military")
    tags = {a.id: a.tags for a in default.actions}
    avoiding = from_text(tmp_path, HEAD + "rules:\n  - {role: dialogue}\n  - {role: alliance}\n"
                         "avoid: {roles: [rival], tags: [military]}\n")
    free = from_text(tmp_path, HEAD + "rules:\n  - {role: dialogue}\n  - {role: alliance}\n")
    freely: set[str] = set()
    for seed in range(3):
        taken = {o.action for o in play(default, avoiding, seed).history if isinstance(o, Order)}
        assert taken and not any(tags[a] & (rival | military) for a in taken)
        assert taken & {"china_economic_dialogue", "china_dialogue_mechanism"}  # the dialogue role: with China
        assert any(tags[a] & default.tags_for("alliance") for a in taken)
        freely |= {o.action for o in play(default, free, seed).history if isinstance(o, Order)}
    assert "china_economic_dialogue" in freely and any(tags[a] & military for a in freely)


def test_pick_first_takes_scenario_order_and_cheapest_the_lowest_cost(tmp_path: Path, default: Scenario) -> None:
    us = default.tags_for("alliance")
    cost = {a.id: a.cost for a in default.actions}
    for pick in ("first", "cheapest"):
        strategy = from_text(tmp_path, HEAD + f"rules:\n  - {{role: alliance, pick: {pick}}}\n")
        seen: list[str] = []

        def on_act(g: Game, order: Order | None, pick: str = pick, seen: list[str] = seen) -> None:
            options = fits(g, us, g.view.capital)
            if order is None:
                assert options == []
                return
            seen.append(str(order))
            cheapest = min(cost[o.action] for o in options)
            assert order == (options[0] if pick == "first" else next(o for o in options if cost[o.action] == cheapest))

        game = drive(new_game(default, 0, undo=False), StrategyPolicy(strategy, stream(0, "policy")), on_act=on_act)
        assert len(seen) > 24 and orders(game) == seen
        first_turn = [str(o) for o in turns(game)[0]]
        assert first_turn == (["joint_drills", "two_plus_two", "extended_deterrence_dialogue"] if pick == "first"
                              else ["extended_deterrence_dialogue", "joint_drills", "two_plus_two"])


def test_a_when_condition_gates_its_rule(tmp_path: Path, default: Scenario) -> None:
    us = default.tags_for("alliance")
    strategy = from_text(tmp_path, HEAD + "rules:\n  - {role: alliance, when: [{meter: {id: security, max: 50}}]}\n")
    at: list[int] = []

    def on_act(g: Game, order: Order | None) -> None:
        security = g.view.meter("security")
        if order is not None:
            at.append(security)
        elif security <= 50:
            assert fits(g, us, g.view.capital) == []

    drive(new_game(default, 1, undo=False), StrategyPolicy(strategy, stream(1, "policy")), on_act=on_act)
    assert at and max(at) <= 50


def test_crisis_rules_answer_with_the_named_choice_then_the_role_else_the_default(tmp_path: Path,
                                                                                  default: Scenario) -> None:
    us = default.tags_for("alliance")
    strategy = from_text(tmp_path, HEAD + "rules:\n  - {role: partners}\n"
                         "crises:\n  - {choice: quiet_diplomacy}\n  - {role: alliance}\n")
    branches: Counter[str] = Counter()

    def on_answer(g: Game, choice: str) -> None:
        ev, legal = g.pending_crisis, g.legal_choices()
        assert ev is not None
        tagged = [c.id for c in ev.choices if c.id in legal and c.tags & us]
        if "quiet_diplomacy" in legal:
            branches["choice"] += 1
            assert choice == "quiet_diplomacy"
        elif tagged:
            branches["role"] += 1
            assert choice in tagged
        else:
            branches["default"] += 1
            assert choice == g.default_choice()

    for seed in range(12):
        drive(new_game(default, seed, undo=False), StrategyPolicy(strategy, stream(seed, "policy")), on_answer=on_answer)
    assert branches["choice"] > 0 and branches["role"] > 0 and branches["default"] > 0


def test_a_crisis_rule_with_when_applies_only_while_it_holds(tmp_path: Path, default: Scenario) -> None:
    strategy = from_text(tmp_path, HEAD + "rules:\n  - {role: alliance, per_turn: 1}\n  - {role: partners}\n"
                         "crises:\n  - {role: rival, when: [{turn: {min: 13}}]}\n")
    rival = default.tags_for("rival")
    answers = {"early": 0, "late": 0}

    def on_answer(g: Game, choice: str) -> None:
        ev, legal = g.pending_crisis, g.legal_choices()
        assert ev is not None
        tagged = [c.id for c in ev.choices if c.id in legal and c.tags & rival]
        if g.turn >= 13 and tagged:
            answers["late"] += 1
            assert choice in tagged
        else:
            answers["early"] += 1
            assert choice == g.default_choice()

    for seed in range(3):
        drive(new_game(default, seed, undo=False), StrategyPolicy(strategy, stream(seed, "policy")), on_answer=on_answer)
    assert answers["early"] > 0 and answers["late"] > 0


def test_an_empty_strategy_takes_no_action_like_do_nothing(tmp_path: Path, default: Scenario) -> None:
    empty = from_text(tmp_path, HEAD + "rules: []\n")
    for seed in (0, 9):
        game = play(default, empty, seed)
        outcome = game.outcome()
        assert outcome is not None and orders(game) == [] and len(turns(game)) == outcome.turns
        assert game.history == play(default, shipped("do_nothing", default), seed).history
        assert game.fingerprint() == play(default, Strategy("code"), seed).fingerprint()


# --- determinism and the shipped strategies -------------------------------------------------------

def test_the_same_strategy_and_seed_give_the_same_game(default: Scenario) -> None:
    hedge = shipped("hedge", default)
    first, second = play(default, hedge, 11), play(default, hedge, 11)
    assert first.history == second.history and first.fingerprint() == second.fingerprint()
    assert list(first.fired) == list(second.fired) and first.outcome() == second.outcome()
    assert play(default, hedge, 12).history != first.history


def test_the_shipped_strategies_are_the_known_ones_and_name_roles_only() -> None:
    assert list(shipped_paths()) == SHIPPED
    for name, path in shipped_paths().items():
        assert path == STRATEGIES / f"{name}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["id"] == name and data["format"] == 1 and set(data["name"]) == {"en", "ja"}
        assert set(data["description"]) == {"en", "ja"}
        for rule in data["rules"]:
            assert not {"action", "target"} & set(rule), (name, rule)
        for rule in data.get("crises", []):
            assert "choice" not in rule, (name, rule)
        assert "action:" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_strategy_plays_to_the_end_on_both_scenarios(name: str, default: Scenario, northern: Scenario) -> None:
    for sc, folder in ((default, ROOT / "scenarios" / "indo_pacific_2025"), (northern, NORTHERN)):
        assert bind(read_strategy(shipped_paths()[name]), sc) == []
        policy = make_policy(name, stream(3, "policy"), sc, folder)
        assert isinstance(policy, StrategyPolicy) and policy.name == name
        game = play_game(new_game(sc, 3, undo=False), policy)
        outcome = game.outcome()
        assert game.is_over and outcome is not None and outcome.turns == len(turns(game))
        assert set(outcome.meters) == set(sc.meter_ids())
        assert (orders(game) == []) == (name == "do_nothing"), (name, sc.id)


# --- writing a strategy back as a file --------------------------------------------------------------

HANDMADE = Strategy(
    id="mine", names={"en": "Mine", "ja": "私の"}, reserve=2,
    rules=(ActionRule(roles=("alliance",), per_turn=1), ActionRule(action="maritime_capacity", target="vietnam", pick="first"),
           ActionRule(roles=("partners", "economic_security")), ActionRule(tags=("tech",), pick="cheapest")),
    avoid_roles=("rival",), avoid_tags=("military",),
    crises=(CrisisRule(choice="quiet_diplomacy"), CrisisRule(roles=("alliance",)), CrisisRule(roles=("partners", "dialogue"))))


def test_dump_writes_the_text_of_a_strategy_file() -> None:
    assert dump_strategy(HANDMADE, "made by hand\nfor a test") == (
        "# made by hand\n# for a test\nid: mine\nformat: 1\nname: {en: Mine, ja: 私の}\nreserve: 2\nrules:\n"
        "- {role: alliance, per_turn: 1}\n- {action: maritime_capacity, target: vietnam, pick: first}\n"
        "- roles: [partners, economic_security]\n- tags: [tech]\n  pick: cheapest\n"
        "avoid:\n  roles: [rival]\n  tags: [military]\n"
        "crises:\n- {choice: quiet_diplomacy}\n- {role: alliance}\n- roles: [partners, dialogue]\n")


def test_a_dumped_strategy_reads_back_equal_and_plays_the_same_game(tmp_path: Path, default: Scenario) -> None:
    path = write(tmp_path, dump_strategy(HANDMADE, "round trip"), "mine.yaml")
    file = read_strategy(path)
    assert file.ok and file.diagnostics == [] and bind(file, default) == []
    back = file.strategy
    assert back is not None
    assert (back.id, back.names, back.reserve, back.rules, back.avoid_roles, back.avoid_tags, back.crises) == (
        HANDMADE.id, HANDMADE.names, HANDMADE.reserve, HANDMADE.rules, HANDMADE.avoid_roles, HANDMADE.avoid_tags,
        HANDMADE.crises)
    for seed in (0, 7):
        ours, theirs = play(default, HANDMADE, seed), play(default, back, seed)
        assert ours.history == theirs.history and ours.fingerprint() == theirs.fingerprint()
        assert len(orders(ours)) > 24


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_strategy_survives_a_dump(tmp_path: Path, name: str) -> None:
    original = shipped(name)
    back = from_text(tmp_path, dump_strategy(original))
    assert (back.id, back.names, back.reserve, back.rules, back.avoid_roles, back.crises) == (
        original.id, original.names, original.reserve, original.rules, original.avoid_roles, original.crises)


# --- names: which player a name means ---------------------------------------------------------------

def test_an_unknown_name_lists_every_player(default: Scenario) -> None:
    with pytest.raises(BadStrategy) as bad:
        make_policy("nope", stream(0, "policy"), default)
    assert str(bad.value) == f"there is no player 'nope'; choose one of: {PLAYERS}, or give a strategy file's path"
    with pytest.raises(BadStrategy) as bad:
        shipped("nope")
    assert str(bad.value) == f"there is no shipped strategy 'nope'; choose one of: {', '.join(SHIPPED)}"
    assert player_names() == ["random", *SHIPPED, "lookahead"]


def test_coded_players_and_strategy_files_are_found_by_name(tmp_path: Path, default: Scenario) -> None:
    assert isinstance(make_policy("random", stream(0, "policy")), RandomPolicy)
    assert isinstance(make_policy("lookahead", stream(0, "policy")), LookaheadPolicy)
    path = write(tmp_path, HEAD + "rules:\n  - {role: partners}\n", "mine.yaml")
    policy = make_policy(str(path), stream(0, "policy"), default)
    assert isinstance(policy, StrategyPolicy) and policy.strategy.source == str(path)
    assert strategy_path(str(tmp_path / "absent.yaml")) == tmp_path / "absent.yaml"
    with pytest.raises(BadStrategy) as bad:
        make_policy(str(tmp_path / "absent.yaml"), stream(0, "policy"), default)
    assert str(bad.value).startswith(f"{tmp_path / 'absent.yaml'}: error[missing-file]: no such strategy file\n")


def test_a_scenarios_own_strategy_comes_before_a_shipped_one(tmp_path: Path, northern: Scenario) -> None:
    folder = tmp_path / "sc"
    shutil.copytree(NORTHERN, folder)
    assert scenario_paths(folder) == {} and player_names(folder) == ["random", *SHIPPED, "lookahead"]
    (folder / "strategies").mkdir()
    own = write(folder / "strategies", "id: hedge\nformat: 1\nrules:\n  - {role: military}\n", "hedge.yaml")
    extra = write(folder / "strategies", "id: fortress\nformat: 1\nrules:\n  - {role: alliance}\n", "fortress.yaml")
    assert scenario_paths(folder) == {"fortress": extra, "hedge": own}
    assert strategy_path("hedge", folder) == own and strategy_path("hedge") == STRATEGIES / "hedge.yaml"
    assert strategy_path("fortress", folder) == extra
    assert player_names(folder) == ["random", *SHIPPED, "fortress", "lookahead"]
    with pytest.raises(BadStrategy) as bad:
        strategy_path("fortress")
    assert f"choose one of: {PLAYERS}, or" in str(bad.value)
    policy = make_policy("hedge", stream(0, "policy"), northern, folder)
    assert isinstance(policy, StrategyPolicy) and policy.strategy.rules == (ActionRule(roles=("military",)),)
    game = play_game(new_game(northern, 0, undo=False), policy)
    military = northern.tags_for("military")
    tags = {a.id: a.tags for a in northern.actions}
    assert orders(game) and all(tags[o.action] & military for os in turns(game) for o in os)


# --- gaiko simulate --strategy ----------------------------------------------------------------------

def simulate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["simulate", *args])
    gc.unfreeze()  # `simulate` freezes what is alive for its games; give it back to the collector in this process
    out, err = capsys.readouterr()
    return code, out, err


def test_a_strategy_file_simulates_like_the_shipped_id_of_the_same_file(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    mine = write(tmp_path, (STRATEGIES / "hedge.yaml").read_text(encoding="utf-8"), "mine.yaml")
    code, out, err = simulate(capsys, "--strategy", str(mine), "--runs", "3", "--json")
    assert code == 0 and err == ""
    ours = json.loads(out)
    code, out, _ = simulate(capsys, "--policy", "hedge", "--runs", "3", "--json")
    theirs = json.loads(out)
    assert code == 0 and ours["runs"] == theirs["runs"] and [r["seed"] for r in ours["runs"]] == [0, 1, 2]
    assert ours["summary"]["policy"] == str(mine) and theirs["summary"]["policy"] == "hedge"
    assert {**ours["summary"], "policy": "hedge"} == theirs["summary"]


def test_a_strategy_file_simulates_on_another_countrys_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = simulate(capsys, "--strategy", str(STRATEGIES / "partners_only.yaml"), "--scenario", str(NORTHERN),
                              "--runs", "2", "--json")
    data = json.loads(out)
    assert code == 0 and err == "" and data["summary"]["scenario"] == "northern_watch"
    assert [set(r["meters"]) for r in data["runs"]] == [{"security", "prosperity", "autonomy", "cohesion"}] * 2


@pytest.mark.parametrize(("body", "message"), [
    (HEAD + "rules:\n  - {role: allience}\n",
     "{path}:4:12: error[unknown-id]: rules[0].role: unknown value 'allience'\n    hint: did you mean 'alliance'?"),
    (HEAD + "rules:\n  - {role: alliance\n",
     "{path}:5:1: error[yaml-syntax]: YAML syntax error: did not find expected ',' or '}' "
     "(while parsing a flow mapping started on line 4)\n    hint: check the indentation and the quoting around this line"),
    (HEAD + "rules:\n  - {action: joint_drils}\n",
     "{path}:4:14: error[unknown-id]: scenario 'indo_pacific_2025' has no action 'joint_drils'\n"
     "    hint: did you mean 'joint_drills'?"),
])
def test_a_broken_strategy_file_exits_2_with_a_located_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               body: str, message: str) -> None:
    path = write(tmp_path, body, "bad.yaml")
    code, out, err = simulate(capsys, "--strategy", str(path), "--runs", "1")
    assert code == 2 and out == ""
    assert err == "gaiko: error: " + message.replace("{path}", str(path)) + "\n1 error(s), 0 warning(s)\n"


def test_a_missing_strategy_file_or_a_strategy_for_another_scenario_exits_2(tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    absent = tmp_path / "absent.yaml"
    code, out, err = simulate(capsys, "--strategy", str(absent))
    assert code == 2 and out == "" and err == (
        f"gaiko: error: {absent}: error[missing-file]: no such strategy file\n"
        "    hint: give a .yaml strategy file, or the id of a shipped strategy (gaiko lab lists them)\n"
        "1 error(s), 0 warning(s)\n")
    tied = write(tmp_path, HEAD + "rules:\n  - {action: joint_drills}\n", "tied.yaml")
    code, out, err = simulate(capsys, "--strategy", str(tied), "--scenario", str(NORTHERN))
    assert code == 2 and out == "" and err == (
        f"gaiko: error: {tied}:4:14: error[unknown-id]: scenario 'northern_watch' has no action 'joint_drills'\n"
        "    hint: this strategy cannot run on 'northern_watch'\n1 error(s), 0 warning(s)\n")
    code, out, err = simulate(capsys, "--policy", "nope")
    assert code == 2 and out == ""
    assert err == f"gaiko: error: there is no player 'nope'; choose one of: {PLAYERS}, or give a strategy file's path\n"


# --- regressions found while writing these tests ---------------------------------------------------

def test_per_turn_counts_actions_not_their_tags(tmp_path: Path, default: Scenario) -> None:
    """supply_chain_diversification carries both the partners and the economic-security tags: it is one action."""
    s = from_text(tmp_path, HEAD + "rules:\n  - {roles: [partners, economic_security], per_turn: 2, pick: first}\n"
                  "avoid: {tags: [partnership, dialogue, us]}\n")
    game = new_game(default, 0, undo=False)
    policy = StrategyPolicy(s, stream(0, "policy"))
    first = policy.act(game)
    assert first is not None and first.action == "supply_chain_diversification"
    game.apply(first)
    second = policy.act(game)
    assert second is not None and second.action == "ai_quantum_pact"
    game.apply(second)
    assert policy.act(game) is None


def test_a_crisis_tag_and_a_description_survive_a_dump(tmp_path: Path) -> None:
    s = from_text(tmp_path, HEAD + "description: {en: D, ja: 説明}\nrules: [{role: alliance}]\ncrises: [{tag: us}]\n")
    again = from_text(tmp_path, dump_strategy(s))
    assert again.crises == s.crises and again.crises[0].tags == ("us",)
    assert again.descriptions == {"en": "D", "ja": "説明"}


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "reserve: 3\nrules: [{role: alliance}]\n")
    assert load_strategy(path).reserve == 3
    path.write_text(HEAD + "reserve: 7\nrules: [{role: alliance}]\n", encoding="utf-8")
    assert load_strategy(path).reserve == 7


def test_misspelled_tags_and_every_repeated_unknown_id_are_located(tmp_path: Path, default: Scenario) -> None:
    found = diagnostics(tmp_path, HEAD + "rules:\n  - {tag: partnr}\n  - {action: quad_sumit}\n  - {action: quad_sumit}\n"
                        "avoid: {tags: [chnia]}\n", default)
    assert [d.split(": error")[0] for d in found] == ["s.yaml:4:11", "s.yaml:5:14", "s.yaml:6:14", "s.yaml:7:16"]
    assert "scenario 'indo_pacific_2025' has no tag 'partnr'" in found[0]
    assert "did you mean 'quad_summit'?" in found[1] and "did you mean 'china'?" in found[3]
