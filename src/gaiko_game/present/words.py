"""A scenario's words in one language: names, causes, amounts and effects, decided once for every front end."""

from __future__ import annotations

from collections.abc import Iterable

from gaiko_game.core import Cause, Change, Choose, Deal, Decision, EndTurn, Msg, Name, Order, Preview, Scenario, Texts, Veto
from gaiko_game.core.board import SPREAD, key_name
from gaiko_game.core.model import EventDef
from gaiko_game.core.plugins import Effect
from gaiko_game.core.reactions import CHANGES, FIRES, STOPS, Reactions
from gaiko_game.core.strings import STRINGS as CORE
from gaiko_game.present.strings import STRINGS as INTERFACE
from gaiko_game.session.strings import STRINGS as SESSION

TABLE: dict[str, dict[str, str]] = {**CORE, **SESSION, **INTERFACE}
"""Every template a front end renders: the engine's, the session's and the interface's."""

_RANK_HEADS = ("capital", "track.", "relation.", "stance.", "dep.", "counter.")
_REACTION = {FIRES: "preview.world_fires", STOPS: "preview.world_stops", CHANGES: "preview.world_changes"}


class Words(Texts):
    """Renders a scenario's names and the interface's messages in one language."""

    def __init__(self, scenario: Scenario, lang: str) -> None:
        super().__init__(scenario.loc, lang, TABLE)
        self.scenario = scenario
        self._meter_keys = tuple(f"meter.{m}" for m in scenario.meter_ids())
        self._events = {e.id: e for e in scenario.events}

    def event_def(self, event_id: str) -> EventDef | None:
        """The scenario's event (or other actor's move) with this id."""
        return self._events.get(event_id)

    def player(self) -> str:
        """The player's country."""
        return self.name(f"actor.{self.scenario.player.id}")

    def meter(self, meter_id: str) -> str:
        """A meter's name."""
        return self.name(f"meter.{meter_id}")

    def order(self, order: Order) -> str:
        """An action as a player reads it, with its target: "Maritime capacity → Vietnam"."""
        name = self.name(f"action.{order.action}.name")
        return name if order.target is None else self.ui("word.order", name=name, target=self.name(f"actor.{order.target}"))

    def decision(self, decision: Decision) -> str:
        """Any decision as a player reads it (what "Undone: …" names)."""
        if isinstance(decision, Order):
            return self.order(decision)
        if isinstance(decision, EndTurn):
            return self.ui("decision.end_turn")
        if isinstance(decision, Choose):
            return self.ui("decision.choose")
        if isinstance(decision, Deal):
            return self.ui("decision.deal", title=self.event_title(decision.event))
        if isinstance(decision, Veto):
            return self.ui("decision.veto", title=self.event_title(decision.event))
        return self.ui("decision.withdraw", name=self.name(f"action.{decision.action}.name"))

    def background(self, entry: str) -> str:
        """An encyclopedia entry (``action.<id>`` or ``event.<id>``) with its sources and date as a paragraph of
        its own, when the scenario gives them."""
        text = self.name(f"{entry}.encyclopedia")
        return f"{text}\n{self.name(f'{entry}.source')}" if self.has(f"{entry}.source") else text

    def note(self) -> str:
        """The scenario's note on what it is (facts as of when, what is fictional, where its assumptions are
        explained), or ""."""
        return self.name("scenario.note") if self.has("scenario.note") else ""

    def key(self, key: str) -> str:
        """A number's name, e.g. "Relation with China"."""
        return self.render(key_name(key))

    def amount(self, key: str, by: int) -> str:
        """A change to a number: "Security +3"."""
        return self.render(Msg.of("effect.amount", name=key_name(key), by=by))

    def cause(self, cause: Cause) -> str:
        """A cause as a player reads it: "Action: Joint drills" (an opportunity's answer is not called a crisis's)."""
        opening = False
        if cause.kind in ("choice", "choice_failed"):
            ev = self.event_def(cause.id.partition(".")[0])
            opening = ev is not None and ev.opportunity
        return self.render(cause_msg(cause, opening))

    def event_title(self, event_id: str) -> str:
        """What fired, as one line: an event's title, or another actor's move ("China restricts …")."""
        ev = self.event_def(event_id)
        return self.name(f"move.{event_id}" if ev is not None and ev.actor is not None else f"event.{event_id}.title")

    def rank(self, key: str) -> tuple[int, str]:
        """Sort key for numbers as players read them: the meters first (in the scenario's order), then capital…"""
        if key in self._meter_keys:
            return self._meter_keys.index(key), ""
        head = next((i for i, p in enumerate(_RANK_HEADS) if key.startswith(p)), len(_RANK_HEADS))
        return len(self._meter_keys) + head, key.replace(SPREAD, "\uffff")  # the others' shares after the one named

    def amounts(self, changes: Iterable[Change], skip: tuple[str, ...] = ("capital",)) -> list[str]:
        """Net changes by number, in reading order: ["Security +2", "Relation with China −3"]. The shares a shift
        without ``from`` made smaller count as one line per kind ("Security dependence (the others) −2"): no single
        partner lost them, so none is named."""
        net: dict[str, int] = {}
        for ch in changes:
            key = f"{ch.key.rpartition('.')[0]}.{SPREAD}" if ch.spread else ch.key
            net[key] = net.get(key, 0) + ch.delta
        return [self.amount(k, d) for k, d in sorted(net.items(), key=lambda kv: self.rank(kv[0])) if k not in skip and d]

    def effect(self, effect: Effect, offset: int = 0) -> str:
        """What an effect does, and when when it is not now."""
        inner = effect.describe()
        if offset == 1:
            return self.render(Msg.of("effect.next_turn", inner=inner))
        return self.render(Msg.of("effect.later", inner=inner, n=offset)) if offset else self.render(inner)

    def preview(self, p: Preview, world: bool = True) -> list[str]:
        """A preview as lines: odds, how much less it yields for being repeated, every change now, later pieces, the
        diversified meter's target, the world's reactions (unless ``world`` is False), a failure's cost (and the
        world's reactions to it, when they differ)."""
        out = [self.ui("word.odds", p=round(p.odds * 100))] if p.odds is not None else []
        rep = self.scenario.repetition
        if p.repeats and rep is not None:
            out.append(self.ui("effect.repeated", n=p.repeats, memory=rep.memory, scale=f"{p.scale:g}"))
        out += self.amounts(p.now)
        out += [self.effect(e, off) for off, e in p.later]
        d = self.scenario.diversification
        if p.target_shift and d is not None:
            out.append(self.ui("effect.autonomy_target", meter=self.meter(d.meter), by=p.target_shift))
        if world:
            out += self.reactions(p.reactions)
        if p.odds is not None:
            fail = self.amounts(p.failure_now) + [self.effect(e, off) for off, e in p.failure_later]
            if p.failure_reactions != p.reactions:
                fail += self.reactions(p.failure_reactions)
            if fail:
                out.append(self.ui("effect.on_failure", inner=self.join(fail)))
        return out

    def reactions(self, r: Reactions) -> list[str]:
        """The world's reactions as lines: each world rule the decision sets off, stops or changes, exactly, then
        each other actor's move whose chance it moves (only where the percentage shown moves)."""
        out = [self.ui(_REACTION[x.kind], rule=self.name(f"rule.{x.rule}"),
                       changes=self.join(self.amounts(x.changes, skip=()) + [self.effect(e, off) for off, e in x.unlisted]))
               for x in r.rules]
        for m in r.moves:
            before, after = round(m.before * 100), round(m.after * 100)
            if before != after:
                out.append(self.ui("preview.move_odds", actor=self.name(f"actor.{m.actor}"),
                                   move=self.name(f"move.{m.move}"), before=before, after=after))
        return out

    def reasons(self, reasons: tuple[Msg, ...]) -> str:
        """Every reason something is unavailable, as one line."""
        return ("" if self.lang == "ja" else " ").join(self.render(r) for r in reasons)


