"""Chronicle: news reports in, a sourced record of events out."""

__version__ = "0.1.0"
