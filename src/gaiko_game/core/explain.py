"""Words for the ledger: what a cause was, what a change did, what an effect will do."""

from __future__ import annotations

from gaiko_game.core.board import Cause, Change, key_name
from gaiko_game.core.plugins import Effect
from gaiko_game.core.preview import Preview
from gaiko_game.core.text import Msg, Name

KEY_ORDER = ("meter.security", "meter.prosperity", "meter.autonomy", "capital", "track.", "relation.", "stance.",
             "dep.", "counter.")


def key_rank(key: str) -> tuple[int, str]:
    """Sort key for numbers as players read them: the meters first, then capital, tracks, relations…"""
    return next((i for i, p in enumerate(KEY_ORDER) if key.startswith(p)), len(KEY_ORDER)), key


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


def _amounts(changes: tuple[Change, ...]) -> list[Msg]:
    """Net changes as "Security +2" messages, capital aside (costs are shown apart)."""
    return [Msg.of("effect.amount", name=key_name(k), by=d)
            for k, d in sorted(net_by_key(changes).items(), key=lambda kv: key_rank(kv[0])) if k != "capital"]


def preview_msgs(p: Preview) -> list[Msg]:
    """A preview as messages: odds, every change now, later pieces, the autonomy target, what a failure does."""
    out = [Msg.of("ui.odds", p=round(p.odds * 100))] if p.odds is not None else []
    out += _amounts(p.now)
    out += [effect_msg(e, off) for off, e in p.later]
    if p.autonomy_target:
        out.append(Msg.of("effect.autonomy_target", by=p.autonomy_target))
    if p.odds is not None:
        fail = tuple(_amounts(p.failure_now) + [effect_msg(e, off) for off, e in p.failure_later])
        if fail:
            out.append(Msg.of("effect.on_failure", inner=fail))
    return out
