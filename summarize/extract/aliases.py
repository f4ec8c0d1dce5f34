"""One person under two names: "Mohamed, also known as Farmajo".

The people pass lists an alias the article introduces as a second person, and the events
pass then answers the same journey twice, once under each name. Where the article itself says
that one named person is also known by another name, the second name is the first person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.contract.extraction import Official, Visit
from summarize.extract.name_mentions import names_person, same_name

# "<name>, also known as <alias>", "<name> (better known as <alias>)".
_KNOWN_AS = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})\s*[,(]\s*(?:also|better)\s+"
    r"known\s+as\s+(?P<alias>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})"
)


def aliases(text: str, names: Sequence[str]) -> dict[str, str]:
    """Each of ``names`` the text introduces as another of ``names``' second name: alias to
    the name it stands for."""
    out: dict[str, str] = {}
    for match in _KNOWN_AS.finditer(text):
        alias = next((n for n in names if same_name(n, match["alias"])), None)
        meant = [n for n in names if n != alias and names_person(match["name"], n, names)]
        if alias is not None and len(meant) == 1:
            out[alias] = meant[0]
    return out


def under_one_name(
    officials: Sequence[Official], visits: Sequence[Visit], alias_of: dict[str, str]
) -> tuple[list[Official], list[Visit]]:
    """The officials and visits with each alias read as the person it stands for; an alias
    listed as an official of its own is dropped where the person is listed too."""
    listed = {o.name for o in officials}
    kept: list[Official] = []
    for official in officials:
        full = alias_of.get(official.name)
        if full is None:
            kept.append(official)
        elif full not in listed:
            kept.append(official.model_copy(update={"name": full}))
    renamed = [
        v.model_copy(
            update={
                "traveler": alias_of.get(v.traveler, v.traveler),
                "met": list(dict.fromkeys(alias_of.get(m, m) for m in v.met)),
            }
        )
        for v in visits
    ]
    return kept, renamed


__all__ = ["aliases", "under_one_name"]
