"""Bare URLs and e-mail addresses (GFM's autolinks, markdown-it's linkify) found by linkify-it
as it finds them with fuzzy links off, without compiling the patterns a text cannot match.

linkify-it compiles each of its case-insensitive Unicode patterns the first time it is asked
about a text: on Python 3.11 its pretest costs ~39 M instructions, the e-mail pattern ~73 M,
where a whole one-chapter check is ~900 M. Without fuzzy links a link needs "//" (a URL) or "@"
(an e-mail address, a ``mailto:``), and linkify-it's e-mail pattern needs a name character just
before the "@". So, for the same answers:

- pretest (of an inline run): with "@" yes (its pattern ends in ``|@``), without "//" no; else
  first the scheme pattern alone (compiled by the test anyway), then the whole pretest;
- test and match (of a text): where no name character precedes an "@" there is no e-mail
  address (nor a ``mailto:`` link), and the text is asked of a twin with e-mails off, the same
  links without the e-mail pattern; without "//" as well, there is no link at all.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from transcheck.lazy import compiled

# linkify-it's e-mail name, ``[\-;:&=\+\$,\.a-zA-Z0-9_][\-;:&=\+\$,\"\.a-zA-Z0-9_]{0,63}``, ends in
# one of these just before the "@" (matched case-insensitively as linkify-it matches it).
_NAME_AT = compiled(r"[\-;:&=\+\$,\"\.a-zA-Z0-9_]@", re.IGNORECASE)


def _may_hold_email(text: str) -> bool:
    """Whether linkify-it could find an e-mail address (fuzzy or ``mailto:``) in ``text``."""
    return "@" in text and _NAME_AT().search(text) is not None


def lighten(linkify: Any) -> None:
    """Replace the pretest, test and match of ``linkify`` (a linkify-it with fuzzy links off)
    by the same answers at less start-up (see the module docstring)."""
    pretest, test, match = linkify.pretest, linkify.test, linkify.match
    schemes = compiled(linkify.re["schema_test"], re.IGNORECASE)

    @cache
    def without_emails() -> Any:
        """linkify-it with the same options, e-mail addresses off (made on first use)."""
        return type(linkify)(options={**linkify.default_options, "fuzzy_email": False})

    def light_pretest(text: str) -> bool:
        if "@" in text:
            return True
        if "//" not in text:
            return False
        return schemes().search(text) is not None or bool(pretest(text))

    def light_test(text: str) -> bool:
        if "//" not in text and "@" not in text:
            return False
        if _may_hold_email(text):
            return bool(test(text))
        return "//" in text and bool(without_emails().test(text))

    def light_match(text: str) -> Any:
        return match(text) if _may_hold_email(text) else without_emails().match(text)

    linkify.pretest, linkify.test, linkify.match = light_pretest, light_test, light_match
