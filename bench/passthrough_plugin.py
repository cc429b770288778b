#!/usr/bin/env python3
"""The pass-through export plugin of bench/plugins.py: the format `passthrough` (extension `.pt`) parses
every batch alq sends (json.loads, every value) and writes every value back out: as CSV (ALQ_BENCH_OUTPUT=csv,
the default), as one JSON line per batch (json), or not at all (none: the cost of receiving alone).

It speaks the protocol version alq offers, or the one in ALQ_BENCH_PROTOCOL (1: rows as arrays; 2: columnar
batches; 3: dictionary-encoded string columns and raw output after the answer; 4: binary frames), so that
each can be measured. The CSV path of version 4 shows what a fast Python plugin looks like (docs/plugins.md,
"A fast plugin in Python"): a frame is a short JSON header and buffers, every column is turned into bytes
at C speed (each distinct string quoted once and looked up by code, numbers as the text alq sent), the
cells go into a list whose slots are laid out once per batch, and one `b"".join` makes the output, which
goes out as raw bytes after a short message. Versions 2 and 3 keep their column-wise JSON path, version 1
Python's csv module."""
import csv
import io
import json
import os
import sys

VERSION = int(os.environ.get("ALQ_BENCH_PROTOCOL", "4"))
OUTPUT = os.environ.get("ALQ_BENCH_OUTPUT", "csv")


