#!/usr/bin/env python3
"""A protocol-3 test plugin, format `raw` (extension `.raw`): writes each row's values as JSON joined by
`|`, decoding dictionary-encoded columns, and sends its output as raw bytes after each answer. A
line before each batch's rows names each column's form (`d` dictionary, `a` array). The formats
`raw-binary`, `raw-miscount` and `raw-huge` do the same but add the bytes FF 00 after the header (raw
output need not be text), announce two bytes fewer than they send, or announce more than 64 MiB."""
import json
import sys

MODE = ""


def send(request_id, output=b"", result=None):
    if output:
        count = len(output) - (2 if MODE == "miscount" else 0)
        if MODE == "huge":
            count = 65 << 20
        sys.stdout.buffer.write(b'{"id":%d,"result":{"bytes":%d}}\n' % (request_id, count) + output + b"\n")
    else:
        sys.stdout.buffer.write(json.dumps({"id": request_id, "result": result or {}}).encode() + b"\n")
    sys.stdout.buffer.flush()


for line in sys.stdin.buffer:
    request = json.loads(line)
    method, params = request["method"], request.get("params", {})
    if method == "hello":
        version = min(3, params.get("protocol", 1))
        send(request["id"], result={"protocol": version, "name": "raw", "version": "3.0.0",
                                    "capabilities": ["formats"]})
    elif method == "describe":
        send(request["id"], result={"formats": [{"name": name, "extensions": [name], "media_type": "text/plain"}
                                                for name in ("raw", "raw-binary", "raw-miscount", "raw-huge")]})
    elif method == "export.begin":
        MODE = params["format"][4:]
        header = "|".join(c["name"] + ":" + c["type"] + (":" + c["unit"] if "unit" in c else "")
                          for c in params["columns"])
        output = header.encode() + b"\n"
        if MODE == "binary":
            output += b"\xff\x00\n"
        send(request["id"], output)
    elif method == "export.rows":
        columns = params["batch"]["columns"] if "batch" in params else [list(c) for c in zip(*params["rows"])]
        forms = "".join("d" if isinstance(c, dict) else "a" for c in columns)
        values = [[c["dictionary"][k] for k in c["codes"]] if isinstance(c, dict) else c for c in columns]
        rows = ["|".join(json.dumps(v, ensure_ascii=False) for v in row) for row in zip(*values)]
        send(request["id"], ("batch " + forms + "\n" + "".join(r + "\n" for r in rows)).encode())
    elif method == "shutdown":
        send(request["id"])
        break
    else:
        send(request["id"])
