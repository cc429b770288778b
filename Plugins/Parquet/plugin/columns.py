"""How alq's column types, units and kinds map to Arrow types and Parquet metadata, both ways."""
import datetime
import decimal
import json
import math

import pyarrow as pa

# Arrow field metadata of a column (stored by pyarrow in the file's ARROW:schema).
UNIT_KEY = "alq.unit"
KIND_KEY = "alq.kind"
# File key-value metadata: {"column": {"unit": "CNY", "kind": "actual"}, ...} for the columns that have
# either, for readers that do not decode ARROW:schema (DuckDB: parquet_kv_metadata()).
COLUMNS_KEY = "alq.columns"

# The units and kinds alq knows (docs/language.md): base units, and products and quotients of them
# such as `CNY/t` or `t·a`; a column's metadata naming others is refused rather than misread.
BASE_UNITS = ("CNY", "t", "kWh", "a", "count", "%", "x", "pp", "rank")
KINDS = ("actual", "expected", "plan", "target")


def _unit_powers(text, allow_one):
    if allow_one and text == "1":
        return {}
    powers = {}
    for factor in text.split("·"):
        base, _, power = factor.partition("^")
        if base not in BASE_UNITS or (power and not (power.isdigit() and int(power) > 0)):
            return None
        powers[base] = powers.get(base, 0) + (int(power) if power else 1)
    return powers


def is_known_unit(text):
    """Whether alq knows a unit symbol: `CNY`, `t`, `CNY/t`, `kWh/t`, `t/a`, `1/a`, `t^2`, …."""
    numerator, slash, denominator = text.partition("/")
    top = _unit_powers(numerator, allow_one=bool(slash))
    bottom = _unit_powers(denominator, allow_one=False) if slash else {}
    if top is None or bottom is None or (slash and not bottom):
        return False
    net = {base: top.get(base, 0) - bottom.get(base, 0) for base in set(top) | set(bottom)}
    return any(net.values())


ARROW_TYPES = {
    "integer": pa.int64(),
    "number": pa.float64(),
    "string": pa.string(),
    "bool": pa.bool_(),
    "date": pa.date32(),
}


def field_metadata(column):
    """The Arrow field metadata for a column description from alq: its unit and kind, if any."""
    metadata = {}
    if column.get("unit"):
        metadata[UNIT_KEY] = column["unit"]
    if column.get("kind"):
        metadata[KIND_KEY] = column["kind"]
    return metadata


def file_metadata(fields):
    """The file key-value metadata summarising the fields' alq metadata."""
    described = {}
    for field in fields:
        entry = {}
        for key, name in ((UNIT_KEY, "unit"), (KIND_KEY, "kind")):
            value = (field.metadata or {}).get(key.encode())
            if value is not None:
                entry[name] = value.decode("utf-8")
        if entry:
            described[field.name] = entry
    return {COLUMNS_KEY: json.dumps(described, ensure_ascii=False)} if described else {}


def _plain(value):
    """A value from alq as a plain Python value: a quantity ({"value", "unit"}) as its number."""
    if isinstance(value, dict) and set(value) == {"value", "unit"}:
        return value["value"]
    return value


def _integer(value):
    value = _plain(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _date(value):
    value = _plain(value)
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def _text(value):
    """A value of a column of mixed values as text: strings as they are, anything else as JSON."""
    value = _plain(value)
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


CONVERTERS = {"integer": _integer, "number": _plain, "string": _plain, "bool": _plain, "date": _date}


def infer_type(values):
    """The wire type of a column announced as `any`, from its values: one type when all non-null values
    share it (quantities as numbers), else `string` (text and JSON)."""
    seen = set()
    for value in values:
        value = _plain(value)
        if value is None:
            continue
        if isinstance(value, bool):
            seen.add("bool")
        elif isinstance(value, int):
            seen.add("integer")
        elif isinstance(value, float):
            seen.add("number")
        elif isinstance(value, str):
            seen.add("string")
        else:
            seen.add("json")
    if seen <= {"integer"}:
        return "integer" if seen else "string"
    if seen <= {"integer", "number"}:
        return "number"
    if len(seen) == 1 and seen != {"json"}:
        return seen.pop()
    return "text"


def arrow_array(values, wire_type):
    """An Arrow array of a column's values of one wire type (`text`: mixed values as text)."""
    if wire_type == "text":
        return pa.array([_text(value) for value in values], type=pa.string())
    convert = CONVERTERS[wire_type]
    return pa.array([None if value is None else convert(value) for value in values], type=ARROW_TYPES[wire_type])


def wire_type(arrow_type):
    """The wire type alq reads for an Arrow type."""
    if pa.types.is_dictionary(arrow_type):
        return wire_type(arrow_type.value_type)
    if pa.types.is_boolean(arrow_type):
        return "bool"
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type) or pa.types.is_decimal(arrow_type):
        return "number"
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type) or pa.types.is_string_view(arrow_type):
        return "string"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_timestamp(arrow_type) or pa.types.is_time(arrow_type):
        return "string"
    if pa.types.is_null(arrow_type):
        return "any"
    return "any"


def wire_value(value):
    """A value read from Parquet as a JSON value alq reads: dates and times as ISO 8601 text, decimals
    as numbers, NaN and infinities as null, bytes as hexadecimal text, lists and structs as lists and
    records."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, decimal.Decimal):
        return wire_value(float(value))
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, dict):
        return {str(key): wire_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        if all(isinstance(item, tuple) and len(item) == 2 for item in value) and value:
            return {str(key): wire_value(item) for key, item in value}  # a map
        return [wire_value(item) for item in value]
    return str(value)
