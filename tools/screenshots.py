"""Save a PNG of every screen of the window, in the positions the layout test uses, to look at them.

    python tools/screenshots.py OUT [--sizes 1280x720,1920x1080] [--scale 1] [--lang ja,en] [--screens title,crisis]

Each file is ``OUT/<lang>/<width>x<height>@<scale>/<screen>.png``; any layout problem the text log found is printed
beside its file (the same checks as tests/test_layouts.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from gaiko_game.scenario.loader import load
from gaiko_game.ui.textlog import problems
from tests.screens import DEFAULT, SCREENS, TUTORIAL, make_positions, render


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--sizes", default="1280x720,1920x1080")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--lang", default="ja,en")
    ap.add_argument("--screens", default=",".join(SCREENS))
    args = ap.parse_args()
    default, tutorial = load(DEFAULT).scenario, load(TUTORIAL).scenario
    assert default is not None and tutorial is not None
    with tempfile.TemporaryDirectory() as data:
        os.environ["GAIKO_DATA_DIR"] = str(Path(data) / "data")
        os.environ["GAIKO_CONFIG_DIR"] = str(Path(data) / "config")
        positions = make_positions(default, tutorial)
        for lang in args.lang.split(","):
            for size_text in args.sizes.split(","):
                size = (int(size_text.split("x")[0]), int(size_text.split("x")[1]))
                folder = args.out / lang / f"{size_text}@{args.scale:g}"
                folder.mkdir(parents=True, exist_ok=True)
                for screen in args.screens.split(","):
                    app, log = render(default, positions, screen, size, args.scale, lang)
                    pygame.image.save(app.surface, str(folder / f"{screen}.png"))
                    found = problems(log, (0, 0, *size))
                    print(f"{folder / screen}.png" + (f"  — {len(found)} layout problems: {found[0]}" if found else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
