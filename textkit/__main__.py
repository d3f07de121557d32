"""``python -m textkit``: the ``textkit`` command (see :mod:`textkit.cli`)."""

from .cli import command

if __name__ == "__main__":
    command()
