"""Turn validated file models into the engine's scenario objects, noting every reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gaiko_game.core import model as m
from gaiko_game.core.plugins import TARGET
from gaiko_game.scenario import params, schema
from gaiko_game.scenario.context import Checker
from gaiko_game.scenario.params import Env, Ref
from gaiko_game.scenario.yamlsafe import Document, Path_

EACH = "each"


@dataclass
class Where:
    """Where a defined object is written, for diagnostics about it."""

    doc: Document
    path: Path_


@dataclass
class Parts:
    """Everything built from a scenario's files, with the positions of what was defined."""

    checker: Checker
    refs: list[Ref] = field(default_factory=list)
    actors: list[m.ActorDef] = field(default_factory=list)
    actions: list[m.ActionDef] = field(default_factory=list)
    rules: list[m.RuleDef] = field(default_factory=list)
    events: list[m.EventDef] = field(default_factory=list)
    defined: dict[tuple[str, str], Where] = field(default_factory=dict)
    partner_ids: frozenset[str] = frozenset()
    complete: bool = True
    without: frozenset[str] = frozenset()
    """Assumptions switched off: every rule, move, modifier or ending encoding one is left out."""
    folder: Path | None = None
    """The scenario's folder (its own strategy files may be named in its texts)."""
    overriding: bool = False
    """Reading a layer's files: an id a base file defined is replaced, not a duplicate."""
    base_ids: set[tuple[str, str]] = field(default_factory=set)
    """The ids the base scenario's files defined (a layer may replace each once)."""
    quiet: set[int] = field(default_factory=set)
    """The text files (by ``id`` of their documents) whose unused keys are not reported: a base's, under a layer."""

    def define(self, kind: str, obj_id: str, doc: Document, path: Path_) -> bool:
        """Note a new id; report a duplicate and return False when it already exists. Reading a layer, an id the
        base defined is replaced: the base's item is dropped, once."""
        key = (kind, obj_id)
        if self.overriding and key in self.base_ids:
            self.base_ids.discard(key)
            self.drop(kind, obj_id)
        elif key in self.defined:
            first = self.defined[key]
            line = first.doc.where(first.path)[0]
            self.checker.report(doc, path + ("id",), "duplicate-id", f"{kind} id '{obj_id}' is defined twice",
                                hint=f"the first is at {first.doc.file}:{line}; ids must be unique")
            return False
        elif not self.overriding:
            self.base_ids.add(key)
        self.defined[key] = Where(doc, path)
        return True

    def drop(self, kind: str, obj_id: str) -> None:
        """Take a built item out (a layer replaces or removes it)."""
        if kind == "actor":
            self.actors[:] = [x for x in self.actors if x.id != obj_id]
        elif kind == "action":
            self.actions[:] = [x for x in self.actions if x.id != obj_id]
        elif kind == "rule":
            self.rules[:] = [x for x in self.rules if x.id != obj_id]
        elif kind == "event":
            self.events[:] = [x for x in self.events if x.id != obj_id]
        self.defined.pop((kind, obj_id), None)

    def env(self, doc: Document, target_ok: bool = False) -> Env:
        """A reading context for condition and effect lists in ``doc``."""
        return Env(doc, self.checker, self.refs, target_ok)

    def ref(self, kind: str, value: str, doc: Document, path: Path_) -> None:
        """Note a reference written directly in a file (not inside a plugin)."""
        self.refs.append(Ref(kind, value, doc, path))

    def kept(self, assumption: str | None, doc: Document, path: Path_) -> bool:
        """Note an item's assumption (if any); whether the item stays (its assumption is not switched off)."""
        if assumption is None:
            return True
        self.ref("assumption", assumption, doc, path)
        return assumption not in self.without


def bonuses(parts: Parts, items: list[schema.BonusModel], doc: Document, path: Path_) -> tuple[m.Bonus, ...]:
    """Build conditional bonuses (income bands, odds and chance modifiers), without switched-off assumptions'."""
    env = parts.env(doc)
    return tuple(m.Bonus(params.conditions(b.when, env, path + (i, "when")), b.add) for i, b in enumerate(items)
                 if parts.kept(b.assumption, doc, path + (i, "assumption")))


def _each_valid(parts: Parts, model: type[Any], raw: list[dict[str, Any]], doc: Document) -> Any:
    """The items of a file that validate against ``model``, with their indexes."""
    for i, item in enumerate(raw):
        valid = parts.checker.validate(model, item, doc, (i,))
        if valid is None:
            parts.complete = False
        else:
            yield i, valid


