"""Standing programmes as data: what is in force, what each costs a turn, does each turn, and costs to end."""

from __future__ import annotations

from dataclasses import dataclass

from gaiko_game.core import Game
from gaiko_game.core.model import ActionDef, CommitmentDef
from gaiko_game.core.plugins import Plan
from gaiko_game.present.words import Words


@dataclass(frozen=True)
class ProgrammeView:
    """One programme in force, numbered from 1 (the terminal's ``x N`` and the window's keys)."""

    number: int
    action: str
    name: str
    since: int
    upkeep: int
    each_turn: str
    """"Each turn: Security +1, …", or ""."""
    ending: str
    """What withdrawing it costs: "Ending it: US Commitment -8, …"."""
    line: str
    """Name, start and upkeep on one line."""
    confirm: str
    """The question asked before withdrawing it, with what that costs."""


@dataclass(frozen=True)
class ProgrammesView:
    """Every programme in force and their upkeep in all."""

    items: tuple[ProgrammeView, ...]
    upkeep: int
    heading: str
    """"Programmes in force (upkeep 2 DC a turn in all):", or "No programmes in force."."""
    summary: str
    """The HUD's one line: names and total upkeep ("" when none is in force)."""
    button: str
    """The window's short label for the programmes button ("" when none is in force)."""

    def lines(self) -> list[str]:
        """The list as the terminal prints it."""
        out = [self.heading]
        for p in self.items:
            out += [f"  {p.number}. {p.line}", *(f"     {x}" for x in (p.each_turn, p.ending) if x)]
        return out


def _effects(w: Words, steps: Plan) -> str:
    return w.join([w.effect(e, off) for off, e in steps])


def each_turn(w: Words, c: CommitmentDef) -> str:
    """What a programme does each turn while in force."""
    text = _effects(w, c.steps)
    return w.ui("programme.each_turn", effects=text) if text else ""


def ending(w: Words, c: CommitmentDef) -> str:
    """What ending a programme costs (withdrawn, or lapsed when its upkeep cannot be paid)."""
    return w.ui("programme.ending", effects=_effects(w, c.end_steps) or w.ui("word.no_changes"))


def programme_note(w: Words, a: ActionDef) -> tuple[str, ...]:
    """What an action's row and preview say when taking it starts a standing programme (empty when it does not)."""
    c = a.commitment
    if c is None:
        return ()
    return tuple(x for x in (w.ui("programme.note", upkeep=c.upkeep), each_turn(w, c), ending(w, c)) if x)


def programmes(game: Game, w: Words) -> ProgrammesView:
    """The programmes in force now, in the order they began."""
    items = []
    for n, (action, since) in enumerate(game.view.commitments().items(), 1):
        a = game.scenario.action(action)
        assert a is not None and a.commitment is not None
        c, name = a.commitment, w.name(f"action.{action}.name")
        end = ending(w, c)
        items.append(ProgrammeView(n, action, name, since, c.upkeep, each_turn(w, c), end,
                                   w.ui("programme.line", name=name, since=since, upkeep=c.upkeep),
                                   w.ui("programme.confirm", name=name, ending=end)))
    upkeep = game.view.upkeep()
    if not items:
        return ProgrammesView((), 0, w.ui("programme.none"), "", "")
    names = w.join([p.name for p in items])
    return ProgrammesView(tuple(items), upkeep, w.ui("programme.heading", upkeep=upkeep),
                          w.ui("programme.summary", names=names, upkeep=upkeep),
                          w.ui("programme.button", n=len(items), upkeep=upkeep))
