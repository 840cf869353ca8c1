"""kit: one workshop description in, a slide deck, handouts and exercise sheets out."""

__version__ = "0.1.0"
