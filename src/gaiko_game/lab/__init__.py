"""The balance lab: run strategies over many seeds (in parallel), search for dominant strategies, report.

A layer above ``present``: it uses sessions and view models, and nothing below imports it.
"""
