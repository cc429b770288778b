#!/usr/bin/env python3
"""The pass-through export plugin of bench/plugins.py: the format `passthrough` (extension `.pt`) reads
every batch alq sends and writes every value back out: as CSV (ALQ_BENCH_OUTPUT=csv, the default), as one
JSON line per batch (json), or not at all (none: the cost of receiving alone).

The CSV is byte for byte what alq's own `export csv` writes for the same table (docs/plugins.md, "The
CSV formats"): strings quoted when they hold a comma, a quote, CR or LF or start or end with a space,
the empty string as `""`, null as an empty field, the formula guard (`'=x`), numbers as the text alq
sent, bools as `true`/`false`, lists and records as JSON text, and a column of quantities of one unit
headed `name [unit]` unless the table has its unit column. The one difference: a column of mixed
values whose quantities all have one unit reaches a plugin as such a column (its descriptor carries the
unit), so it is headed `name [unit]` where `export csv` writes a companion `name_unit` column.

It speaks the protocol version alq offers, or the one in ALQ_BENCH_PROTOCOL (1: rows as arrays; 2: columnar
batches; 3: dictionary-encoded string columns and raw output after the answer; 4: binary frames), so that
each can be measured. The CSV path of version 4 shows what a fast Python plugin looks like (docs/plugins.md,
"A fast plugin in Python"): a frame is a short JSON header and buffers, every column becomes a list of
cells at C speed, each cell carrying the separator that follows it (a dictionary's distinct strings are
quoted once, with the separator, and looked up by code; a number column is alq's text split once; two
neighbouring dictionaries of few values are one column of pairs), the columns go into every k-th slot
of one list, and one `b"".join` makes the output, which goes out as raw bytes after a short message. Versions 2 and 3 keep their column-wise JSON path, version 1 Python's csv
module."""
import csv
import io
import json
import os
import sys

VERSION = int(os.environ.get("ALQ_BENCH_PROTOCOL", "4"))
OUTPUT = os.environ.get("ALQ_BENCH_OUTPUT", "csv")


class Number(str):
    """A JSON number kept as the text alq wrote it (`json.loads(…, parse_float=Number, parse_int=Number)`):
    a pass-through to text writes it as it came, and it stays apart from a string with the same text."""


FORMULA_TRIGGERS = frozenset("=+-@\t\r")


def csv_string(text):
    """A string as one CSV field, as `export csv` writes it: one more `'` before a formula trigger (after
    any leading `'`), quoted (quotes doubled) when it holds a comma, quote, CR or LF, starts or ends with a
    space or starts with U+FEFF; the empty string is `""`."""
    if not text:
        return '""'
    quoted = (text[0] in " \ufeff" or text[-1] == " " or "," in text or '"' in text or "\n" in text
              or "\r" in text)
    guarded = text.lstrip("'")
    if guarded and guarded[0] in FORMULA_TRIGGERS:
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if quoted else text


def scalar_text(value):
    """A bool or a number as alq writes it (a number with its text as that text); None for anything else."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Number):
        return str.__str__(value)
    if isinstance(value, (int, float)):
        return number_text(value)
    return None


def json_text(value):
    """A value as compact JSON, as alq writes it (numbers as their text, strings escaped minimally)."""
    if value is None:
        return "null"
    scalar = scalar_text(value)
    if scalar is not None:
        return scalar
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(map(json_text, value)) + "]"
    return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + json_text(item)
                          for key, item in value.items()) + "}"


def csv_text(value):
    """One CSV cell of any value alq sends, as `export csv` writes it."""
    if value is None:
        return ""
    scalar = scalar_text(value)
    if scalar is not None:
        return scalar
    if isinstance(value, str):
        return csv_string(value)
    return csv_string(json_text(value))


def number_text(value):
    """A number as alq writes it, for a number that came without its text: whole numbers below 2^53 as
    integers, others in the shortest form that reads back (`33.69`, `1e-07`, `9.007199254740992e+15`)."""
    if isinstance(value, int) or (value.is_integer() and abs(value) < 2 ** 53):
        return str(int(value))
    text = repr(value)
    if abs(value) >= 2 ** 53 and "e" not in text:
        digits = text.lstrip("-").split(".")[0]
        mantissa = (digits[0] + "." + digits[1:]).rstrip("0").rstrip(".")
        text = ("-" if value < 0 else "") + mantissa + "e+%02d" % (len(digits) - 1)
    return text


def header_csv(columns):
    """The header row: a column of one unit is `name [unit]` (unless the table has its unit column), and
    every name is a CSV field."""
    names = {column["name"] for column in columns}
    cells = []
    for column in columns:
        name, unit = column["name"], column.get("unit")
        if unit and name + "_unit" not in names and not (name == "value" and "unit" in names):
            name = "%s [%s]" % (name, unit)
        cells.append(csv_string(name))
    return ",".join(cells) + "\n"


def csv_cells(column, numeric):
    """A version-3 batch column's CSV cells: a dictionary column's distinct values quoted once, a numeric
    column through `map(str, …)`, anything else cell by cell."""
    if isinstance(column, dict):
        texts = [csv_text(value) for value in column["dictionary"]]
        return [texts[code] for code in column["codes"]]
    if numeric and None not in column:
        return list(map(str, column))
    return [csv_text(value) for value in column]


CODES = {"uint8": "B", "uint16": "H", "uint32": "I"}
WIDTHS = {"B": 1, "H": 2, "I": 4}


def frame_codes(column, payload, length):
    """A dictionary column's codes, cast in place from the frame's bytes."""
    kind = CODES[column["codes"]]
    start = column["offset"]
    return memoryview(payload)[start:start + length * WIDTHS[kind]].cast(kind)


def frame_cells(column, payload, length, end):
    """A version-4 frame column as CSV cells (bytes), each ending with `end`, the separator after it."""
    form = column["form"]
    if form == "dictionary":
        # Each distinct value is quoted once, with its separator; a row is one list lookup.
        texts = [csv_text(value).encode() + end for value in column["dictionary"]]
        return [texts[code] for code in frame_codes(column, payload, length)]
    if form == "float64" and "text" in column:
        # alq's text of each number, each followed by a newline (empty for null).
        start, stop = column["text"]
        if end == b"\n":
            return payload[start:stop].splitlines(True)
        cells = payload[start:stop].replace(b"\n", end + b"\n").split(b"\n")
        cells.pop()
        return cells
    if form == "float64":
        start = column["offset"]
        values = memoryview(payload)[start:start + 8 * length].cast("d")
        mask = payload[column["nulls"]:column["nulls"] + length] if "nulls" in column else bytes(length)
        return [end if null else number_text(value).encode() + end for value, null in zip(values, mask)]
    return [csv_text(value).encode() + end for value in column["values"]]


def frame_values(frame, payload):
    """A version-4 frame's columns as lists of Python values (None for null)."""
    length, columns = frame["length"], []
    for column in frame["columns"]:
        if column["form"] == "dictionary":
            columns.append(list(map(column["dictionary"].__getitem__, frame_codes(column, payload, length))))
        elif column["form"] == "float64":
            values = list(memoryview(payload)[column["offset"]:column["offset"] + 8 * length].cast("d"))
            if "nulls" in column:
                mask = payload[column["nulls"]:column["nulls"] + length]
                values = [None if null else value for value, null in zip(values, mask)]
            columns.append(values)
        else:
            columns.append(column["values"])
    return columns


