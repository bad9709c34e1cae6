"""The `gaiko` console command's entry point.

It imports the command line itself, inside the same guard as everything else, so Ctrl-C pressed while
Python is still loading the game ends quietly ("interrupted", exit 130) like Ctrl-C at any later moment,
never with a traceback.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Run ``gaiko`` with the process's arguments and exit with its code."""
    try:
        from gaiko_game.cli.main import main
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        raise SystemExit(130) from None
    raise SystemExit(main())
