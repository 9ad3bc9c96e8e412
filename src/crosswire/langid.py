"""Language identification with lingua, restricted to the languages news is usually in.

The detector is built once, lazily, in low-accuracy mode (fast and small); only
a prefix of the text is looked at.  Without lingua every answer is None.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language", "LANGUAGES"]

# ISO 639-1 codes of the languages the detector chooses among.
LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar",
    "zh", "ja", "ko", "sv", "da", "nb", "fi", "el", "cs", "ro", "hu", "fa", "hi", "id",
)
_PREFIX = 1200


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:  # pragma: no cover - lingua is a dependency
        return None
    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES if hasattr(IsoCode639_1, c.upper())]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        .with_low_accuracy_mode()
        .build()
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when unsure or too short."""
    sample = " ".join(text[:_PREFIX].split())
    if len(sample) < 20:
        return None
    det = _detector()
    if det is None:
        return None
    lang = det.detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()
