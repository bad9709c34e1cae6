"""A strategy's rules as short lines in either language, with the scenario's own names (for the lab's report)."""

from __future__ import annotations

from gaiko_game.core import Scenario
from gaiko_game.lab.words import LANGS, say
from gaiko_game.scenario.strategyfile import ActionRule, CrisisRule, Strategy


def _text(sc: Scenario, lang: str, key: str, fallback: str) -> str:
    return sc.loc.get(lang, {}).get(key, fallback)


def _kinds(lang: str, roles: tuple[str, ...], tags: tuple[str, ...]) -> str:
    return " / ".join([*(say(f"role.{r}", lang) for r in roles), *(f"#{t}" for t in tags)])


def _action_rule(sc: Scenario, lang: str, n: int, r: ActionRule) -> str:
    if r.action:
        name = _text(sc, lang, f"action.{r.action}.name", r.action)
        what = say("rule.target", lang, action=name, target=_text(sc, lang, f"actor.{r.target}", r.target)) \
            if r.target else name
    else:
        what = _kinds(lang, r.roles, r.tags)
    limits = (say("rule.per_turn", lang, n=r.per_turn) if r.per_turn else "") + (
        say(f"rule.pick.{r.pick}", lang) if r.pick != "random" else "") + (say("rule.when", lang) if r.when else "")
    return say("rule.line", lang, n=n, what=what, limits=limits)


def _crisis_rule(sc: Scenario, lang: str, c: CrisisRule) -> str:
    if c.choice:
        return c.choice
    return _kinds(lang, c.roles, c.tags) + (say("rule.when", lang) if c.when else "")


def describe(s: Strategy, sc: Scenario) -> dict[str, list[str]]:
    """The strategy in each language: its rules in order, then its reserve, what it avoids, its crisis answers."""
    out = {}
    for lang in LANGS:
        lines = [_action_rule(sc, lang, n, r) for n, r in enumerate(s.rules, 1)]
        if s.reserve:
            lines.append(say("rule.reserve", lang, n=s.reserve))
        if s.avoid_roles or s.avoid_tags:
            lines.append(say("rule.avoid", lang, what=_kinds(lang, s.avoid_roles, s.avoid_tags)))
        if s.crises:
            lines.append(say("rule.crises", lang, what=" > ".join(_crisis_rule(sc, lang, c) for c in s.crises)))
        out[lang] = lines
    return out
