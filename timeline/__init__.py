"""timeline: dated, sourced chronologies from news reports on diplomacy and conflict."""

__version__ = "0.1.0"
