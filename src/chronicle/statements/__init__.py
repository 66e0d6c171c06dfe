"""Statements: a parsed `Article` in, its `Statement`s out (who said what, via whom, of what kind:
claim, denial, condemnation, appeal ...), then each linked to the event it speaks about."""
from .attribution import find_statements, link_statements

__all__ = ["find_statements", "link_statements"]
