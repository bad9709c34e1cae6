"""`gaiko print [SCENARIO] --lang ja|en --out kit.pdf [--paper a4|letter]`: the print-and-play kit of any scenario."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from gaiko_game.cli.common import load_or_report
from gaiko_game.printkit.kit import build
from gaiko_game.session.safefile import write_atomic

DONE = {"ja": "{out} に{pages}ページのキットを書きました（{seconds:.1f}秒）。カードのページは両面印刷（長辺とじ）で。",
        "en": "wrote the {pages}-page kit to {out} in {seconds:.1f} s. Print the card pages double-sided, flipping on "
              "the long edge."}
TOO_SMALL = {"ja": "注意：{n}か所の文が8ポイントでも枠に収まりません（{labels}）。シナリオの文を短くしてください。",
             "en": "warning: {n} boxes of text do not fit even at 8 pt ({labels}); shorten the scenario's texts."}
CANNOT_WRITE = {"ja": "gaiko print: {out} に書けません：{why}。--out で書ける場所を指定してください。",
                "en": "gaiko print: cannot write {out}: {why}. Choose a place you can write to with --out."}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run_print(path: Path, lang: str, out: Path | None, paper: str) -> int:
    """Make the kit and write it; 1 when the scenario has errors or the file cannot be written."""
    scenario = load_or_report(path)
    if scenario is None:
        return 1
    start = time.perf_counter()
    kit = build(scenario, lang, paper, str(path))
    target = out or Path(f"kit-{scenario.id}-{lang}.pdf")
    try:
        write_atomic(target, kit.pdf, shared=True)
        target.chmod(0o666 & ~_umask())  # a kit is a document to share, not a private save (mkstemp made it 0600)
    except OSError as e:
        sys.stderr.write(CANNOT_WRITE[lang].format(out=target, why=e.strerror or e) + "\n")
        return 1
    print(DONE[lang].format(out=target, pages=kit.pages, seconds=time.perf_counter() - start))
    bad = kit.too_small()
    if bad:
        sys.stderr.write(TOO_SMALL[lang].format(n=len(bad), labels=", ".join(p.label for p in bad[:5])) + "\n")
    return 0
