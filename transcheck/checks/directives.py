"""Rules about transcheck's own comments in the Korean file (TC0xx): suppression directives."""

from __future__ import annotations

from transcheck.checks.registry import Example, declare
from transcheck.findings import Severity

UNUSED_SUPPRESSION = declare(
    "TC004",
    "unused-suppression",
    Severity.INFO,
    """A ``transcheck-…`` comment silences nothing, names no known rule or is mistyped: fix it.

    Bad:  <!-- transcheck-disable-next-line link-missing --> above a line whose links are fine.
    Good: no directive, or one right above the line that still has the finding it silences.
    """,
    example=Example(
        en="""\
            # Tools

            We use [JAX](https://jax.readthedocs.io).
            """,
        ko="""\
            # 도구

            <!-- transcheck-disable-next-line link-missing -->
            [JAX](https://jax.readthedocs.io)를 사용합니다.
            """,
        config={"select": ["TC004", "link-missing"]},
    ),
)
