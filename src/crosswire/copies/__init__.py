"""The copies stage: reports that are one report published several times.

:mod:`~crosswire.copies.candidates` finds candidate pairs cheaply (MinHash LSH and a names-and-numbers
blocking), :mod:`~crosswire.copies.units` checks a pair sentence by sentence, and
:mod:`~crosswire.copies.kinds` builds the copy groups, tells their kind and writes them out.
"""

from crosswire.copies.candidates import candidate_pairs, minhash_signatures
from crosswire.copies.kinds import copies_json, copies_markdown, find_copies

__all__ = ["find_copies", "copies_json", "copies_markdown", "minhash_signatures", "candidate_pairs"]
