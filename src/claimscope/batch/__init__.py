"""Batch runs: many articles from JSONL, folders or WARC files, into a JSONL of reports.

``claimscope batch`` and ``claimscope check --batch`` are thin callers of
:func:`run_files`. A run is resumable (records already in the output, known by id and
content hash, are skipped), one failing article is an error record and never stops it,
and the analysis runs on an engine: ``local`` (this process) or ``ray`` (an actor pool
on a Ray cluster). See docs/batch.md.
"""

from .engines import Engine, LocalEngine, chunk_records, open_engine
from .output import ReportLog
from .run import CHUNK_SIZE, Summary, run_batch, run_files
from .sources import check_inputs, read_inputs, read_warc

__all__ = [
    "CHUNK_SIZE",
    "Engine",
    "LocalEngine",
    "ReportLog",
    "Summary",
    "check_inputs",
    "chunk_records",
    "open_engine",
    "read_inputs",
    "read_warc",
    "run_batch",
    "run_files",
]
