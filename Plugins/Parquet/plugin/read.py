"""Reading a Parquet file for alq: the columns (with units and kinds from the metadata), then the rows
in batches, column by column."""
import json

import pyarrow as pa
import pyarrow.parquet as pq

import columns as mapping

BATCH_ROWS = 16384  # rows per `read.rows` answer, the protocol's most
EXACT_INTEGERS = 2**53  # beyond this, a double (an alq number) does not hold every integer


def _open(path):
    try:
        return pq.ParquetFile(path)
    except FileNotFoundError:
        raise ValueError(f"cannot read '{path}': no such file") from None
    except IsADirectoryError:
        raise ValueError(f"cannot read '{path}': it is a directory") from None
    except PermissionError:
        raise ValueError(f"cannot read '{path}': permission denied") from None
    except (pa.ArrowInvalid, OSError) as error:
        raise ValueError(f"'{path}' is not a Parquet file: {error}") from None


def _integers_fit(parquet_file, name):
    """Whether the statistics of every row group show a column's integers within ±2^53."""
    metadata = parquet_file.metadata
    leaves = [index for index in range(metadata.num_columns) if metadata.schema.column(index).path == name]
    if len(leaves) != 1:
        return False
    for group in range(metadata.num_row_groups):
        chunk = metadata.row_group(group).column(leaves[0])
        statistics = chunk.statistics
        if statistics is not None and statistics.has_min_max:
            if abs(statistics.min) > EXACT_INTEGERS or abs(statistics.max) > EXACT_INTEGERS:
                return False
        elif statistics is None or statistics.null_count != chunk.num_values:
            return False
    return True


def _type(parquet_file, field):
    """The wire type of a column: 64-bit integers that may not fit a double are `any`, where alq keeps
    such an integer as its digits."""
    wire = mapping.wire_type(field.type)
    if wire == "integer" and field.type.bit_width == 64 and not _integers_fit(parquet_file, field.name):
        return "any"
    return wire


def _described(parquet_file):
    """The alq metadata of each column: Arrow field metadata, else the file's `alq.columns`."""
    stored = (parquet_file.schema_arrow.metadata or {}).get(mapping.COLUMNS_KEY.encode())
    try:
        summary = json.loads(stored) if stored else {}
    except ValueError:
        summary = {}
    described = []
    for field in parquet_file.schema_arrow:
        metadata = {key.decode("utf-8", "replace"): value.decode("utf-8", "replace")
                    for key, value in (field.metadata or {}).items()}
        fallback = summary.get(field.name) if isinstance(summary, dict) else None
        fallback = fallback if isinstance(fallback, dict) else {}
        entry = {"name": field.name, "type": _type(parquet_file, field)}
        if entry["type"] not in ("integer", "number"):
            described.append(entry)  # only numbers are quantities
            continue
        for key, name in ((mapping.UNIT_KEY, "unit"), (mapping.KIND_KEY, "kind")):
            value = metadata.get(key, fallback.get(name))
            if isinstance(value, str) and value:
                entry[name] = value
        if "unit" in entry and not mapping.is_known_unit(entry["unit"]):
            raise ValueError(f"column '{field.name}' has the unit '{entry['unit']}' ({mapping.UNIT_KEY}), "
                             f"which alq does not know")
        if "kind" in entry and entry["kind"] not in mapping.KINDS:
            raise ValueError(f"column '{field.name}' has the kind '{entry['kind']}' ({mapping.KIND_KEY}), "
                             f"which alq does not know ({', '.join(mapping.KINDS)})")
        if "kind" in entry and "unit" not in entry:
            raise ValueError(f"column '{field.name}' has a kind ({mapping.KIND_KEY}) but no unit ({mapping.UNIT_KEY})")
        described.append(entry)
    return described


class ParquetRead:
    """One read: the columns at once, then batches until the file is done."""

    def __init__(self, path):
        self.file = _open(path)
        self.columns = _described(self.file)
        self.batches = self.file.iter_batches(batch_size=BATCH_ROWS)
        self.pending = None

    def next_batch(self):
        """The next batch as columns of JSON values, and whether the file is done."""
        batch = self.pending if self.pending is not None else next(self.batches, None)
        self.pending = next(self.batches, None) if batch is not None else None
        if batch is None:
            return {"length": 0, "columns": [[] for _ in self.columns]}, True
        columns = [[mapping.wire_value(value) for value in array.to_pylist()] for array in batch.columns]
        return {"length": batch.num_rows, "columns": columns}, self.pending is None
