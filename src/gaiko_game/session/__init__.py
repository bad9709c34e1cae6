"""Seeded games, policies, simulation: everything between the rules and a player."""
