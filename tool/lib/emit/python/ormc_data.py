"""ormc's data access for Python: the part of every generated module that is the same for all.

`ormc --target=python` writes this file beside `<schema>_models.py`, which holds one dataclass
per model and the SQL ormc's SQL layer rendered for it (the same statements the C++ code runs).
This module binds and reads values exactly as ormc's C++ runtime stores them, over the standard
`sqlite3` module or psycopg 3, so that rows written by either language read back equal in the
other. See docs/python.md.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import json
import re
import sqlite3
import struct
import uuid
from contextlib import contextmanager
from typing import Any, Dict, Generic, Iterator, List, Optional, Sequence, Tuple, Type, TypeVar

__all__ = [
    "OrmcError", "UsageError", "DataError", "NotFound", "VersionConflict", "Database", "Table",
    "connect", "JSON_NULL", "EPOCH", "UTC",
]

IR_MAJOR = 2  # the IR major version this module was written for; the models module checks it


class OrmcError(Exception):
    """Everything this module raises on its own account."""


class UsageError(OrmcError):
    """A call this module cannot carry out as asked (no row tenant, a naive datetime)."""


class DataError(OrmcError):
    """A value that cannot be stored, or a stored value that cannot be read, exactly."""


class NotFound(OrmcError):
    """update() of a row that is not there."""


class VersionConflict(OrmcError):
    """update() of a row someone else changed since it was read (an ormc:version column)."""


UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)


# Codecs: one per column, turning a Python value into what the driver binds and back. `pg` says
# which backend: the C++ runtime stores some kinds differently on each (docs/type-mapping.md).
class Codec:
    python_type: Any = object

    def encode(self, value: Any, pg: bool) -> Any:
        return value

    def decode(self, value: Any, pg: bool) -> Any:
        return value


class Bool(Codec):
    def encode(self, value, pg):
        if not isinstance(value, bool):
            raise DataError(f"expected a bool, not {value!r}")
        return value if pg else int(value)

    def decode(self, value, pg):
        if pg:
            return bool(value)
        if value not in (0, 1):
            raise DataError(f"holds {value!r}, which is not a bool (0 or 1)")
        return value == 1


class Integer(Codec):
    def __init__(self, lowest: int, highest: int):
        self.lowest, self.highest = lowest, highest

    def encode(self, value, pg):
        if isinstance(value, enum.IntEnum):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataError(f"expected an integer, not {value!r}")
        if not self.lowest <= value <= self.highest:
            raise DataError(f"{value} is outside [{self.lowest}, {self.highest}]")
        return value

    def decode(self, value, pg):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataError(f"holds {value!r}, which is not an integer")
        if not self.lowest <= value <= self.highest:
            raise DataError(f"holds {value}, outside [{self.lowest}, {self.highest}]")
        return value


def _float32(value: float) -> float:
    """The value a C++ float holds: rounded to single precision, as both backends store it."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


class Real(Codec):
    def __init__(self, single: bool):
        self.single = single

    def encode(self, value, pg):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DataError(f"expected a float, not {value!r}")
        return _float32(value) if self.single else float(value)

    def decode(self, value, pg):
        return _float32(value) if self.single else float(value)


class Text(Codec):
    def encode(self, value, pg):
        if not isinstance(value, str):
            raise DataError(f"expected a str, not {value!r}")
        return value


class Bytes(Codec):
    def encode(self, value, pg):
        if not isinstance(value, (bytes, bytearray, memoryview)):
            raise DataError(f"expected bytes, not {value!r}")
        return bytes(value)

    def decode(self, value, pg):
        return bytes(value)


class Uuid(Codec):
    """SQLite: the canonical lowercase text, as the C++ runtime writes it; PostgreSQL: UUID."""

    def encode(self, value, pg):
        if isinstance(value, str):
            value = uuid.UUID(value)
        if not isinstance(value, uuid.UUID):
            raise DataError(f"expected a uuid.UUID, not {value!r}")
        return value if pg else str(value)

    def decode(self, value, pg):
        try:
            return value if isinstance(value, uuid.UUID) else uuid.UUID(value)
        except ValueError:
            raise DataError(f"holds {value!r}, which is not a UUID") from None


