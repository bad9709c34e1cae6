"""Gaikō 外交 — a tabletop-style strategy game of Japan's Indo-Pacific diplomacy."""

__version__ = "0.1.0"
