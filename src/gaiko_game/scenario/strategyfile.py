"""Strategy files: a player's strategy as YAML, read and checked like a scenario (located errors, hints).

A strategy is an ordered list of rules. Each turn the player walks the list and takes the first
action a rule allows, then walks it again, until no rule allows anything; then the turn ends.
Crises are answered by the first crisis rule that names a possible answer, else by the crisis's
default. Rules name the roles a scenario declares in ``strategy_tags`` (alliance, partners,
dialogue…), tags, or one action; a strategy that names only roles runs on any scenario::

    id: hedge
    format: 1
    name: {en: "Hedge", ja: "ヘッジ"}
    reserve: 0
    rules:
      - {role: partners, per_turn: 1}
      - {role: alliance, per_turn: 1}
      - {action: joint_drills, when: [{meter: {id: security, max: 40}}]}
    avoid: {roles: [rival]}
    crises:
      - {role: partners}
      - {choice: hold_firm}

``bind`` checks a parsed strategy against one scenario (its actions, meters, roles…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field

from gaiko_game.core.model import STRATEGY_ROLES, Scenario
from gaiko_game.core.plugins import Condition
from gaiko_game.scenario import params
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.diagnostics import Diagnostic, did_you_mean
from gaiko_game.scenario.schema import D, Id, Raw, Strict
from gaiko_game.scenario.yamlsafe import Document, Path_, read

Role = Literal["alliance", "rival", "partners", "economic_security", "dialogue", "multilateral", "military"]
assert set(Role.__args__) == set(STRATEGY_ROLES)  # type: ignore[attr-defined]


class Names(Strict):
    ja: str = D("the name in Japanese")
    en: str = D("the name in English")


class Avoid(Strict):
    roles: list[Role] = D("never take an action carrying these roles' tags", default=[])
    tags: list[Id] = D("never take an action carrying these tags", default=[])


class ActionRuleModel(Strict):
    role: Role | None = D("take an action in this role (one of the roles a scenario maps in `strategy_tags`)",
                          default=None)
    roles: list[Role] = D("take an action in any of these roles", default=[])
    tag: Id | None = D("take an action carrying this tag", default=None)
    tags: list[Id] = D("take an action carrying any of these tags", default=[])
    action: Id | None = D("take this action (ties the strategy to scenarios that have it)", default=None)
    target: Id | None = D("with `action`: only on this target", default=None)
    when: Raw = D("conditions (the scenario's condition kinds) that must hold for the rule to apply", default=[])
    per_turn: int = D("at most this many actions of this rule's kind a turn (0: no limit)", default=0, ge=0, le=20)
    pick: Literal["random", "first", "cheapest"] = D(
        "when several actions fit: one at random (seeded), the first in scenario order, or the cheapest",
        default="random")


class CrisisRuleModel(Strict):
    role: Role | None = D("answer with a choice tagged for this role", default=None)
    roles: list[Role] = D("answer with a choice tagged for any of these roles", default=[])
    tag: Id | None = D("answer with a choice carrying this tag", default=None)
    choice: Id | None = D("answer with the choice of this id, where a crisis has it", default=None)
    when: Raw = D("conditions that must hold for the rule to apply", default=[])


class StrategyModel(Strict):
    id: Id = D("strategy id; `gaiko simulate --policy ID` runs a shipped one")
    format: Literal[1] = D("strategy format version")
    name: Names | None = D("its name in both languages (a scenario's text `strategy.<id>` overrides it)", default=None)
    description: Names | None = D("what it does, in both languages", default=None)
    reserve: int = D("Diplomatic Capital never spent (kept for crises)", default=0, ge=0, le=50)
    rules: Annotated[list[ActionRuleModel], Field(max_length=40)] = D("action rules, in priority order", default=[])
    avoid: Avoid = D("actions never taken", default=Avoid())
    crises: Annotated[list[CrisisRuleModel], Field(max_length=40)] = D(
        "how to answer crises, in priority order; the crisis's default when none applies", default=[])
    family: list[Role] = D("the roles that define this strategy's family: the balance lab also searches for the best "
                           "strategy using only these roles, so a family is judged by its best, not by one caricature",
                           default=[])


@dataclass(frozen=True)
class ActionRule:
    """Take an action of a kind (roles, tags or one action), when conditions hold, at most ``per_turn`` a turn."""

    roles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    action: str | None = None
    target: str | None = None
    when: tuple[Condition, ...] = ()
    per_turn: int = 0
    pick: str = "random"

    def describe(self) -> str:
        """The rule as a short line (for reports)."""
        what = self.action + (f"@{self.target}" if self.target else "") if self.action else "/".join(
            [*self.roles, *(f"#{t}" for t in self.tags)])
        return what + (f" ×{self.per_turn}" if self.per_turn else "") + (" (when…)" if self.when else "")


@dataclass(frozen=True)
class CrisisRule:
    """Answer with a choice of a kind (roles, a tag, or one choice id), when conditions hold."""

    roles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    choice: str | None = None
    when: tuple[Condition, ...] = ()

    def describe(self) -> str:
        """The rule as a short word (for reports)."""
        what = self.choice or "/".join([*self.roles, *(f"#{t}" for t in self.tags)])
        return what + (" (when…)" if self.when else "")


@dataclass(frozen=True)
class Strategy:
    """A player's strategy, ready to run."""

    id: str
    names: dict[str, str] = field(default_factory=dict)
    reserve: int = 0
    rules: tuple[ActionRule, ...] = ()
    avoid_roles: tuple[str, ...] = ()
    avoid_tags: tuple[str, ...] = ()
    crises: tuple[CrisisRule, ...] = ()
    source: str = ""
    """The file it was read from ("" for one built in code, such as the search's candidates)."""
    descriptions: dict[str, str] = field(default_factory=dict)
    family: tuple[str, ...] = ()
    """The roles that define its family (what the lab's family search may use)."""

    def name(self, lang: str) -> str:
        """Its own name in a language (its id when it has none)."""
        return self.names.get(lang) or self.id

    def describe(self) -> list[str]:
        """The strategy in short lines: its rules in order, then its reserve, what it avoids, its crisis answers."""
        lines = [f"{i}. {r.describe()}" for i, r in enumerate(self.rules, 1)]
        if self.reserve:
            lines.append(f"reserve {self.reserve}")
        if self.avoid_roles or self.avoid_tags:
            lines.append("avoid " + ", ".join([*self.avoid_roles, *(f"#{t}" for t in self.avoid_tags)]))
        if self.crises:
            lines.append("crises: " + " > ".join(c.describe() for c in self.crises))
        return lines


