"""English words for mining: tokens, a singular form, and the function words that are no terms."""

from __future__ import annotations

import re
from functools import lru_cache

# A word: a letter, and the run of letters, apostrophes and hyphens after it backed off to its last
# letter. Starting with the class (not two branches), the search skips to the next letter.
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*(?<=[A-Za-z])")

# Function words and very common general words: never a glossary term on their own, and never
# the first or last word of a phrase.
_STOPWORD_TEXT = """
    a about above after again against all almost along also although always am among an and
    another any anything are aren't around as at back be because been before being below
    between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    done down during each either else enough especially even ever every example except far few
    first for from further get gets getting give given gives go goes going good got had has hasn't
    have haven't having he her here hers herself him himself his how however i if in instead
    into is isn't it it's its itself just keep kind know last least less let like likely little
    look lot lots make makes making many may maybe me might more most mostly much must my myself
    need needs never new next no non nor not note now of off often on once one ones only onto or
    other others otherwise our ours ourselves out over own part per perhaps quite rather really
    right roughly said same say says second see seem seems several shall she should shouldn't
    show shows similar simply since so some something sometimes still such sure take takes than
    that that's the their theirs them themselves then there there's these they thing things
    think third this those though three through thus to together too toward towards two under
    until up upon us use used uses using usually very via want wants was wasn't way ways we well
    were weren't what what's when where whether which while who whole whom whose why will with
    within without won't would wouldn't yet you your yours yourself e.g i.e etc
    basically actually fairly generally typically simple above below figure section chapter
    case cases question questions answer answers problem problems let's we'll we're you'll
    you're it'll time times number numbers lower higher large small big better best much more
    total full half mean means meant work works worked run runs ran order
    point points end ends find found call called"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A plural's singular by the regular rules (kernels -> kernel, topologies -> topology);
    words that only look plural (bus, analysis, class) are left alone."""
    lower = word.lower()
    if len(lower) <= 3 or lower.endswith(("ss", "us", "is", "ics")):
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "zes", "sses")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("'s"):
        return word[:-1]
    return word
