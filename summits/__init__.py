"""summits: every meeting between American and Soviet or Russian leaders, from a curated, sourced dataset."""

__version__ = "0.2.1"
