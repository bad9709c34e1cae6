"""The `gaiko` command line: validate, simulate, play."""
