"""Extraction engine: arms-supply mentions from text with spaCy parses and rules kept as data (extraction/data/).

The public entry point is the function `armswatch.extract(text)`; this package holds the stages behind it.
"""
