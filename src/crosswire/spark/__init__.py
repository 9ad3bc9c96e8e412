"""crosswire on Apache Spark: the stories and briefs of a corpus no single machine can hold.

``crosswire stories|briefs --engine spark [--master local[*]|spark://...|k8s://...]`` runs the same
stages as the local engine on a Spark cluster (PySpark 4, the ``spark`` extra, and Java 17):
reading and cleaning in ``mapInPandas`` (:mod:`.read`), stories by blocks of the stream with the
stream's counts and a second pass over story profiles (:mod:`.engine`), one brief per story with the
local batch's time limit (:mod:`.briefs`).  Nothing here imports PySpark until it is used.
"""

from __future__ import annotations

from crosswire.spark.session import SparkUnavailable, get_session, missing

__all__ = ["SparkUnavailable", "get_session", "missing"]
