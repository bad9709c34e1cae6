"""Gaikō 外交 — a tabletop-style diplomacy strategy game, played from YAML scenarios."""

__version__ = "0.3.0"