def add_actors(parts: Parts, raw: list[dict[str, Any]], doc: Document) -> None:
    """Build actors."""
    for i, a in _each_valid(parts, schema.ActorModel, raw, doc):
        if parts.define("actor", a.id, doc, (i,)):
            parts.actors.append(m.ActorDef(a.id, a.lat, a.lon, a.role, a.relation, a.stance, a.inset, a.baseline))


def add_actions(parts: Parts, raw: list[dict[str, Any]], doc: Document) -> None:
    """Build actions."""
    for i, a in _each_valid(parts, schema.ActionModel, raw, doc):
        if not parts.define("action", a.id, doc, (i,)):
            continue
        parts.ref("category", a.category, doc, (i, "category"))
        for j, t in enumerate(a.targets):
            parts.ref("actor", t, doc, (i, "targets", j))
        env = parts.env(doc, target_ok=bool(a.targets))
        first_ref = len(parts.refs)
        odds = m.Odds(a.odds, bonuses(parts, a.odds_modifiers, doc, (i, "odds_modifiers"))) if a.odds is not None else None
        parts.actions.append(m.ActionDef(
            id=a.id, category=a.category, cost=a.cost, cooldown=a.cooldown, targets=tuple(a.targets),
            tags=frozenset(a.tags) | {a.category},
            requires=params.conditions(a.requires, env, (i, "requires")),
            effects=params.effects(a.effects, env, (i, "effects")),
            odds=odds, on_failure=params.effects(a.on_failure, env, (i, "on_failure")),
            commitment=_commitment(parts, a, doc, i),
        ))
        _check_partner_targets(parts, a, doc, (i,), parts.refs[first_ref:])


def _commitment(parts: Parts, a: schema.ActionModel, doc: Document, i: int) -> m.CommitmentDef | None:
    """The standing programme an action starts, if any (its effects cannot name the action's target)."""
    c = a.commitment
    if c is None:
        return None
    env = parts.env(doc)
    return m.CommitmentDef(c.upkeep, params.effects(c.each_turn, env, (i, "commitment", "each_turn")),
                           params.effects(c.on_end, env, (i, "commitment", "on_end")))


def _check_partner_targets(parts: Parts, a: schema.ActionModel, doc: Document, path: Path_, refs: list[Ref]) -> None:
    """`to: target` in a dependency shift needs every target to be a dependency partner too."""
    if not any(r.kind == "partner" and r.value == TARGET for r in refs):
        return
    for j, t in enumerate(a.targets):
        if t not in parts.partner_ids:
            parts.checker.report(doc, path + ("targets", j), "unknown-id",
                                 f"target '{t}' is not a dependency partner, but an effect shifts dependence to the target",
                                 hint=f"partners: {', '.join(sorted(parts.partner_ids))}")


def _each(raw: Any, actor: str) -> Any:
    """``raw`` with every ``each`` value replaced by ``actor``."""
    if isinstance(raw, dict):
        return {k: _each(v, actor) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_each(v, actor) for v in raw]
    return actor if raw == EACH else raw


def add_rules(parts: Parts, raw: list[dict[str, Any]], doc: Document) -> None:
    """Build world rules, one per actor for rules with ``for_each``."""
    for i, r in _each_valid(parts, schema.RuleModel, raw, doc):
        if not parts.define("rule", r.id, doc, (i,)) or not parts.kept(r.assumption, doc, (i, "assumption")):
            continue
        env = parts.env(doc)
        for j, actor in enumerate(r.for_each):
            parts.ref("actor", actor, doc, (i, "for_each", j))
        for actor in r.for_each or [None]:
            when = _each(r.when, actor) if actor else r.when
            effects = _each(r.effects, actor) if actor else r.effects
            parts.rules.append(m.RuleDef(r.id, params.conditions(when, env, (i, "when")),
                                         params.effects(effects, env, (i, "effects"))))


def add_agendas(parts: Parts, raw: list[dict[str, Any]], doc: Document) -> None:
    """Build the other actors' moves: events of phase ``move``, one group per actor (one move a turn at most)."""
    for i, agenda in _each_valid(parts, schema.AgendaModel, raw, doc):
        parts.ref("actor", agenda.actor, doc, (i, "actor"))
        for j, mv in enumerate(agenda.moves):
            path = (i, "moves", j)
            if not parts.define("event", mv.id, doc, path) or not parts.kept(mv.assumption, doc, path + ("assumption",)):
                continue
            env = parts.env(doc)
            window = (mv.window[0], mv.window[1]) if mv.window else None
            trigger = m.TriggerDef(window=window, when=params.conditions(mv.when, env, path + ("when",)),
                                   chance=m.Odds(mv.chance, bonuses(parts, mv.likelier, doc, path + ("likelier",))),
                                   cooldown=mv.cooldown, max_times=mv.max_times, group=f"move:{agenda.actor}")
            parts.events.append(m.EventDef(id=mv.id, phase="move", trigger=trigger, actor=agenda.actor, rare=mv.rare,
                                           immediate=params.effects(mv.effects, env, path + ("effects",))))


