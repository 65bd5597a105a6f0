"""portfolio: a static site generator for career portfolios."""

__version__ = "0.1.0"
