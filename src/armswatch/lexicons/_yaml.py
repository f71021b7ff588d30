"""YAML reading with line numbers: moved to armswatch.yamlfile (below the lexicons); these names stay importable."""
from armswatch.yamlfile import LineDict, LineList, LineStr, line_of, read_yaml

__all__ = ["LineDict", "LineList", "LineStr", "line_of", "read_yaml"]