def csv_text(value):
    """One CSV cell, quoted when it must be (as Python's csv module does)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if any(c in value for c in ',"\n\r'):
            return '"' + value.replace('"', '""') + '"'
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return csv_text(json.dumps(value, ensure_ascii=False))


def csv_cells(column, numeric):
    """A column's CSV cells: a dictionary column's distinct strings quoted once (protocol 3), a numeric
    column through `map(str, …)`, anything else cell by cell."""
    if isinstance(column, dict):
        texts = [csv_text(value) for value in column["dictionary"]]
        return [texts[code] for code in column["codes"]]
    if numeric and None not in column:
        return list(map(str, column))
    return [csv_text(value) for value in column]


CODES = {"uint8": "B", "uint16": "H", "uint32": "I"}
WIDTHS = {"B": 1, "H": 2, "I": 4}


def number_text(value):
    """A double as alq writes it: whole numbers without `.0`."""
    return str(int(value)) if value.is_integer() else repr(value)


def frame_cells(column, payload, length, end):
    """A version-4 frame column as CSV cells (bytes), and whether each cell already ends with `end` (a
    dictionary's texts carry the separator that follows them)."""
    form = column["form"]
    if form == "dictionary":
        texts = [csv_text(value).encode() + end for value in column["dictionary"]]
        start = column["offset"]
        kind = CODES[column["codes"]]
        codes = memoryview(payload)[start:start + length * WIDTHS[kind]].cast(kind)
        return list(map(texts.__getitem__, codes)), True
    if form == "float64" and "text" in column:
        start, stop = column["text"]
        return payload[start:stop - 1].split(b"\n") if length else [], False
    if form == "float64":
        start = column["offset"]
        values = memoryview(payload)[start:start + 8 * length].cast("d")
        if "nulls" in column:
            mask = payload[column["nulls"]:column["nulls"] + length]
            return [b"" if null else number_text(value).encode() for value, null in zip(values, mask)], False
        return [number_text(value).encode() for value in values], False
    return [csv_text(value).encode() for value in column["values"]], False


def frame_values(frame, payload):
    """A version-4 frame's columns as lists of Python values (None for null)."""
    length, columns = frame["length"], []
    for column in frame["columns"]:
        if column["form"] == "dictionary":
            kind = CODES[column["codes"]]
            codes = memoryview(payload)[column["offset"]:column["offset"] + length * WIDTHS[kind]].cast(kind)
            columns.append(list(map(column["dictionary"].__getitem__, codes)))
        elif column["form"] == "float64":
            values = list(memoryview(payload)[column["offset"]:column["offset"] + 8 * length].cast("d"))
            if "nulls" in column:
                mask = payload[column["nulls"]:column["nulls"] + length]
                values = [None if null else value for value, null in zip(values, mask)]
            columns.append(values)
        else:
            columns.append(column["values"])
    return columns


def frame_csv(frame, payload):
    """A version-4 frame as CSV bytes: each column's cells go into every k-th slot of one list, the
    separators that no cell carries into the others, and one join makes the text."""
    length = frame["length"]
    columns = frame["columns"]
    if not length or not columns:
        return b""
    pattern, cells = [], []
    for index, column in enumerate(columns):
        end = b"\n" if index == len(columns) - 1 else b","
        column_cells, ended = frame_cells(column, payload, length, end)
        cells.append((len(pattern), column_cells))
        pattern.append(None)
        if not ended:
            pattern.append(end)
    slots = pattern * length
    width = len(pattern)
    for offset, column_cells in cells:
        slots[offset::width] = column_cells
    return b"".join(slots)


def main():
    read = sys.stdin.buffer.readline
    write = sys.stdout.buffer.write
    flush = sys.stdout.buffer.flush
    protocol = 1
    numeric = []
    fast = False
    while True:
        line = read()
        if not line:
            break
        # A pass-through to text keeps fractional numbers as the text alq wrote (exact, and no float to
        # format again: repr of a float is the slowest step left).
        request = json.loads(line, parse_float=str) if fast else json.loads(line)
        method, params = request["method"], request.get("params", {})
        frame, payload = params.get("frame"), b""
        if frame is not None:
            # Version 4: the frame's buffers follow the request's newline, and a newline follows them.
            payload = sys.stdin.buffer.read(frame["bytes"] + 1)
            if payload[-1:] != b"\n":
                sys.exit("a frame's bytes are not followed by a newline")
        result = {}
        output = b""
        if method == "hello":
            protocol = min(VERSION, params.get("protocol", 1))
            fast = protocol >= 3 and OUTPUT == "csv"
            result = {"protocol": protocol, "name": "passthrough", "version": "1.0.0", "capabilities": ["formats"]}
        elif method == "describe":
            result = {"formats": [{"name": "passthrough", "extensions": ["pt"], "media_type": "text/csv",
                                   "number_text": OUTPUT == "csv"}]}
        elif method == "export.begin":
            columns = params["columns"]
            numeric = [column.get("type") in ("integer", "number") for column in columns]
            output = (",".join(column["name"] for column in columns) + "\n").encode()
        elif method == "export.rows":
            if frame is not None:
                if OUTPUT == "csv":
                    output = frame_csv(frame, payload)
                elif OUTPUT == "json":
                    output = (json.dumps(frame_values(frame, payload), ensure_ascii=False) + "\n").encode()
            elif OUTPUT == "csv" and protocol >= 3:
                cells = [csv_cells(column, kind) for column, kind in zip(params["batch"]["columns"], numeric)]
                output = ("\n".join(map(",".join, zip(*cells))) + "\n").encode() if cells and cells[0] else b""
            elif OUTPUT == "csv":
                # Protocols 1 and 2 as the plugin was first written: Python's csv module, row by row.
                rows = zip(*params["batch"]["columns"]) if "batch" in params else params["rows"]
                text = io.StringIO()
                csv.writer(text, lineterminator="\n").writerows(rows)
                output = text.getvalue().encode()
            elif OUTPUT == "json":
                output = (json.dumps(params.get("batch", params.get("rows")), ensure_ascii=False) + "\n").encode()
        if output and protocol >= 3:
            # Protocol 3: the output follows the answer as raw bytes, then a newline.
            write(b'{"id":%d,"result":{"bytes":%d}}\n' % (request["id"], len(output)) + output + b"\n")
        else:
            if output:
                result = {"data": output.decode()}
            write(json.dumps({"id": request["id"], "result": result}, ensure_ascii=False).encode() + b"\n")
        flush()
        if method == "shutdown":
            break


main()
