"""alq-parquet: alq's Parquet plugin. Adds the `parquet` format, which writes (`export parquet`) and
reads (`open("x.parquet")`) Apache Parquet files with pyarrow, keeping units and kinds as metadata.

It speaks alq's plugin protocol (docs/plugins.md) on standard input and output."""
import sys

import pyarrow

import wire
from export import ParquetExport
from read import ParquetRead

NAME = "parquet"
VERSION = "1.0.0"
PROTOCOL = 2
FORMAT = {
    "name": "parquet",
    "extensions": ["parquet", "pq"],
    "media_type": "application/vnd.apache.parquet",
}


class Plugin:
    """The plugin's state between requests: the export or read in progress."""

    def __init__(self):
        self.protocol = PROTOCOL
        self.export = None
        self.read = None

    def hello(self, params):
        # An alq that speaks protocol 1 gets protocol 1: export only, rows as arrays.
        self.protocol = 1 if params.get("protocol") == 1 else PROTOCOL
        capabilities = ["formats"] if self.protocol == 1 else ["formats", "readers"]
        return {"protocol": self.protocol, "name": NAME, "version": VERSION, "capabilities": capabilities,
                "pyarrow": pyarrow.__version__}

    def describe(self, params):
        described = dict(FORMAT)
        if self.protocol >= 2:
            described.update(read=True, write=True)
        return {"formats": [described]}

    def export_begin(self, params):
        self.export = ParquetExport(params.get("columns", []))
        return {}

    def export_rows(self, params):
        if self.export is None:
            raise wire.PluginError("export.rows without export.begin")
        if "batch" in params:
            batch_columns = params["batch"]["columns"]
        else:
            rows = params.get("rows", [])
            batch_columns = [list(column) for column in zip(*rows)] if rows else [[] for _ in self.export.columns]
        return self.export.add(batch_columns)

    def export_end(self, params):
        if self.export is None:
            raise wire.PluginError("export.end without export.begin")
        export, self.export = self.export, None
        return export.end()

    def read_begin(self, params):
        path = params.get("path")
        if not isinstance(path, str):
            raise wire.PluginError("read.begin without a 'path'")
        options = params.get("options") or {}
        if options:
            raise wire.PluginError(f"the parquet format takes no options; given: {', '.join(sorted(options))}")
        self.read = ParquetRead(path)
        return {"columns": self.read.columns}

    def read_rows(self, params):
        if self.read is None:
            raise wire.PluginError("read.rows without read.begin")
        batch, done = self.read.next_batch()
        if done:
            self.read = None
        return {"batch": batch, "done": done}


EXPORTS = {"export.begin": Plugin.export_begin, "export.rows": Plugin.export_rows, "export.end": Plugin.export_end}
OTHERS = {"hello": Plugin.hello, "describe": Plugin.describe, "read.begin": Plugin.read_begin,
          "read.rows": Plugin.read_rows}


def serve():
    plugin = Plugin()
    for request in wire.requests():
        request_id, method, params = request.get("id"), request.get("method"), request.get("params") or {}
        if method == "shutdown":
            wire.answer(request_id, {})
            return
        try:
            if method in EXPORTS:
                output = EXPORTS[method](plugin, params)
                if output:
                    wire.chunk(request_id, output)
                wire.answer(request_id, {})
            elif method in OTHERS:
                wire.answer(request_id, OTHERS[method](plugin, params))
            else:
                wire.fail(request_id, f"alq-parquet does not know the request '{method}'")
        except (wire.PluginError, ValueError, OSError, KeyError, TypeError, pyarrow.ArrowException) as error:
            if method.startswith("export."):
                plugin.export = None
            if method.startswith("read."):
                plugin.read = None
            wire.fail(request_id, str(error))


if __name__ == "__main__":
    try:
        serve()
    except KeyboardInterrupt:
        sys.exit(130)
