"""One error tree for Rasd. Per-document failures are recorded reasons, not swallowed exceptions."""


class RasdError(Exception):
    """Base of every error Rasd raises on purpose."""


class InputError(RasdError):
    """A document could not be read: bad JSON, undecodable bytes, empty text, unknown format."""


class ResourceError(RasdError):
    """A shipped resource (model, index, lexicon) is missing or corrupt."""


class StoreError(RasdError):
    """The database could not be opened, migrated or written."""
