"""The plugin protocol's framing: one JSON object per line on standard input (requests) and standard
output (answers and chunks), UTF-8. See docs/plugins.md."""
import base64
import json
import sys


class PluginError(Exception):
    """A failure of one request: answered with an error, the plugin stays loaded."""


def requests():
    """The requests alq sends, in order, until the end of standard input."""
    for line in sys.stdin.buffer:
        if line.strip():
            yield json.loads(line)


def _send(message):
    text = json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def answer(request_id, result):
    """The answer to a request."""
    _send({"id": request_id, "result": result})


def fail(request_id, message):
    """An error answer: that one operation fails with the message."""
    _send({"id": request_id, "error": {"message": message}})


def chunk(request_id, data):
    """A chunk of output bytes, sent before the answer to an export request."""
    _send({"id": request_id, "chunk": {"base64": base64.b64encode(data).decode("ascii")}})
