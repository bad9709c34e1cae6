"""A reproducer too large to commit: a chain of 996 follow-up events, each answer queuing the next.

It once overflowed Python's recursion limit in the validator. Here the last event queues the first, so the
loop check must walk all 996 to find the loop; without the loop it loads clean (tests/test_loader_fuzz.py).
"""

from pathlib import Path

LENGTH = 996


def make(folder: Path, loop: bool = True) -> None:
    """Append the chain's events (looping back to the first when ``loop``) and both languages' texts to the mini scenario."""
    with (folder / "events" / "events.yaml").open("a", encoding="utf-8") as f:
        for i in range(LENGTH):
            target = i + 1 if i + 1 < LENGTH else (0 if loop else None)
            nxt = f", follow_up: [{{event: link_{target}, after: 1}}]" if target is not None else ""
            chance = "0.0" if i else "0.1"
            f.write(f"\n- {{id: link_{i}, rare: true, trigger: {{chance: {chance}}}, default: stop,\n"
                    f"   choices: [{{id: go, effects: [{{meter: {{id: security, by: 1}}}}]{nxt}}},\n"
                    f"             {{id: stop, effects: [{{meter: {{id: prosperity, by: 1}}}}]}}]}}\n")
    for lang in ("ja", "en"):
        with (folder / "loc" / f"{lang}.yaml").open("a", encoding="utf-8") as f:
            for i in range(LENGTH):
                for key in ("title", "text", "encyclopedia", "choice.go", "choice.stop"):
                    f.write(f'event.link_{i}.{key}: "{lang} {i} {key}"\n')
