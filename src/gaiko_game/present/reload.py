"""What a hot reload says to the modder: what the edit changed and how much of the game replayed on it.

Decided here once, in both languages, so the window's banner and any other front end say the same words.
"""

from __future__ import annotations

from gaiko_game.present.words import Words
from gaiko_game.session.reload import ContentChanges, KindChanges, Rebuilt

_KIND = {"actions": "reload.actions", "events": "reload.events", "rules": "reload.rules", "actors": "reload.actors"}


def _kind(w: Words, k: KindChanges) -> str:
    counts = [w.ui(key, n=n) for key, n in (("reload.changed", k.changed), ("reload.added", k.added),
                                             ("reload.removed", k.removed)) if n]
    return w.ui("reload.kind", kind=w.ui(_KIND[k.kind]), counts=w.separator.join(counts))


def changes_line(w: Words, changes: ContentChanges) -> str:
    """What the edit changed, kind by kind: "actions: 2 changed · events: 1 added"."""
    parts = [_kind(w, k) for k in changes.kinds if k]
    if changes.texts:
        parts.append(w.ui("reload.kind", kind=w.ui("reload.texts"), counts=w.ui("reload.changed", n=changes.texts)))
    if changes.settings:
        parts.append(w.ui("reload.settings"))
    return " · ".join(parts) or w.ui("reload.nothing")


def reload_line(w: Words, old: Words, changes: ContentChanges, rebuilt: Rebuilt) -> str:
    """The banner after a reload: what changed, then how many decisions replayed (and where it stopped, and why).

    ``old`` speaks the version before the edit: a decision it stopped at may name an action the edit removed.
    """
    head = w.ui("reload.done", changes=changes_line(w, changes))
    stop = rebuilt.stopped
    if stop is None:
        tail = w.ui("reload.replayed", played=rebuilt.played, total=rebuilt.total)
    else:
        tail = w.ui("reload.stopped", played=rebuilt.played, total=rebuilt.total, turn=stop.turn,
                    decision=old.decision(stop.decision), why=stop.refusal.text(w.lang))
    parts = [head, tail, *([] if rebuilt.same_campaign else [w.ui("reload.new_campaign")])]
    return (" " if w.lang == "en" else "").join(parts)