@dataclass
class StrategyFile:
    """A strategy file read and checked: the strategy (None on errors) and every diagnostic."""

    strategy: Strategy | None
    diagnostics: list[Diagnostic]
    document: Document | None = None
    refs: list[params.Ref] = field(default_factory=list)
    where: list[tuple[str, str, Path_]] = field(default_factory=list)
    """Every id the file names directly (kind, id, where), checked by :func:`bind`."""

    @property
    def ok(self) -> bool:
        """Whether it can run (warnings allowed)."""
        return self.strategy is not None and not any(d.is_error for d in self.diagnostics)


def _one_kind(ck: Checker, doc: Document, path: Path_, model: ActionRuleModel | CrisisRuleModel) -> bool:
    named = [k for k in ("role", "roles", "tag", "tags", "action", "choice") if getattr(model, k, None)]
    if len(named) != 1:
        kinds = "role, roles, tag, tags or action" if isinstance(model, ActionRuleModel) else "role, roles, tag or choice"
        ck.report(doc, path, "bad-rule", f"a rule names {'nothing to take' if not named else ' and '.join(named)}",
                  hint=f"give exactly one of {kinds}")
        return False
    if isinstance(model, ActionRuleModel) and model.target and not model.action:
        ck.report(doc, path + ("target",), "bad-rule", "`target` goes with `action`", hint="name the action too")
        return False
    return True


def _roles(model: ActionRuleModel | CrisisRuleModel) -> tuple[str, ...]:
    return ((model.role,) if model.role else ()) + tuple(model.roles)