PAIRED = {2: "H", 4: "I", 8: "Q"}


def pairs_well(left, right, length):
    """Whether two neighbouring columns are worth one column of cells: both dictionaries, one with 8-bit
    codes, at most one pair of values per two rows to make, and a table of pairs of at most 8 slots a row."""
    if left["form"] != "dictionary" or right["form"] != "dictionary" or sys.byteorder != "little":
        return False
    if "uint8" not in (left["codes"], right["codes"]):
        return False
    high = left if right["codes"] == "uint8" else right
    pairs = len(left["dictionary"]) * len(right["dictionary"])
    return pairs * 2 <= length and len(high["dictionary"]) * 256 <= 8 * length


def paired_cells(left, right, payload, length, end):
    """Two neighbouring dictionary columns as one column of cells, `left,right` and `end` (pairs_well
    said yes): the codes are interleaved byte by byte (slice assignments, at C speed) into one code a
    row, high * 256 + low, the low one a column of 8-bit codes; the text of each pair is made once."""
    left_texts = [csv_text(value).encode() + b"," for value in left["dictionary"]]
    right_texts = [csv_text(value).encode() + end for value in right["dictionary"]]
    low, high = (right, left) if right["codes"] == "uint8" else (left, right)
    width = WIDTHS[CODES[high["codes"]]]
    size = 2 if width == 1 else 4 if width <= 3 else 8
    joined = bytearray(size * length)
    joined[0::size] = payload[low["offset"]:low["offset"] + length]
    high_codes = payload[high["offset"]:high["offset"] + width * length]
    for byte in range(width):
        joined[1 + byte::size] = high_codes[byte::width]
    table = [None] * (len(high["dictionary"]) * 256)
    if high is left:
        for code, text in enumerate(left_texts):
            table[code * 256:code * 256 + len(right_texts)] = [text + other for other in right_texts]
    else:
        for code, text in enumerate(right_texts):
            table[code * 256:code * 256 + len(left_texts)] = [other + text for other in left_texts]
    return [table[code] for code in memoryview(joined).cast(PAIRED[size])]


def frame_csv(frame, payload):
    """A version-4 frame as CSV bytes: each column's cells (or a pair of columns', paired_cells) go into
    every k-th slot of one list, and one join makes the text."""
    length, columns = frame["length"], frame["columns"]
    width = len(columns)
    if not length or not width:
        return b""
    groups = []
    index = 0
    while index < width:
        if index + 1 < width and pairs_well(columns[index], columns[index + 1], length):
            end = b"\n" if index + 2 == width else b","
            groups.append(paired_cells(columns[index], columns[index + 1], payload, length, end))
            index += 2
        else:
            end = b"\n" if index + 1 == width else b","
            groups.append(frame_cells(columns[index], payload, length, end))
            index += 1
    slots = [None] * (len(groups) * length)
    for index, cells in enumerate(groups):
        slots[index::len(groups)] = cells
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
        # From version 3 on, a pass-through to text keeps each fractional number as the text alq wrote
        # (exact, and no float to format again: repr of a float is the slowest step left).
        request = json.loads(line, parse_float=Number) if fast else json.loads(line)
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
            output = header_csv(columns).encode()
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
