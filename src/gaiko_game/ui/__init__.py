"""The window: pygame-ce screens, map, HUD. The only package that imports pygame."""