def read_strategy(path: Path, shown: str | None = None) -> StrategyFile:
    """Read and check a strategy file (never raises for its content)."""
    shown = shown or str(path)
    ck = Checker()
    if not path.is_file():
        ck.report(shown, (), "missing-file", "no such strategy file",
                  hint="give a .yaml strategy file, or the id of a shipped strategy (gaiko lab lists them)")
        return StrategyFile(None, ck.diagnostics)
    doc, diags = read(path, shown)
    ck.diagnostics.extend(diags)
    if doc is None:
        return StrategyFile(None, ck.diagnostics)
    model = ck.validate(StrategyModel, doc.data if doc.data is not None else {}, doc, ())
    if model is None:
        return StrategyFile(None, ck.diagnostics, doc)
    refs: list[params.Ref] = []
    env = params.Env(doc, ck, refs, target_ok=True)
    rules, crises = [], []
    where: list[tuple[str, str, Path_]] = []
    for i, r in enumerate(model.rules):
        if _one_kind(ck, doc, ("rules", i), r):
            if r.action:
                where.append(("action", r.action, ("rules", i, "action")))
            if r.target:
                where.append(("actor", r.target, ("rules", i, "target")))
            if r.tag:
                where.append(("tag", r.tag, ("rules", i, "tag")))
            where += [("tag", t, ("rules", i, "tags", j)) for j, t in enumerate(r.tags)]
            rules.append(ActionRule(_roles(r), ((r.tag,) if r.tag else ()) + tuple(r.tags), r.action, r.target,
                                    params.conditions(r.when, env, ("rules", i, "when")), r.per_turn, r.pick))
    for i, c in enumerate(model.crises):
        if _one_kind(ck, doc, ("crises", i), c):
            if c.choice:
                where.append(("choice", c.choice, ("crises", i, "choice")))
            if c.tag:
                where.append(("tag", c.tag, ("crises", i, "tag")))
            crises.append(CrisisRule(_roles(c), (c.tag,) if c.tag else (), c.choice,
                                     params.conditions(c.when, env, ("crises", i, "when"))))
    where += [("tag", t, ("avoid", "tags", j)) for j, t in enumerate(model.avoid.tags)]
    if not ck.ok:
        return StrategyFile(None, ck.diagnostics, doc)
    strategy = Strategy(
        id=model.id, names=model.name.model_dump() if model.name else {}, reserve=model.reserve,
        rules=tuple(rules), avoid_roles=tuple(model.avoid.roles), avoid_tags=tuple(model.avoid.tags),
        crises=tuple(crises), source=str(path), descriptions=model.description.model_dump() if model.description else {},
        family=tuple(model.family))
    return StrategyFile(strategy, ck.diagnostics, doc, refs, where)


def bind(file: StrategyFile, sc: Scenario) -> list[Diagnostic]:
    """Check a strategy against a scenario: every action, choice and id it names exists there."""
    if file.strategy is None or file.document is None:
        return []
    doc, ck = file.document, Checker()
    known = _known(sc)
    named = list(file.where)
    named += [(r.kind, r.value, r.path) for r in file.refs if r.value != "target" and not r.defines]
    for kind, value, path in named:
        ids = known.get(kind)
        if ids is not None and value not in ids:
            ck.report(doc, path, "unknown-id", f"scenario '{sc.id}' has no {kind} '{value}'",
                      hint=did_you_mean(value, ids) or f"this strategy cannot run on '{sc.id}'")
    return ck.diagnostics


def _known(sc: Scenario) -> dict[str, set[str]]:
    return {
        "action": {a.id for a in sc.actions},
        "actor": {a.id for a in sc.actors},
        "meter": set(sc.meter_ids()),
        "track": {t.id for t in sc.tracks},
        "event": {e.id for e in sc.events},
        "choice": {c.id for e in sc.events for c in e.choices},
        "partner": set(sc.partners),
        "dependency": {k for k, _ in sc.dependencies},
        "tag": {t for a in sc.actions for t in a.tags} | {t for e in sc.events for c in e.choices for t in c.tags},
    }


def as_yaml_data(s: Strategy) -> dict[str, Any]:
    """A strategy without conditions as plain data for a YAML file (what the search writes)."""
    def rule(r: ActionRule) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if r.action:
            out["action"] = r.action
            if r.target:
                out["target"] = r.target
        elif len(r.roles) == 1 and not r.tags:
            out["role"] = r.roles[0]
        else:
            out.update({k: list(v) for k, v in (("roles", r.roles), ("tags", r.tags)) if v})
        if r.per_turn:
            out["per_turn"] = r.per_turn
        if r.pick != "random":
            out["pick"] = r.pick
        return out

    def crisis(c: CrisisRule) -> dict[str, Any]:
        if c.choice:
            return {"choice": c.choice}
        if len(c.roles) == 1 and not c.tags:
            return {"role": c.roles[0]}
        return {"tag": c.tags[0]} if c.tags else {"roles": list(c.roles)}

    data: dict[str, Any] = {"id": s.id, "format": 1}
    if s.names:
        data["name"] = dict(s.names)
    if s.descriptions:
        data["description"] = dict(s.descriptions)
    if s.reserve:
        data["reserve"] = s.reserve
    data["rules"] = [rule(r) for r in s.rules]
    if s.avoid_roles or s.avoid_tags:
        data["avoid"] = {k: list(v) for k, v in (("roles", s.avoid_roles), ("tags", s.avoid_tags)) if v}
    data["crises"] = [crisis(c) for c in s.crises]
    return data


def dump_strategy(s: Strategy, comment: str = "") -> str:
    """A strategy without conditions as the text of a strategy file (``comment`` goes on top, one ``#`` a line)."""
    head = "".join(f"# {line}\n" for line in comment.splitlines())
    return head + yaml.safe_dump(as_yaml_data(s), sort_keys=False, allow_unicode=True, default_flow_style=None, width=100)
