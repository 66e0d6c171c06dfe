"""Parse: `Article`s in, each with its spaCy `Doc` (`article.doc`) out; the pipeline loaded once per
process (model.py), texts bounded and parsed in batches or, when long, in pieces (docs.py)."""
from .docs import doc_text, make_doc, parse_articles, parse_doc, parse_docs, sentence_at, sentences
from .model import load_pipeline

__all__ = ["doc_text", "load_pipeline", "parse_articles", "make_doc", "parse_doc", "parse_docs", "sentences",
           "sentence_at"]
