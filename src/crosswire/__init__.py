"""crosswire: many news reports of the same events, one sourced brief.

Each stage is usable on its own::

    from crosswire.read import ingest
    from crosswire import copies
    from crosswire import facts
    from crosswire import brief
    result = ingest.read_paths(["articles/"])
    groups = copies.find_copies(result.articles)
    sheet = facts.analyze(result.articles, groups)
    b = brief.build_brief(result.articles, groups, sheet)
"""

__version__ = "0.1.0"
