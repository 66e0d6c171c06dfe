"""Parse: `Article`s in, each with its spaCy `Doc` (`article.doc`) out; the pipeline loaded once per process."""
from .model import load_pipeline, parse_articles

__all__ = ["load_pipeline", "parse_articles"]
