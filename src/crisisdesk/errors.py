"""Every error crisisdesk raises on purpose, in one tree.

    CrisisdeskError            base; the CLI prints its message on one line
    ├── InputError             a file or record that cannot be read as an article
    │   (the run skips it, names it, and goes on)
    ├── ModelError             the spaCy pipeline is missing or not what was expected
    ├── StoreError             the database cannot be opened or written
    └── GoldError              a gold file for `crisisdesk eval` is malformed

Messages say what to do next, not just what went wrong.
"""


class CrisisdeskError(Exception):
    """Base class: anything crisisdesk refuses on purpose."""


class InputError(CrisisdeskError):
    """A file or record that is not readable article text."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(CrisisdeskError):
    """The NLP model cannot be loaded."""


class StoreError(CrisisdeskError):
    """The store cannot be opened or written."""


class GoldError(CrisisdeskError):
    """A gold annotation file is malformed."""
