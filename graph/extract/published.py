"""The date a web page says it was published, when no dateline opens the text: "first published Oct. 7, 2025",
"Published Date:2018-07-23", "Posted on 3 May 2024", "Created: 2021.04.13 / Updated: …".

A page's own line of publication can stand anywhere in a copied text (under the headline, after the story); its date
is the reference the story's "today", "on Tuesday" or "On July 20" are read against, as a dateline's would be.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text.dates import find_dates, to_date

# the word that says a date is the page's own, and what may stand between it and the date
PUBLISHED = re.compile(r"\b(?:(?:first |last )?(?:published|posted|updated|created)|publication date|date published|"
                       r"published date)(?:\s+(?:on|at|date))?\s*[:|-]?\s*", re.I)


def published_date(norm: str) -> dt.date | None:
    """The first full date (day, month and year) right after a word of publication; None if the text has none."""
    for m in PUBLISHED.finditer(norm):
        near = norm[m.end():m.end() + 40]
        dates = [d for d in find_dates(near) if d.start == 0 and d.year_given and d.precision == "day"]
        if dates:
            return to_date(dates[0].begin)
    return None