# ISO 8601 as the C++ runtime reads it (SQLite's date functions' forms).
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?"
                  r"(Z|[+-]\d{2}:\d{2})?")


def _iso_text(moment: datetime.datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS', with '.ffffff' only when the fraction is not zero."""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    if moment.year < 1000:  # strftime does not pad the year everywhere
        text = f"{moment.year:04d}" + text[text.index("-"):]
    return text + (f".{moment.microsecond:06d}" if moment.microsecond else "")


def _parse_iso(text: str) -> datetime.datetime:
    match = _ISO.fullmatch(text) if isinstance(text, str) else None
    if not match:
        raise DataError(f"holds {text!r}, which is not an ISO 8601 date and time "
                        "(YYYY-MM-DD HH:MM:SS[.ffffff])")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        moment = datetime.datetime(int(year), int(month), int(day), int(hour or 0),
                                   int(minute or 0), int(second or 0),
                                   int((fraction or "0").ljust(6, "0")), tzinfo=UTC)
    except ValueError as error:
        raise DataError(f"holds {text!r}: {error}") from None
    if offset and offset != "Z":
        sign = 1 if offset[0] == "+" else -1
        moment -= sign * datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
    return moment


class Timestamp(Codec):
    """An aware datetime (UTC on reading), stored as the column's `storage=` says."""

    _UNITS = {"unix_seconds": 1_000_000, "unix_millis": 1_000, "unix_micros": 1}

    def __init__(self, storage: str):
        self.storage = storage

    def encode(self, value, pg):
        if not isinstance(value, datetime.datetime):
            raise DataError(f"expected a datetime, not {value!r}")
        if value.tzinfo is None:
            raise UsageError(f"{value!r} is a naive datetime; give it a tzinfo (ormc stores UTC)")
        value = value.astimezone(UTC)
        if self.storage == "native":
            return value if pg else (value - EPOCH) // _MICROSECOND
        if self.storage in self._UNITS:
            micros = (value - EPOCH) // _MICROSECOND
            unit = self._UNITS[self.storage]
            if micros % unit:
                raise DataError(f"{value.isoformat()} has a fraction finer than {self.storage}")
            return micros // unit
        if self.storage == "timestamp" and pg:
            return value.replace(tzinfo=None)
        return _iso_text(value)  # text, and timestamp on SQLite

    def now(self) -> datetime.datetime:
        """The current time at the storage's precision, as the C++ code fills created_at."""
        moment = datetime.datetime.now(UTC)
        unit = self._UNITS.get(self.storage, 1)
        return moment.replace(microsecond=moment.microsecond // unit * unit if unit < 1_000_000
                              else 0)

    def decode(self, value, pg):
        if pg and self.storage in ("native", "timestamp"):
            if value.tzinfo is None:
                return value.replace(tzinfo=UTC)
            return value.astimezone(UTC)
        if self.storage == "native" or self.storage in self._UNITS:
            if isinstance(value, bool) or not isinstance(value, int):
                raise DataError(f"holds {value!r}, which is not an integer time")
            try:
                return EPOCH + value * self._UNITS.get(self.storage, 1) * _MICROSECOND
            except OverflowError:
                raise DataError(f"holds {value}, outside Python's datetime range") from None
        return _parse_iso(value)


class Date(Codec):
    def encode(self, value, pg):
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise DataError(f"expected a date, not {value!r}")
        return value if pg else value.isoformat()

    def decode(self, value, pg):
        if pg:
            return value
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise DataError(f"holds {value!r}, which is not a date (YYYY-MM-DD)") from None


class Duration(Codec):
    """A count of the C++ member's own unit (num/den seconds). A timedelta when the unit is a
    whole number of microseconds (timedelta's resolution), else the count itself as an int."""

    def __init__(self, num: int, den: int):
        self.num, self.den = num, den
        self.as_timedelta = (num * 1_000_000) % den == 0
        self.micros = num * 1_000_000 // den
        self.count = Integer(-2**63, 2**63 - 1)  # the codec of a count finer than a timedelta

    def encode(self, value, pg):
        if not self.as_timedelta:
            return self.count.encode(value, pg)
        if not isinstance(value, datetime.timedelta):
            raise DataError(f"expected a timedelta, not {value!r}")
        micros = value // _MICROSECOND
        if micros % self.micros:
            raise DataError(f"{value} is not a whole number of {self.num}/{self.den} s")
        return micros // self.micros

    def decode(self, value, pg):
        if not self.as_timedelta:
            return value
        return datetime.timedelta(microseconds=value * self.micros)


class Decimal(Codec):
    """decimal.Decimal with exactly `scale` fraction digits. SQLite holds the count of
    10^-scale units (or, with storage=numeric, the number); PostgreSQL NUMERIC(p, s)."""

    def __init__(self, precision: int, scale: int, storage: str):
        self.precision, self.scale, self.storage = precision, scale, storage
        self.quantum = decimal.Decimal(1).scaleb(-scale)

    def _exact(self, value: decimal.Decimal, what: str) -> decimal.Decimal:
        if not value.is_finite():
            raise DataError(f"{what} {value} is not a finite number")
        quantized = value.quantize(self.quantum, context=decimal.Context(prec=60))
        if quantized != value:
            raise DataError(f"{what} {value} has more than {self.scale} fraction digits")
        if abs(quantized.scaleb(self.scale)) >= 10**self.precision:
            raise DataError(f"{what} {value} has more than {self.precision} digits")
        return quantized

    def encode(self, value, pg):
        if isinstance(value, bool) or not isinstance(value, (decimal.Decimal, int, str)):
            raise DataError(f"expected a decimal.Decimal, not {value!r} (floats are not exact)")
        exact = self._exact(decimal.Decimal(value), "value")
        if pg:
            return exact
        if self.storage == "numeric":
            return str(exact)
        return int(exact.scaleb(self.scale))

    def decode(self, value, pg):
        if pg or self.storage == "numeric":
            # A REAL is read through its shortest decimal form, as the C++ runtime does.
            number = decimal.Decimal(repr(value) if isinstance(value, float) else str(value))
            return self._exact(number, "holds")
        if isinstance(value, bool) or not isinstance(value, int):
            raise DataError(f"holds {value!r}, which is not a count of 10^-{self.scale} units")
        return decimal.Decimal(value).scaleb(-self.scale)


class _JsonNull:
    """JSON's null in a nullable JSON column, which None (SQL NULL) cannot stand for there."""

    _instance: Optional["_JsonNull"] = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "JSON_NULL"

    def __bool__(self) -> bool:
        return False


JSON_NULL = _JsonNull()


class Json(Codec):
    """Any JSON value: dict, list, str, int, float, bool or None (JSON null). In a nullable
    column None is SQL NULL and JSON_NULL is JSON's null, as std::optional<json> has both."""

    def __init__(self, nullable: bool = False):
        self.nullable = nullable

    def encode(self, value, pg):
        if value is JSON_NULL:
            value = None
        try:  # NaN, infinities and objects json cannot write are refused here, by name
            text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise DataError(f"is not JSON: {error}") from None
        if pg:
            from psycopg.types.json import Jsonb
            return Jsonb(value)
        return text

    def decode(self, value, pg):
        try:  # the text itself: Database reads json and jsonb unparsed, to tell null from NULL
            parsed = json.loads(value)
        except (TypeError, ValueError):
            raise DataError(f"holds {value!r}, which is not JSON") from None
        return JSON_NULL if parsed is None and self.nullable else parsed


class Vector(Codec):
    """A list of `dimension` floats, each rounded to single precision as C++ holds it. SQLite: a
    BLOB of little-endian floats; PostgreSQL: REAL[] (pgvector's type is read as its text)."""

    def __init__(self, dimension: int, storage: str):
        self.dimension, self.storage = dimension, storage
        self.layout = f"<{dimension}f"

    def encode(self, value, pg):
        values = [float(x) for x in value]
        if len(values) != self.dimension:
            raise DataError(f"has {len(values)} values, not {self.dimension}")
        if not pg:
            return struct.pack(self.layout, *values)
        values = [_float32(x) for x in values]
        if self.storage == "pgvector":
            return "[" + ",".join(repr(x) for x in values) + "]"
        return values

    def decode(self, value, pg):
        if not pg:
            if len(value) != 4 * self.dimension:
                raise DataError(f"holds {len(value)} bytes, not {4 * self.dimension}")
            return list(struct.unpack(self.layout, bytes(value)))
        if isinstance(value, str):
            value = [float(x) for x in value.strip("[]").split(",")]
        return [_float32(x) for x in value]


class TextEnum(Codec):
    """An enum stored as its enumerator's name (ormc:column(storage=text))."""

    def __init__(self, enum_type: Type[enum.Enum]):
        self.enum_type = enum_type

    def encode(self, value, pg):
        if not isinstance(value, self.enum_type):
            raise DataError(f"expected a {self.enum_type.__name__}, not {value!r}")
        return value.value

    def decode(self, value, pg):
        try:
            return self.enum_type(value)
        except ValueError:
            raise DataError(f"holds {value!r}, which is not an enumerator of "
                            f"{self.enum_type.__name__}") from None


class Nullable(Codec):
    def __init__(self, inner: Codec):
        self.inner = inner

    def encode(self, value, pg):
        return None if value is None else self.inner.encode(value, pg)

    def decode(self, value, pg):
        return None if value is None else self.inner.decode(value, pg)


@dataclasses.dataclass(frozen=True)
class Column:
    attribute: str  # the dataclass field (the C++ member)
    name: str  # the SQL column
    codec: Codec


@dataclasses.dataclass(frozen=True)
class Statements:
    """One dialect's SQL for a model, rendered by ormc's SQL layer (see CrudStatements)."""

    insert: str  # parameters: every column but a database-assigned key, in order
    select_all: str  # [the row tenant]
    select_by_key: str  # the key's columns [, the row tenant]
    update: str  # every column but the key and version, the key [, the version read] [, tenant]
    remove: str  # [the time, for soft delete,] the key [, the row tenant]
    count: str  # [the row tenant]
    returns_key: bool  # insert ends in RETURNING the database-assigned key


@dataclasses.dataclass(frozen=True)
class Mapping:
    """What the generated module says about one model."""

    model: type
    name: str  # the C++ model, for messages
    columns: Tuple[Column, ...]
    key: Tuple[str, ...]  # attributes of the primary key
    auto_key: Optional[str]  # the database-assigned key's attribute
    uuid_key: Optional[str]  # a key filled with a random UUID when empty
    created_at: Optional[str]
    updated_at: Optional[str]
    soft_delete: Optional[str]
    version: Optional[str]
    tenant: Optional[str]
    statements: Dict[str, Statements]  # by dialect: "sqlite", "postgresql"


M = TypeVar("M")


class Database:
    """One connection (sqlite3 or psycopg 3) and the row tenant, if any. The generated Models
    class derives from it and holds one Table per model."""

    def __init__(self, connection: Any, *, row_tenant: Any = None):
        self.connection = connection
        self.pg = not isinstance(connection, sqlite3.Connection)
        self.dialect = "postgresql" if self.pg else "sqlite"
        if not self.pg:  # as the C++ runtime: the schema's foreign keys hold (and cascade)
            connection.execute("PRAGMA foreign_keys = ON")
        self.row_tenant = row_tenant
        self._depth = 0
        self._text_loader: Any = None

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """Everything inside commits together, or not at all when it raises."""
        if self.pg:
            with self.connection.transaction():
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
            return
        outermost = self._depth == 0
        self.connection.execute("BEGIN" if outermost else f"SAVEPOINT ormc_{self._depth}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if outermost:
                self.connection.rollback()
            else:
                self.connection.execute(f"ROLLBACK TO ormc_{self._depth}")
                self.connection.execute(f"RELEASE ormc_{self._depth}")
            raise
        self._depth -= 1
        if outermost:
            self.connection.commit()
        else:
            self.connection.execute(f"RELEASE ormc_{self._depth}")

    def _run(self, sql: str, params: Sequence[Any]) -> Any:
        if self.pg:
            # ormc's SQL numbers PostgreSQL's parameters $1, $2...; psycopg binds %(pN)s by name.
            cursor = self.connection.cursor()
            if self._text_loader is None:
                from psycopg.types.string import TextLoader
                self._text_loader = TextLoader
            for json_type in ("json", "jsonb"):  # parsed by Json, which tells null from NULL
                cursor.adapters.register_loader(json_type, self._text_loader)
            cursor.execute(sql, {f"p{i + 1}": v for i, v in enumerate(params)})
            return cursor
        return self.connection.execute(sql, tuple(params))

    def _done(self) -> None:
        """A write outside transaction() is committed at once, whatever the driver's mode."""
        if self._depth == 0 and not getattr(self.connection, "autocommit", False):
            self.connection.commit()


class Table(Generic[M]):
    """One model's rows: get, all, each, count, insert, update, remove."""

    def __init__(self, database: Database, mapping: Mapping):
        self.db, self.m = database, mapping
        self.sql = mapping.statements[database.dialect]

    # Reading
    def get(self, *key: Any) -> Optional[M]:
        """The row with this key (the key's columns in order), or None."""
        cursor = self.db._run(self.sql.select_by_key, self._key_values(key) + self._tenant())
        row = cursor.fetchone()
        cursor.close()
        return None if row is None else self._read(row)

    def all(self) -> List[M]:
        """Every row, by key."""
        return list(self.each())

    def each(self, batch: int = 256) -> Iterator[M]:
        """Every row, by key, made into models `batch` at a time. sqlite3 reads the rows as they
        are asked for; psycopg's client-side cursor has received the whole result first."""
        cursor = self.db._run(self.sql.select_all, self._tenant())
        try:
            while True:
                rows = cursor.fetchmany(batch)
                if not rows:
                    return
                for row in rows:
                    yield self._read(row)
        finally:
            cursor.close()

    def count(self) -> int:
        cursor = self.db._run(self.sql.count, self._tenant())
        (n,) = cursor.fetchone()
        cursor.close()
        return int(n)

    # Writing
    def insert(self, row: M) -> M:
        """Writes `row` and returns it, its database-assigned key, UUID key, times, version and
        tenant filled in as the C++ code fills them."""
        m = self.m
        if m.uuid_key and getattr(row, m.uuid_key) is None:
            setattr(row, m.uuid_key, uuid.uuid4())
        now = self._now(m.created_at or m.updated_at)
        for role in (m.created_at, m.updated_at):
            if role:
                setattr(row, role, now)
        if m.tenant:
            self._fill_tenant(row)
        params = [self._encode(row, c) for c in m.columns if c.attribute != m.auto_key]
        cursor = self.db._run(self.sql.insert, params)
        if m.auto_key:
            if self.sql.returns_key:
                (key,) = cursor.fetchone()
            else:
                key = cursor.lastrowid
            setattr(row, m.auto_key, key)
        cursor.close()
        self.db._done()
        return row

    def update(self, row: M) -> M:
        """Writes every column of `row` over the stored row with its key (NotFound if none); with
        an ormc:version column only over the version `row` holds (VersionConflict otherwise)."""
        m = self.m
        if m.updated_at:
            setattr(row, m.updated_at, self._now(m.updated_at))
        params = [self._encode(row, c) for c in m.columns
                  if c.attribute not in m.key and c.attribute != m.version]
        params += [self._encode(row, self._column(k)) for k in m.key]
        if m.version:
            params.append(self._encode(row, self._column(m.version)))
        cursor = self.db._run(self.sql.update, params + self._tenant())
        changed = cursor.rowcount
        cursor.close()
        self.db._done()
        if changed == 0:
            key = ", ".join(repr(getattr(row, k)) for k in m.key)
            if m.version and self.get(*(getattr(row, k) for k in m.key)) is not None:
                raise VersionConflict(f"{m.name} with key {key} changed since version "
                                      f"{getattr(row, m.version)} was read")
            raise NotFound(f"{m.name} with key {key}: no such row to update")
        if m.version:
            setattr(row, m.version, getattr(row, m.version) + 1)
        return row

    def remove(self, *key: Any) -> bool:
        """Removes the row with this key (with ormc:soft_delete, marks it); False if none."""
        params = self._key_values(key)
        if self.m.soft_delete:
            params.insert(0, self._encode_value(self._column(self.m.soft_delete),
                                                 self._now(self.m.soft_delete)))
        cursor = self.db._run(self.sql.remove, params + self._tenant())
        changed = cursor.rowcount
        cursor.close()
        self.db._done()
        return changed > 0

    # Mapping
    def _read(self, row: Sequence[Any]) -> M:
        values = {}
        for column, value in zip(self.m.columns, row):
            try:
                values[column.attribute] = column.codec.decode(value, self.db.pg)
            except OrmcError as error:
                key = ", ".join(repr(row[i]) for i, c in enumerate(self.m.columns)
                                if c.attribute in self.m.key)
                raise DataError(f"reading {self.m.name} with key {key}: column {column.name} "
                                f"{error}") from None
        return self.m.model(**values)

    def _encode(self, row: Any, column: Column) -> Any:
        return self._encode_value(column, getattr(row, column.attribute))

    def _encode_value(self, column: Column, value: Any) -> Any:
        try:
            return column.codec.encode(value, self.db.pg)
        except OrmcError as error:
            raise type(error)(f"writing {self.m.name}.{column.attribute} ({column.name}): "
                              f"{error}") from None

    def _column(self, attribute: str) -> Column:
        return next(c for c in self.m.columns if c.attribute == attribute)

    def _key_values(self, key: Sequence[Any]) -> List[Any]:
        if len(key) != len(self.m.key):
            raise UsageError(f"{self.m.name} has a key of {len(self.m.key)} column(s), "
                             f"not {len(key)}")
        return [self._encode_value(self._column(a), v) for a, v in zip(self.m.key, key)]

    def _tenant(self) -> List[Any]:
        if not self.m.tenant:
            return []
        if self.db.row_tenant is None:
            raise UsageError(f"{self.m.name} has rows of many tenants (ormc:tenant "
                             f"{self.m.tenant}): open the Models with row_tenant=...")
        return [self._encode_value(self._column(self.m.tenant), self.db.row_tenant)]

    def _fill_tenant(self, row: Any) -> None:
        tenant = self.db.row_tenant
        self._tenant()  # refuses a Models without a row tenant
        current = getattr(row, self.m.tenant)
        if current in ("", 0, None):
            setattr(row, self.m.tenant, tenant)
        elif current != tenant:
            raise UsageError(f"{self.m.name}.{self.m.tenant} (ormc:tenant) is {current!r}, "
                             f"not the row tenant {tenant!r}")

    def _now(self, attribute: Optional[str]) -> Optional[datetime.datetime]:
        if attribute is None:
            return None
        codec = self._column(attribute).codec
        codec = codec.inner if isinstance(codec, Nullable) else codec
        return codec.now() if isinstance(codec, Timestamp) else datetime.datetime.now(UTC)


def connect(url: str) -> Any:
    """A connection for `sqlite:<file>` (or sqlite::memory:) or `postgresql://...`, in autocommit
    mode outside transactions, as the C++ runtime has its own (Database turns SQLite's foreign
    keys on)."""
    if url.startswith("sqlite:"):
        path = url[len("sqlite:"):]
        if path.startswith("//"):
            path = path[2:]
        return sqlite3.connect(path or ":memory:", timeout=5.0, isolation_level=None)
    if url.startswith(("postgresql:", "postgres:")):
        import psycopg  # psycopg 3: Debian's python3-psycopg

        return psycopg.connect(url, autocommit=True)
    raise UsageError(f"unknown database URL {url!r} (expected sqlite:<path> or postgresql://...)")
