"""`python -m gaiko_game` runs the command line."""

from gaiko_game.cli.entry import run

run()
