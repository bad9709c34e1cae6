"""The classroom server (`gaiko class`): teams play from their browsers; the engine stays on the teacher's machine.

A layer above ``present``: it draws its pages from the view models, and nothing below imports it.
"""
