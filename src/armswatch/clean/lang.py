"""Language of an article (langdetect with a fixed seed, so the same text always gets the same answer)."""
from __future__ import annotations

MIN_CHARS = 40  # shorter texts give langdetect too little to go on
SAMPLE_CHARS = 1000  # ~200 words decide reliably; 3,000 chars cost 11 ms an article instead of 7


def detect_lang(text: str) -> str | None:
    if len(text.strip()) < MIN_CHARS:
        return None
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None
