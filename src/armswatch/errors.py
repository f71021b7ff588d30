"""One exception tree for the library; only cli.py turns these into messages and exit codes.

    ArmswatchError
    ├── InputError          a file, line or record that cannot be read (names the source)
    ├── LexiconError        bad entries in a lexicon or rule file (lists every bad entry with file:line)
    ├── ModelError          no spaCy model could be loaded
    ├── StoreError          the database cannot be opened, migrated or written
    │   └── NoDatabaseError an existing database was expected (read-only commands create none)
    └── MissingExtraError   an optional dependency is missing (says which `pip install 'armswatch[...]'`)
"""
from __future__ import annotations


class ArmswatchError(Exception):
    """Base of every error armswatch raises on purpose."""


class InputError(ArmswatchError):
    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class LexiconError(ArmswatchError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid lexicon entries:\n" + "\n".join(f"  {p}" for p in problems))


class ModelError(ArmswatchError):
    pass


class StoreError(ArmswatchError):
    pass


class NoDatabaseError(StoreError):
    """Opened read-only where there is no armswatch database: a typo in --db must not create an empty one."""


class MissingExtraError(ArmswatchError):
    def __init__(self, module: str, extra: str):
        super().__init__(f"{module} is not installed: pip install 'armswatch[{extra}]'")
