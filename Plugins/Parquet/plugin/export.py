"""The `parquet` export format: rows from alq in, a Parquet file out, written one row group at a time
and sent back to alq as chunks of bytes."""
import pyarrow as pa
import pyarrow.parquet as pq

import columns as mapping

ROW_GROUP = 65536  # rows per row group; also how many rows are held in memory at most


class _Sink:
    """A write-only file for pyarrow's writer that keeps the bytes until they are taken."""

    def __init__(self):
        self.parts = []
        self.closed = False

    def write(self, data):
        self.parts.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def tell(self):
        return sum(len(part) for part in self.parts)

    def take(self):
        data = b"".join(self.parts)
        self.parts = []
        return data


class ParquetExport:
    """One export: `begin` with the column descriptions, `add` for each batch, `end`. Each returns the
    bytes of the file that are ready."""

    def __init__(self, columns):
        self.columns = columns
        self.names = [column["name"] for column in columns]
        self.buffer = [[] for _ in columns]
        self.buffered = 0
        self.sink = _Sink()
        self.writer = None
        self.types = None
        self.written = 0

    def add(self, batch_columns):
        """Adds a batch given column by column; returns the bytes of any row group completed."""
        if len(batch_columns) != len(self.columns):
            raise ValueError(f"a batch with {len(batch_columns)} columns for {len(self.columns)} announced")
        for held, values in zip(self.buffer, batch_columns):
            held.extend(values)
        self.buffered = len(self.buffer[0]) if self.buffer else 0
        while self.buffered >= ROW_GROUP:
            self._flush(ROW_GROUP)
        return self.sink.take()

    def end(self):
        """Writes what is left and the file's footer; returns the remaining bytes."""
        if self.buffered or self.writer is None:
            self._flush(self.buffered)
        self.writer.close()
        return self.sink.take()

    def _flush(self, count):
        """Writes the first `count` rows held as one row group."""
        group = [values[:count] for values in self.buffer]
        if self.types is None:
            # The first row group decides the type of columns announced as `any`.
            self.types = [
                mapping.infer_type(values) if column.get("type", "any") not in mapping.ARROW_TYPES else column["type"]
                for column, values in zip(self.columns, group)
            ]
        arrays = []
        for name, values, wire_type in zip(self.names, group, self.types):
            try:
                arrays.append(mapping.arrow_array(values, wire_type))
            except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError) as error:
                raise ValueError(f"column '{name}' after row {self.written}: {error}") from None
        if self.writer is None:
            fields = [
                pa.field(name, array.type, metadata=mapping.field_metadata(column) or None)
                for name, array, column in zip(self.names, arrays, self.columns)
            ]
            schema = pa.schema(fields, metadata=mapping.file_metadata(fields) or None)
            self.writer = pq.ParquetWriter(self.sink, schema, compression="zstd")
        table = pa.Table.from_arrays(arrays, schema=self.writer.schema)
        self.writer.write_table(table, row_group_size=ROW_GROUP)
        self.written += count
        self.buffer = [values[count:] for values in self.buffer]
        self.buffered -= count
