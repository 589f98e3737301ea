"""``python -m transcheck``: the same CLI as the ``transcheck`` command."""

from transcheck.cli import main

main()
