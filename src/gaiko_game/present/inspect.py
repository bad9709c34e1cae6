"""Looking closer: why a number moved, the relations table, dependence, and the cards shown on hover."""

from __future__ import annotations

from gaiko_game.core import Game
from gaiko_game.present.dependence import dependence_view
from gaiko_game.present.report import latest_moves
from gaiko_game.present.words import Words
from gaiko_game.session.advisor import Advice


def why_keys(game: Game, w: Words | None = None) -> dict[str, str]:
    """The numbers a player can ask about by name: meters, capital and tracks, by id or (with ``w``) by their
    names in the player's language, lower-cased (``w security``, ``w 安全保障``)."""
    sc = game.scenario
    keys = [f"meter.{m}" for m in sc.meter_ids()] + ["capital"] + [f"track.{t.id}" for t in sc.tracks]
    out = {k.split(".", 1)[-1]: k for k in keys}
    out["dc"] = "capital"
    if w is not None:
        out.update({w.name(k).lower(): k for k in keys})
    return out


def why(game: Game, w: Words, key: str, n: int = 12) -> list[str]:
    """The latest causes behind one number (``key`` is a ledger key), newest last."""
    recent = [c for c in game.ledger if c.key == key][-n:]
    lines = [w.ui("inspect.why_line", turn=ch.turn, delta=ch.delta, cause=w.cause(ch.cause)) for ch in recent]
    return lines or [w.ui("word.no_changes")]


def meaning(game: Game, w: Words, key: str) -> str:
    """What one number means, with its value now (``key`` is a ledger key: ``meter.<id>``, ``track.<id>``,
    ``capital``); the scenario's text ``<key>.desc``."""
    return w.ui("inspect.meaning", name=w.key(key), value=game.view.number(key), meaning=w.name(f"{key}.desc"))


def why_unknown(game: Game, w: Words) -> str:
    """What to type after ``w``: the names of the meters, capital and tracks in the player's language."""
    keys = dict.fromkeys(why_keys(game).values())
    return w.ui("inspect.why_unknown", names=w.join([w.name(k) for k in keys]))


def relation_line(game: Game, w: Words, actor: str) -> str:
    """An actor's role, relation and stance on one line."""
    a = game.scenario.actor(actor)
    assert a is not None
    v = game.view
    return w.ui("inspect.relation_line", name=w.name(f"actor.{actor}"), role=w.name(f"role.{a.role}"),
                relation=v.relation(actor), stance=v.stance(actor))


def relations(game: Game, w: Words) -> list[str]:
    """Every actor's relation and stance, with a header naming the axis."""
    st = game.scenario.stance
    head = w.ui("inspect.relations_header", player=w.player(), axis=w.name("stance.name"),
                low=w.name(f"actor.{st.low}"), high=w.name(f"actor.{st.high}"))
    return [head, *(relation_line(game, w, a.id) for a in game.scenario.actors)]


def dependence(game: Game, w: Words) -> list[str]:
    """Dependency shares by kind, largest first, and where the diversified meter is heading."""
    return dependence_view(game, w).lines()


def moved(game: Game, w: Words, actor: str) -> list[str]:
    """What an actor did in the turn last played, and why (empty when it made no move)."""
    return [line for m in latest_moves(game, w) if m.actor == actor
            for line in (w.ui("inspect.moved", text=m.line), m.why)]


def actor_card(game: Game, w: Words, actor: str) -> list[str]:
    """What hovering over an actor shows: its numbers, its move last turn and why, and the recent causes of its
    relation."""
    return [relation_line(game, w, actor), *moved(game, w, actor), *why(game, w, f"relation.{actor}", 5)]


def meter_card(game: Game, w: Words, meter: str) -> list[str]:
    """What hovering over a meter shows: its meaning, where the diversified meter is heading (and how to see the
    shares behind it), and the recent causes of its changes."""
    d, target = game.scenario.diversification, game.view.target()
    follows = [w.ui("win.meter_dependence", target=target)] if d is not None and d.meter == meter and target is not None else []
    return [w.name(f"meter.{meter}.desc"), *follows, *why(game, w, f"meter.{meter}", 8)]


def track_card(game: Game, w: Words, track: str) -> list[str]:
    """What hovering over a track shows: its meaning, value and recent causes."""
    t = next(t for t in game.scenario.tracks if t.id == track)
    head = w.ui("hud.track", name=w.name(f"track.{track}"), value=game.view.track(track), hi=t.hi)
    return [head, w.name(f"track.{track}.desc"), *why(game, w, f"track.{track}", 5)]


def advice_line(game: Game, w: Words, advice: Advice) -> str:
    """The advisor's hint: the action a one-turn lookahead prefers, and what it gains over ending the turn."""
    if advice.order is None:
        return w.ui("advisor.end")
    gains = w.join([f"{w.meter(m)} {d:+d}" for m, d in advice.gains.items() if d])
    return w.ui("advisor.advice", action=w.order(advice.order), gains=gains or w.ui("advisor.even"))
