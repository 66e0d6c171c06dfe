"""An incident as text for a terminal: each field's value and the rule that chose it, every report
with its source and words, where the reports disagree, and the merges that made it."""
from __future__ import annotations

from typing import Any

from .terminal import safe


def said(value: Any) -> str:
    """Return a field value of an incident as a reader would write it."""
    if isinstance(value, dict):
        if "lat" in value:
            return ", ".join(str(x) for x in (value.get("name"), value.get("admin1"), value.get("country")) if x)
        if "precision" in value and "value" in value:
            return f"{value['value']} ({value.get('precision')})"
        return " / ".join(str(v) for v in value.values())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def source(report: dict) -> str:
    """Return where a report came from: its outlet, article and event."""
    where = f"{report['article']}:{report['event']}"
    return f"{report['outlet']}: {where}" if report.get("outlet") else where


def disagreement_lines(view: dict) -> list[str]:
    """Return one line per field the reports of an incident disagree on, each value with its sources."""
    by_key = {r["key"]: r for r in view.get("reports") or []}
    lines = []
    for name, values in (view.get("disagreements") or {}).items():
        told = "; ".join(f"{said(v['value'])} ({', '.join(source(by_key[k]) for k in v['reports'] if k in by_key)})"
                         for v in values)
        lines.append(f"reports differ on {name}: {told}")
    return lines


def show_incident(view: dict) -> str:
    """Return an incident view (Store.incident) as lines of text safe for a terminal."""
    lines = [f"Incident {view['id']}: {view.get('type') or view.get('family')}"
             f" ({view['n_reports']} reports from {view['n_articles']} articles)"]
    if view.get("aliases"):
        lines.append(f"  also known as: {', '.join(view['aliases'])}")
    for name, field in (view.get("fields") or {}).items():
        if field.get("value") is not None and name != "family":
            lines.append(f"  {name + ':':<10} {said(field['value'])}   [rule: {field.get('rule')}]")
    lines.append("  reports:")
    for r in view.get("reports") or []:
        flags = ", ".join(x for x in ("follow-up" if r.get("follow_up") else "",
                                      f"copy of {r['copy_of']}" if r.get("copy_of") else "",
                                      f"via {r['wire']}" if r.get("wire") else "") if x)
        lines.append(f"    {r.get('published') or '?'}  {source(r)}  {r.get('title') or ''}"
                     + (f"  ({flags})" if flags else ""))
        for name, v in (r.get("values") or {}).items():
            words = f' from "{v["words"][0]}"' if v.get("words") else ""
            lines.append(f"        {name}: {said(v['value'])}{words}")
    for line in disagreement_lines(view):
        lines.append("  " + line)
    for m in view.get("merges") or []:
        lines.append(f"  merged in {', '.join(m['absorbed'])} when report {m['report']} matched"
                     f" both (score {m['score']})")
    return "\n".join(safe(x) for x in lines)
