"""Pickling of frozen dataclasses, the same in Python and compiled with mypyc (setup.py).

Unpickling a compiled class sets its fields one by one through ``__setattr__``, which a frozen
dataclass refuses (``FrozenInstanceError``); Python's own dataclasses get around it only for
classes it builds itself. The frozen classes that are pickled (the cached actor knowledge base,
the event lexicon, the gazetteer) define ``__reduce__`` with :func:`by_fields` instead: a call
to the class with its field values, as a constructor call of the same class rebuilds it.

Written ``__init__`` methods (``@dataclass(init=False)`` and an ``__init__`` taking the fields in
order, with their defaults): mypyc compiles a dataclass's fields and methods, but not the methods
``dataclasses`` generates when the module is imported. The generated ``__init__`` stays Python,
and setting each field of a compiled class from Python code is slow: it was about 4 % of a pass
over the subset, ~0.3 µs per plain object and ~0.8 µs per frozen one against under 0.1 µs
written out (docs/batch.md, "Seventh round"). The hot records of the stages (tokens, mentions,
matches) have one; a frozen one sets its fields with ``object.__setattr__``, as the generated one
does. ``tests/foundation/test_written_inits.py`` checks each against its fields: add a field to
both, in the same order.
"""

from __future__ import annotations

import dataclasses
from typing import Any

# what ``__reduce__`` returns: a callable and its arguments (a name of its own: in a class with a
# field called ``type``, the annotation ``type`` would mean the field)
Reduced = tuple[type, tuple[object, ...]]


def by_fields(obj: Any) -> Reduced:
    """``__reduce__`` of a frozen dataclass whose fields are all ``__init__`` arguments."""
    return (type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj)))
