"""`kg timeline`: the events read from the store, one row per counterpart, drawn with matplotlib (imported only
when drawing)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .analysis import AnalysisError
from .restrict import event_span

NO_COUNTERPART = "(no counterpart)"

EVENT_MARKERS = {  # marker, colour (Okabe-Ito, as the HTML graph)
    "Meeting": ("o", "#0072B2"),
    "Negotiations": ("s", "#D55E00"),
    "Conference": ("^", "#009E73"),
    "Summit": ("h", "#CC79A7"),
    "StateVisit": ("D", "#E69F00"),
    "Visit": ("d", "#E69F00"),
    "Ceremony": ("*", "#8C564B"),
    "PhoneCall": ("P", "#56B4E9"),
}
OTHER_MARKER = ("X", "#555555")


@dataclass
class TimelineEvent:
    event: str
    type: str
    title: str
    start: str | None
    end: str | None
    reported: bool
    counterparts: list[str]
    hosts: list[str]


def timeline_events(store) -> list[TimelineEvent]:
    """Return every event with its counterparts: the participants but the event's `kg:host` (for an event with no
    host, such as a meeting told in passing, the hosts of its document are left out too)."""
    events: dict[str, dict] = {}
    for r in store.named("timeline"):
        e = events.setdefault(str(r.event), {"type": str(r.type), "title": str(r.title),
                                             "start": str(r.start) if r.start else None,
                                             "end": str(r.end) if r.end else None,
                                             "reported": bool(r.reported and r.reported.toPython()),
                                             "agents": {}})
        if r.agent is not None:
            e["agents"][str(r.agent)] = (str(r.name), _true(r.isHost), _true(r.docHost))
    out = []
    for iri, e in sorted(events.items(), key=lambda kv: (kv[1]["start"] or "", kv[1]["title"], kv[0])):
        agents = e["agents"].values()
        hosted = any(is_host for _, is_host, _ in agents)
        hosts = sorted({name for name, is_host, doc_host in agents if is_host or (not hosted and doc_host)})
        counterparts = sorted({name for name, is_host, doc_host in agents
                               if not is_host and not (not hosted and doc_host)})
        out.append(TimelineEvent(iri, e["type"], e["title"], e["start"], e["end"], e["reported"], counterparts,
                                 hosts))
    return out


def _true(v) -> bool:
    return v is not None and str(v).lower() in ("true", "1")


def draw_timeline(events: list[TimelineEvent], path: Path, *, title: str | None = None,
                  max_rows: int = 40) -> dict:
    """Draw the events, one row per counterpart, to `path` (.png or .svg); return how many rows and (distinct)
    events were drawn, how many events were undated and how many rows did not fit in `max_rows`.

    A dated day is a marker (its shape and colour by event type; hollow for a meeting told in passing); a date
    range is a bar with the marker at its start; a month or a year without a day is a hatched bar.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise AnalysisError(f"timeline: use a .png or .svg file name, not {path.name!r}")
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows: dict[str, list[tuple[TimelineEvent, date, date]]] = {}
    undated = 0
    for ev in events:
        span = event_span({"start": ev.start, "end": ev.end})
        if span is None:
            undated += 1
            continue
        lo, hi = date.fromisoformat(span[0]), date.fromisoformat(span[1])
        for who in ev.counterparts or [NO_COUNTERPART]:
            rows.setdefault(who, []).append((ev, lo, hi))
    left_out = 0
    if len(rows) > max_rows:
        kept = sorted(rows, key=lambda k: (-len(rows[k]), min(lo for _, lo, _ in rows[k]), k))[:max_rows]
        left_out = len(rows) - max_rows
        rows = {k: rows[k] for k in kept}
    order = sorted(rows, key=lambda k: (k == NO_COUNTERPART, min(lo for _, lo, _ in rows[k]), k))
    window = dense_window([(lo, hi) for who in order for _, lo, hi in rows[who]])
    outside: set[int] = set()

    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9}):
        fig = Figure(figsize=(11, 1.6 + 0.38 * max(len(order), 1)), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        types_seen: dict[str, tuple[str, str]] = {}
        any_range = any_vague = any_reported = False
        for y, who in enumerate(order):
            same_day: dict[date, int] = {}
            for ev, lo, hi in sorted(rows[who], key=lambda t: (t[1], t[0].title)):
                marker, color = EVENT_MARKERS.get(ev.type, OTHER_MARKER)
                types_seen[ev.type] = (marker, color)
                k = same_day.get(lo, 0)
                same_day[lo] = k + 1
                yy = y + (0.22 * ((k + 1) // 2) * (1 if k % 2 else -1) if k else 0)  # stack same-day events
                vague = len(ev.start or ev.end or "") < 10
                any_reported |= ev.reported
                if window and (hi < window[0] or lo > window[1]):  # far from the rest: marked at the edge
                    any_vague |= vague
                    outside.add(id(ev))
                    early = hi < window[0]
                    edge = window[0] if early else window[1] + timedelta(days=1)
                    ax.annotate(("◀ " if early else "") + (ev.start or "") + ("" if early else " ▶"),
                                (date2num(edge), yy), xytext=(4 if early else -4, 0), textcoords="offset points",
                                ha="left" if early else "right", va="center", fontsize=8, color=color)
                    continue
                if hi > lo or vague:
                    any_range |= not vague
                    any_vague |= vague
                    ax.barh(yy, date2num(hi + timedelta(days=1)) - date2num(lo), left=date2num(lo), height=0.36,
                            color=color, alpha=0.3, edgecolor=color, hatch="///" if vague else None, linewidth=0.8)
                ax.plot([date2num(lo)], [yy], marker=marker, markersize=9, linestyle="none",
                        markeredgecolor=color, markeredgewidth=1.5,
                        markerfacecolor="white" if ev.reported else color)
        ax.set_yticks(range(len(order)), [_short(w) for w in order])
        ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
        locator = AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
        if order:
            lows = [lo for who in order for _, lo, _ in rows[who]]
            highs = [hi for who in order for _, _, hi in rows[who]]
            first, last = window or (min(lows), max(highs))
            pad = max(timedelta(days=2), (last - first) * 0.04)
            ax.set_xlim(date2num(first - pad), date2num(last + pad + timedelta(days=1)))
        else:
            ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
        hosts = sorted({h for ev in events for h in ev.hosts})
        heading = title or "Events by counterpart" + (f" (host: {', '.join(hosts[:3])})" if hosts else "")
        if left_out:
            heading += f" — {left_out} more counterparts not shown"
        if outside:
            heading += f" — {len(outside)} far from the rest marked at the edge"
        ax.set_title(heading, loc="left", fontsize=11)
        handles = [Line2D([], [], marker=m, color=c, linestyle="none", markersize=8, label=_type_label(t))
                   for t, (m, c) in sorted(types_seen.items())]
        if any_reported:
            handles.append(Line2D([], [], marker="o", color="#555555", markerfacecolor="white", linestyle="none",
                                  markersize=8, label="told in passing"))
        if any_range:
            handles.append(Patch(facecolor="#999999", alpha=0.4, label="date range"))
        if any_vague:
            handles.append(Patch(facecolor="#999999", alpha=0.4, hatch="///", label="month or year only"))
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=120, metadata=_metadata(suffix))
    drawn = {id(ev) for marks in rows.values() for ev, _, _ in marks}
    return {"rows": len(order), "events": len(drawn), "undated": undated, "left_out_rows": left_out,
            "outside": len(outside), "window": [d.isoformat() for d in window] if window else None}


GAP = timedelta(days=30)  # events further apart than this are in different stretches of time


def dense_window(spans: list[tuple[date, date]]) -> tuple[date, date] | None:
    """The stretch of time where most events are, when a few lie far from it (a meeting told in passing months
    before a week's programme): the dates split where they are more than GAP apart, the stretch with the most
    events kept if it holds at least half of them; None when the events are all in one stretch."""
    if not spans:
        return None
    spans = sorted(spans)
    groups, last = [[spans[0]]], spans[0][1]
    for lo, hi in spans[1:]:
        if lo - last > GAP:
            groups.append([])
        groups[-1].append((lo, hi))
        last = max(last, hi)
    if len(groups) == 1:
        return None
    main = max(groups, key=lambda g: (len(g), g[-1][0]))
    if 2 * len(main) < len(spans):
        return None
    return main[0][0], max(hi for _, hi in main)


def _metadata(suffix: str) -> dict:
    # No creation date in the file, so the same graph draws the same bytes.
    return {"Date": None} if suffix == ".svg" else {"Software": None}


def _type_label(event_type: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", event_type).lower().capitalize()


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