def cause_msg(cause: Cause, opportunity: bool = False) -> Msg:
    """A cause as a message, e.g. "Action: Joint drills" (``opportunity``: a choice answers an opportunity)."""
    kind, ident = cause.kind, cause.id
    if kind in ("action", "action_failed"):
        name: Msg | Name = Name(f"action.{ident}.name")
        if cause.note:
            name = Msg.of("cause.with_target", name=name, target=Name(f"actor.{cause.note}"))
        return Msg.of(f"cause.{kind}", name=name)
    if kind in ("choice", "choice_failed"):
        event, _, choice = ident.partition(".")
        head = kind.replace("choice", "opportunity") if opportunity else kind
        return Msg.of(f"cause.{head}", event=Name(f"event.{event}.title"), name=Name(f"event.{event}.choice.{choice}"))
    named = {"event": f"event.{ident}.title", "rule": f"rule.{ident}", "situation": f"event.{ident}.title",
             "modifier": f"modifier.{ident}", "move": f"move.{ident}", "upkeep": f"action.{ident}.name",
             "commitment": f"action.{ident}.name", "withdrawn": f"action.{ident}.name",
             "lapsed": f"action.{ident}.name", "ending": f"ending.{ident}"}
    if kind in named:
        return Msg.of(f"cause.{kind}", name=Name(named[kind]))
    return Msg.of(f"cause.{kind}")


def words(scenario: Scenario, lang: str) -> Words:
    """The words of a scenario in a language (made once per scenario and language, kept in its cache)."""
    found = scenario.cache.get(f"words.{lang}")
    if not isinstance(found, Words):
        found = scenario.cache[f"words.{lang}"] = Words(scenario, lang)
    return found
