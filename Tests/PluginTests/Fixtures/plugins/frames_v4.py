#!/usr/bin/env python3
"""A protocol-4 test plugin, formats `frames` (number columns with their text) and `frames-binary` (doubles
only): decodes every binary frame as docs/plugins.md describes it, checks everything the frame promises,
and writes each row's values as JSON joined by `|` (a number with text as that text), after a line per
batch: `batch LENGTH` and each column's form (`d8`/`d16`/`d32` dictionary and code width, `f` float64 with
`n` when it has a null mask and `t` when it has text, `v` values). A broken promise is an error answer
naming it. Output goes back as raw bytes after each answer."""
import json
import math
import struct
import sys

CODES = {"uint8": ("B", 1), "uint16": ("H", 2), "uint32": ("I", 4)}


class Broken(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Broken(message)


def buffer(payload, covered, offset, size, what):
    check(isinstance(offset, int) and offset >= 0 and offset % 8 == 0, f"{what} at {offset}: not aligned")
    check(offset + size <= len(payload), f"{what} at {offset} of {size} bytes: beyond the frame")
    covered.append((offset, offset + size))
    return memoryview(payload)[offset:offset + size]


def number_text(value):
    return str(int(value)) if value.is_integer() and abs(value) < 2 ** 53 else repr(value)


def decode(frame, payload):
    """The frame's columns as lists of JSON texts, and its forms."""
    length = frame["length"]
    check(len(payload) == frame["bytes"], "the payload's size is not 'bytes'")
    covered, columns, forms = [], [], []
    for column in frame["columns"]:
        form = column["form"]
        if form == "dictionary":
            kind, size = CODES[column["codes"]]
            dictionary = column["dictionary"]
            texts = [json.dumps(value, ensure_ascii=False) for value in dictionary]
            check(len(set(texts)) == len(texts), "a dictionary with a value twice")
            check(all(value is None or isinstance(value, (str, bool)) for value in dictionary),
                  "a dictionary value that is not a string, a bool or null")
            narrowest = "uint8" if len(dictionary) <= 256 else "uint16" if len(dictionary) <= 65536 else "uint32"
            check(column["codes"] == narrowest, f"codes {column['codes']} for {len(dictionary)} values")
            codes = struct.unpack("<%d%s" % (length, kind), buffer(payload, covered, column["offset"], length * size,
                                                                   "codes"))
            check(all(code < len(dictionary) for code in codes), "a code beyond the dictionary")
            check(sorted(set(codes)) == list(range(len(dictionary))), "a dictionary value no row uses")
            columns.append([texts[code] for code in codes])
            forms.append("d%d" % (8 * size))
        elif form == "float64":
            values = struct.unpack("<%dd" % length, buffer(payload, covered, column["offset"], 8 * length, "values"))
            nulls = [0] * length
            if "nulls" in column:
                nulls = list(buffer(payload, covered, column["nulls"], length, "nulls"))
                check(set(nulls) <= {0, 1} and 1 in nulls, "a null mask that is not 0s and 1s with a 1")
            for value, null in zip(values, nulls):
                check(math.isnan(value) if null else math.isfinite(value), "a null that is not NaN, or a NaN")
            cells = ["null" if null else number_text(value) for value, null in zip(values, nulls)]
            if "text" in column:
                start, end = column["text"]
                text = bytes(buffer(payload, covered, start, end - start, "text"))
                check(text.endswith(b"\n") or length == 0, "text not ended by a newline")
                lines = text.decode("ascii").split("\n")[:-1]
                check(len(lines) == length, f"{len(lines)} texts for {length} rows")
                for line, value, null in zip(lines, values, nulls):
                    check(line == "" if null else float(line) == value, f"text {line!r} for {value}")
                cells = ["null" if null else line for line, null in zip(lines, nulls)]
            columns.append(cells)
            forms.append("f" + ("n" if "nulls" in column else "") + ("t" if "text" in column else ""))
        else:
            check(form == "values" and len(column["values"]) == length, f"a column of form {form}")
            columns.append([json.dumps(value, ensure_ascii=False) for value in column["values"]])
            forms.append("v")
    covered.sort()
    position = 0
    for start, end in covered:
        check(start >= position, "buffers that overlap")
        check(not any(payload[position:start]), "padding that is not zeros")
        position = end
    check(not any(payload[position:]), "bytes after the last buffer that are not zeros")
    return columns, forms


def send(request_id, output=b"", result=None, error=None):
    if error is not None:
        sys.stdout.buffer.write(json.dumps({"id": request_id, "error": {"message": error}}).encode() + b"\n")
    elif output:
        sys.stdout.buffer.write(b'{"id":%d,"result":{"bytes":%d}}\n' % (request_id, len(output)) + output + b"\n")
    else:
        sys.stdout.buffer.write(json.dumps({"id": request_id, "result": result or {}}).encode() + b"\n")
    sys.stdout.buffer.flush()


while True:
    line = sys.stdin.buffer.readline()
    if not line:
        break
    request = json.loads(line)
    method, params = request["method"], request.get("params", {})
    if method == "hello":
        send(request["id"], result={"protocol": min(4, params.get("protocol", 1)), "name": "frames",
                                    "version": "4.0.0", "capabilities": ["formats"]})
    elif method == "describe":
        send(request["id"], result={"formats": [
            {"name": "frames", "extensions": ["frames"], "media_type": "text/plain", "number_text": True},
            {"name": "frames-binary", "extensions": ["fbin"], "media_type": "text/plain"}]})
    elif method == "export.begin":
        send(request["id"], "|".join(c["name"] + ":" + c["type"] + (":" + c["unit"] if "unit" in c else "")
                                     for c in params["columns"]).encode() + b"\n")
    elif method == "export.rows":
        if "frame" not in params:
            send(request["id"], error="not a frame: " + ",".join(params))
            continue
        frame = params["frame"]
        payload = sys.stdin.buffer.read(frame["bytes"] + 1)
        if payload[-1:] != b"\n":
            send(request["id"], error="the frame's bytes are not followed by a newline")
            continue
        try:
            columns, forms = decode(frame, payload[:-1])
        except (Broken, KeyError, ValueError, TypeError) as error:
            send(request["id"], error=f"{type(error).__name__}: {error}")
            continue
        rows = ["|".join(row) + "\n" for row in zip(*columns)]
        send(request["id"], ("batch %d %s\n" % (frame["length"], " ".join(forms)) + "".join(rows)).encode())
    elif method == "shutdown":
        send(request["id"])
        break
    else:
        send(request["id"])
