"""Imports of optional dependencies: a missing one raises MissingExtraError naming the extra that installs it.

The heavy libraries only one feature uses (pyarrow for Parquet export, country_converter for regenerating the
state list) are extras, so a plain `pip install armswatch` stays small; the feature then says what to install
instead of failing with a bare ImportError deep in a traceback.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from armswatch.errors import MissingExtraError


def import_extra(module: str, extra: str) -> ModuleType:
    """`module` imported, or MissingExtraError("pip install 'armswatch[extra]'") when it is not installed.

    Only the absence of `module` itself (or a parent package) is translated: an ImportError raised inside an
    installed module is a real fault and propagates unchanged.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = exc.name or ""
        if missing and (module == missing or module.startswith(missing + ".")):
            raise MissingExtraError(module.split(".")[0], extra) from None
        raise
