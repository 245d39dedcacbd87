"""Leaving a process without the interpreter's teardown, for commands that only extract.

At exit CPython runs a full garbage collection and then frees every object still alive, one by
one. After ``rasd extract`` has read a corpus that is the per-word memos of every stage, several
hundred thousand objects: about half a second after the last line is written, 5 % of the command
over the 1,846 SaudiNewsNet subset articles. Nothing of it is needed (the output is flushed
here, the command leaves no files open and no ``atexit`` work of its own), so a command that
asked for it leaves with ``os._exit`` once its streams are flushed.

Only the console entry point (``rasd.cli.main.main``) acts on the request: a command invoked
in process (click's ``CliRunner``, the Python API) returns as usual.
"""

from __future__ import annotations

import os
import sys

_requested = False


def request() -> None:
    """Ask the entry point to skip the interpreter's teardown once the command is done."""
    global _requested
    _requested = True


def requested() -> bool:
    return _requested


def exit_code(code: object) -> int:
    """The status ``sys.exit(code)`` gives: ``None`` is 0, an int itself, anything else is
    printed to standard error and gives 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def leave(code: object) -> None:
    """Flush the standard streams and end the process with ``code``'s status, skipping teardown.

    Returns (and the caller exits the usual way) when a stream cannot be flushed, e.g. a closed
    pipe, so that the interpreter reports it as it always does."""
    status = exit_code(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status)
