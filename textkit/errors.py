"""The errors textkit raises.

Library code raises these and never prints or returns ``False``; only
``textkit.cli`` turns them into messages and exit codes. Every message names
the file (when there is one) and says what the user can do about it.
"""

from __future__ import annotations


class TextkitError(Exception):
    """Base class of every error textkit raises on purpose."""


class InputError(TextkitError):
    """The input cannot be read or converted (empty, binary, undecodable…)."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class ValidationError(TextkitError):
    """A TEI document does not validate; ``problems`` lists ``(line, message)``."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None,
                 *, source: str | None = None) -> None:
        self.source = source
        self.problems = list(problems or [])
        lines = [f"{source or '<document>'}:{line}: {text}" for line, text in self.problems]
        super().__init__("\n".join([message, *lines]) if lines else message)


class PipelineError(TextkitError):
    """A pipeline stage failed or returned something that is not a document."""

    def __init__(self, stage: str, message: str) -> None:
        self.stage = stage
        super().__init__(f"stage {stage!r}: {message}")
