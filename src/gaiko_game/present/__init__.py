"""View models: a game turned into what a screen shows, in a chosen language.

The window, the terminal game, the classroom's web pages and the print kit all draw these, so
every wording, number format and ordering is decided here once. Nothing here draws or prints.
"""
