#!/usr/bin/env python3
"""A protocol-2 test plugin whose reader follows a script: the file it is asked to read is JSON,
{"columns": [...], "answers": [...], "forever": false, "sleep": 0, "progress": 0,
"progress_every": 0.5}. `read.begin` answers with the columns (or with the file's "error" as an error
answer), after "progress" progress messages "progress_every" seconds apart when alq offered them in
`hello`, each `read.rows` with the next of "answers" as it is, then {"done": true}; with "forever" it
sends one row at a time and is never done. The options of `read.begin` are kept, and a column named
"options" gets them as JSON text.

Its format `cols` also writes: each export request's params, one JSON line each."""
import json
import sys
import time

script = None
options = {}
takes_progress = False


def answer(request, result=None, error=None):
    message = {"id": request["id"]}
    if error is not None:
        message["error"] = {"message": error}
    else:
        message["result"] = result if result is not None else {}
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    request = json.loads(line)
    method = request["method"]
    params = request.get("params", {})
    if method == "hello":
        takes_progress = params.get("progress") is True
        answer(request, {"protocol": 2, "name": "scripted", "version": "2.0.0",
                         "capabilities": ["formats", "readers"]})
    elif method == "describe":
        answer(request, {"formats": [{"name": "cols", "extensions": ["cols"], "media_type": "application/json",
                                      "read": True, "write": True}]})
    elif method in ("export.begin", "export.rows", "export.end"):
        answer(request, {"data": json.dumps({method: params}, ensure_ascii=False) + "\n"})
    elif method == "read.begin":
        with open(params["path"], encoding="utf-8") as file:
            script = json.load(file)
        options = params.get("options", {})
        if "error" in script:
            answer(request, error=script["error"])
            continue
        for _ in range(script.get("progress", 0) if takes_progress else 0):
            time.sleep(script.get("progress_every", 0.5))
            sys.stdout.write(json.dumps({"id": request["id"], "chunk": {}}) + "\n")
            sys.stdout.flush()
        answer(request, {"columns": script["columns"]})
    elif method == "read.rows":
        time.sleep(script.get("sleep", 0))
        if script.get("forever"):
            answer(request, {"batch": {"length": 1, "columns": [[1] for _ in script["columns"]]}, "done": False})
        elif script.get("answers"):
            result = script["answers"].pop(0)
            if result == "options":
                result = {"batch": {"length": 1, "columns": [[json.dumps(options, sort_keys=True)]]}, "done": True}
            answer(request, result)
        else:
            answer(request, {"done": True})
    elif method == "shutdown":
        answer(request)
        break
    else:
        answer(request, error="unknown method " + method)
