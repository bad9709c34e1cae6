"""Words for the ledger: what a cause was, what a change did, what an effect will do."""

from __future__ import annotations

from gaiko_game.core.board import Cause, Change, key_name
from gaiko_game.core.plugins import Effect
from gaiko_game.core.text import Msg, Name


def cause_msg(cause: Cause) -> Msg:
    """A cause as a message, e.g. "Action: Joint drills"."""
    kind, ident = cause.kind, cause.id
    if kind in ("action", "action_failed"):
        name: Msg | Name = Name(f"action.{ident}.name")
        if cause.note:
            name = Msg.of("cause.with_target", name=name, target=Name(f"actor.{cause.note}"))
        return Msg.of(f"cause.{kind}", name=name)
    if kind in ("choice", "choice_failed"):
        event, _, choice = ident.partition(".")
        return Msg.of(f"cause.{kind}", event=Name(f"event.{event}.title"), name=Name(f"event.{event}.choice.{choice}"))
    if kind == "event":
        return Msg.of("cause.event", name=Name(f"event.{ident}.title"))
    if kind == "rule":
        return Msg.of("cause.rule", name=Name(f"rule.{ident}"))
    if kind == "situation":
        return Msg.of("cause.situation", name=Name(f"event.{ident}.title"))
    if kind == "modifier":
        return Msg.of("cause.modifier", name=Name(f"modifier.{ident}"))
    return Msg.of(f"cause.{kind}")


def change_msg(change: Change) -> Msg:
    """A change as a message, e.g. "Security 55 → 57 (+2)"."""
    return Msg.of("change.line", name=key_name(change.key), before=change.before, after=change.after,
                  delta=change.delta)


def effect_msg(effect: Effect, offset: int = 0) -> Msg:
    """What an effect does, and when when it is not now."""
    inner = effect.describe()
    if offset == 1:
        return Msg.of("effect.next_turn", inner=inner)
    return Msg.of("effect.later", inner=inner, n=offset) if offset else inner


def net_by_key(changes: tuple[Change, ...] | list[Change]) -> dict[str, int]:
    """The net change of each number over a list of changes, in first-seen order."""
    out: dict[str, int] = {}
    for ch in changes:
        out[ch.key] = out.get(ch.key, 0) + ch.delta
    return out
