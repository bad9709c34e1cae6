"""`python -m gaiko_game` runs the command line."""

from gaiko_game.cli.main import main

raise SystemExit(main())