def add_events(parts: Parts, raw: list[dict[str, Any]], doc: Document) -> None:
    """Build events and their choices."""
    for i, e in _each_valid(parts, schema.EventModel, raw, doc):
        if not parts.define("event", e.id, doc, (i,)):
            continue
        env = parts.env(doc)
        t = e.trigger
        window = (t.window[0], t.window[1]) if t.window else None
        if window and window[0] > window[1]:
            parts.checker.report(doc, (i, "trigger", "window"), "out-of-range", f"window {list(window)} ends before it starts")
        trigger = m.TriggerDef(
            window=window,
            when=params.conditions(t.when, env, (i, "trigger", "when")),
            chance=m.Odds(t.chance, bonuses(parts, t.chance_modifiers, doc, (i, "trigger", "chance_modifiers"))),
            once=t.once, cooldown=t.cooldown, max_times=t.max_times, group=t.group,
        )
        ongoing = None
        if e.ongoing is not None:
            ongoing = m.OngoingDef(
                each_turn=params.effects(e.ongoing.each_turn, env, (i, "ongoing", "each_turn")),
                until=params.conditions(e.ongoing.until, env, (i, "ongoing", "until")),
                max_turns=e.ongoing.max_turns,
            )
        choices = tuple(_choice(parts, e, c, doc, (i, "choices", j)) for j, c in enumerate(e.choices))
        _check_event_shape(parts, e, doc, (i,))
        parts.events.append(m.EventDef(
            id=e.id, phase=e.phase, trigger=trigger,
            immediate=params.effects(e.immediate, env, (i, "immediate")),
            choices=choices, default=e.default, rare=e.rare, hidden=e.hidden, ongoing=ongoing, opportunity=e.opportunity,
        ))


def _choice(parts: Parts, e: schema.EventModel, c: schema.ChoiceModel, doc: Document, path: Path_) -> m.ChoiceDef:
    parts.define(f"choice of {e.id}", c.id, doc, path)
    env = parts.env(doc)
    for k, f in enumerate(c.follow_up):
        parts.ref("event", f.event, doc, path + ("follow_up", k, "event"))
    odds = m.Odds(c.odds, bonuses(parts, c.odds_modifiers, doc, path + ("odds_modifiers",))) if c.odds is not None else None
    return m.ChoiceDef(
        id=c.id, cost=c.cost, requires=params.conditions(c.requires, env, path + ("requires",)),
        effects=params.effects(c.effects, env, path + ("effects",)), odds=odds,
        on_failure=params.effects(c.on_failure, env, path + ("on_failure",)),
        follow_ups=tuple(m.FollowUp(f.event, f.after) for f in c.follow_up),
        tags=frozenset(c.tags), weight=c.weight,
    )


def _check_event_shape(parts: Parts, e: schema.EventModel, doc: Document, path: Path_) -> None:
    def report(doc: Document, path: Path_, code: str, message: str, hint: str | None = None,
               warning: bool = False) -> None:
        parts.checker.report(doc, path, code, message, hint=hint, warning=warning)

    if e.phase == "news" and e.choices:
        report(doc, path + ("choices",), "bad-event", f"news event '{e.id}' cannot have choices",
               hint="make it `phase: crisis`, or drop the choices")
    if e.hidden and e.choices:
        report(doc, path + ("hidden",), "bad-event", f"hidden event '{e.id}' cannot have choices",
               hint="hidden events act on the world without asking the player")
    if e.ongoing is not None and not (e.ongoing.until or e.ongoing.max_turns):
        report(doc, path + ("ongoing",), "bad-event", f"situation '{e.id}' has no 'until' and no 'max_turns'",
               hint="give it a way to end, or it lasts the whole game", warning=True)
    if e.choices and len(e.choices) < 2:
        report(doc, path + ("choices",), "bad-event", f"crisis '{e.id}' has one choice; a crisis needs 2 to 4")
    ids = [c.id for c in e.choices]
    if e.default is not None and e.default not in ids:
        report(doc, path + ("default",), "unknown-id", f"default '{e.default}' is not a choice of '{e.id}'",
               hint=f"choices: {', '.join(ids)}")
    if e.choices and e.default is None:
        report(doc, path, "missing-field", f"crisis '{e.id}' needs a 'default' choice (taken when time runs out)")
    default = next((c for c in e.choices if c.id == e.default), None)
    if default is not None and (default.cost or default.requires):
        report(doc, path + ("default",), "bad-event", f"default choice '{default.id}' must be free and unconditional",
               hint="the default is taken when nobody answers, so it must always be possible")
