"""copydesk's own errors and the exit codes the CLI maps them to (no click here)."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every input gave an article
    FAILED = 1  # some input failed or held no article
    USAGE = 2  # the command line was wrong
    INTERRUPTED = 130  # Ctrl-C


class CopydeskError(Exception):
    """Base of every error copydesk raises on purpose; its message is one line for users."""


class InputError(CopydeskError):
    """The input could not be read: missing, unreadable, empty, binary or a broken .gz."""


class DecodeError(CopydeskError):
    """The bytes could not be turned into text."""


class NoContentError(CopydeskError):
    """The page was read but holds no main content."""


class PageTimeout(CopydeskError):
    """A page took longer than the per-page time limit."""


def reason(exc: Exception, name: str) -> str:
    """The error's message without the input's name, which the caller prints in front."""
    text = str(exc)
    return text[len(name) + 2:] if text.startswith(name + ": ") else text
