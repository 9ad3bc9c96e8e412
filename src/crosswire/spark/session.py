"""Starting (or joining) the Spark session the engine runs in."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

__all__ = ["SparkUnavailable", "get_session", "missing"]


class SparkUnavailable(RuntimeError):
    """PySpark or Java is not installed: the message says which, in one line."""


def missing() -> str | None:
    """Why the Spark engine cannot run here (``None`` when it can)."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install 'crosswire[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return "Java (17 or later) is not installed: Spark needs it (Debian: apt-get install openjdk-17-jre-headless)"
    return None


def get_session(master: str | None = None, *, app: str = "crosswire", conf: dict[str, str] | None = None) -> Any:
    """The active Spark session, or a new one on ``master`` (``local[*]`` when none is given).

    Under ``spark-submit`` the session it configured is used as it is.  A session started here uses
    this Python for its workers, keeps them between tasks (so each loads its models once) and moves
    rows to pandas through Arrow.
    """
    why = missing()
    if why:
        raise SparkUnavailable(why)
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = master or os.environ.get("SPARK_MASTER", "local[*]")
    b = SparkSession.builder.appName(app).master(master)
    cores = os.cpu_count() or 2
    if master.startswith("local[") and master[6:-1].isdigit():
        cores = int(master[6:-1])
    defaults = {
        "spark.python.worker.reuse": "true",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        # few, larger shuffle partitions: each task of a Python stage has a fixed cost
        "spark.sql.shuffle.partitions": str(max(2, 2 * cores)) if master.startswith("local") else "200",
        "spark.default.parallelism": str(max(2, cores)) if master.startswith("local") else None,
        "spark.sql.adaptive.enabled": "true",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.memory": os.environ.get("CROSSWIRE_SPARK_DRIVER_MEMORY", "2g"),
    }
    for k, v in {**defaults, **(conf or {})}.items():
        if v is not None:
            b = b.config(k, v)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
