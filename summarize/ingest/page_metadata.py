"""What an HTML page states about itself in its markup: headline, site name, publication date.

The body trafilatura extracts from a page starts at the story, so the header lines
:mod:`metadata` reads from plain text are gone; the page keeps them in its markup (``<title>``,
``og:site_name``, ``<time datetime>``, ``article:published_time``). trafilatura's own metadata
reader (with htmldate for the date) reads them. A date is kept only where the page does not
contradict it: htmldate can read "10/04/16" day first, and a canonical address that files the
story under another year or month ("/story/2016/10/") says that reading is wrong.
"""

from __future__ import annotations

import re
from datetime import date

from summarize.ingest.metadata import ArticleMetadata

# "/2016/09/20/", "/story/2016/10/": the year and month (and day) a site files a story under.
_DATED_PATH = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?")
_MAX_SITE_NAME_WORDS = 5


def page_metadata(html: str) -> ArticleMetadata:
    """The page's title, site name and publication date; None where it states none."""
    from trafilatura.metadata import extract_metadata  # lazy: lxml only for HTML input

    found = extract_metadata(html)
    title = _clean(found.title)
    site = _clean(found.sitename)
    if site and (len(site.split()) > _MAX_SITE_NAME_WORDS or (title and site in title)):
        site = None  # a headline in the site-name field
    published = _date(found.date)
    if published is not None and not _agrees_with_address(published, found.url or ""):
        published = None
    return ArticleMetadata(
        title=title, outlet=site, byline=None, published=published, dateline=None
    )


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _agrees_with_address(published: date, url: str) -> bool:
    """Whether the date fits the year, month and day the page's address files it under."""
    match = _DATED_PATH.search(url)
    if match is None:
        return True
    year, month, day = match.groups()
    if (published.year, published.month) != (int(year), int(month)):
        return False
    return day is None or abs(published.day - int(day)) <= 1  # a print date a day later
