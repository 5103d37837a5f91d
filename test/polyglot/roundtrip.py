"""The Python half of the polyglot round trip (run by polyglot_roundtrip, see roundtrip.cpp).

Reads the rows the C++ generated code wrote and compares each with the values below, spelled
here independently of the C++ test; then writes the same values under other keys for C++ to
read back, and checks what the Python target refuses.

usage: roundtrip.py <database url> <directory holding schema_models.py and ormc_data.py>
"""

import datetime
import decimal
import struct
import sys
import uuid

sys.path.insert(0, sys.argv[2])
import ormc_data  # noqa: E402
import schema_models as models  # noqa: E402

UTC = datetime.timezone.utc
failures = []


def expect(what, read, wanted):
    if read != wanted or type(read) is not type(wanted):
        failures.append(f"{what}: read {read!r}, expected {wanted!r}")


def float32(value):
    """The value a C++ float holds for the literal `value`."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def expected_sample(key, with_optionals):
    """The values roundtrip.cpp's expectedSample() writes."""
    s = models.Sample(
        id=key,
        flag=True,
        i8=-128,
        i16=-32768,
        i32=-2147483648,
        i64=-9223372036854775807,
        u8=255,
        u16=65535,
        u32=4294967295,
        u64=9223372036854775807,
        f32=float32(0.1),  # 0.10000000149011612
        f64=0.30000000000000004,  # 0.1 + 0.2
        text="na\u00efve 'quoted' \"text\" 100% $1 ; -- \U0001F600",
        bytes=b"\x00\xff\x27\x5c\x25",
        at=datetime.datetime(2024, 2, 29, 12, 34, 56, 789012, tzinfo=UTC),
        at_text=datetime.datetime(1969, 7, 20, 20, 17, 40, tzinfo=UTC),
        at_timestamp=datetime.datetime(2038, 1, 19, 3, 14, 8, 500000, tzinfo=UTC),
        at_millis=datetime.datetime(2001, 9, 9, 1, 46, 40, 123000, tzinfo=UTC),
        day=datetime.date(2000, 2, 29),
        timeout=datetime.timedelta(milliseconds=1500),
        precise=123456789,  # nanoseconds: finer than a timedelta, so the count itself
        price=decimal.Decimal("-1234567890.12"),
        price_numeric=decimal.Decimal("0.99"),
        document={"a": [1, 2.5, "x", None, True], "b": {"c": "\u00fc"}},
        embedding=[float32(0.1), -2.5, float32(3e-7)],
        mood=models.Mood.grumpy,
        level=7,
    )
    if with_optionals:
        s.maybe_int = 0
        s.maybe_text = ""
        s.maybe_bytes = b""
        s.maybe_at = datetime.datetime(1900, 1, 1, 0, 0, 0, 1, tzinfo=UTC)
        s.maybe_day = datetime.date(9999, 12, 31)
        s.maybe_price = decimal.Decimal("0.01")
        s.maybe_document = ormc_data.JSON_NULL  # JSON's null, not SQL NULL (checked below)
        s.maybe_mood = models.Mood.calm
    return s


def compare_sample(read, wanted):
    if read is None:
        failures.append(f"sample {wanted.id} is not there")
        return
    for field in wanted.__dataclass_fields__:
        expect(f"Sample {wanted.id}.{field}", getattr(read, field), getattr(wanted, field))


def refused(error_type, action, what):
    try:
        action()
    except error_type as error:
        print(f"refused as expected: {what}: {error}")
        return
    failures.append(f"{what}: not refused with {error_type.__name__}")


def main():
    db = models.connect(sys.argv[1])

    # What C++ wrote.
    compare_sample(db.samples.get(1), expected_sample(1, False))
    compare_sample(db.samples.get(2), expected_sample(2, True))
    expect("count of samples", db.samples.count(), 2)
    # maybe_document of sample 2 holds JSON null, which is not SQL NULL.
    cursor = db._run("SELECT count(*) FROM sample WHERE maybe_document IS NULL", [])
    expect("rows whose maybe_document is SQL NULL", cursor.fetchone()[0], 1)
    (ada,) = db.accounts.all()
    expect("Ada's name", ada.name, "Ada")
    expect("Ada's key is a UUID", type(ada.id), uuid.UUID)
    expect("Ada's version", ada.version, 0)
    expect("Ada's times are UTC", ada.created.tzinfo, UTC)
    (order,) = db.orders.all()
    expect("the order's account", order.account_id, ada.id)
    expect("the order's group", order.group, "first")

    # What Python writes, for C++ to read back.
    with db.transaction():
        db.samples.insert(expected_sample(101, False))
        db.samples.insert(expected_sample(102, True))
    ada.name = "Ada Lovelace"
    db.accounts.update(ada)
    expect("Ada's version after an update", ada.version, 1)
    stale = models.Account(**{**ada.__dict__, "version": 0})
    refused(ormc_data.VersionConflict, lambda: db.accounts.update(stale), "a stale version")
    grace = db.accounts.insert(models.Account(name="Grace"))
    expect("Grace's key was filled", type(grace.id), uuid.UUID)
    expect("Grace's created_at", grace.created, grace.updated)
    second = db.orders.insert(models.Order(account_id=grace.id, group="second"))
    expect("the database-assigned key", second.id > order.id, True)
    expect("get by the assigned key", db.orders.get(second.id), second)

    # A transaction that raises writes nothing.
    try:
        with db.transaction():
            db.samples.insert(expected_sample(900, False))
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    expect("a rolled-back insert", db.samples.get(900), None)

    # Values the target refuses rather than round: nothing of them is written.
    too_fine = expected_sample(901, False)
    too_fine.price = decimal.Decimal("1.005")
    refused(ormc_data.DataError, lambda: db.samples.insert(too_fine), "a third fraction digit")
    naive = expected_sample(902, False)
    naive.at = datetime.datetime(2024, 1, 1)
    refused(ormc_data.UsageError, lambda: db.samples.insert(naive), "a naive datetime")
    too_big = expected_sample(903, False)
    too_big.u8 = 256
    refused(ormc_data.DataError, lambda: db.samples.insert(too_big), "256 in a uint8")
    millis = expected_sample(904, False)
    millis.at_millis = datetime.datetime(2001, 1, 1, 0, 0, 0, 1, tzinfo=UTC)
    refused(ormc_data.DataError, lambda: db.samples.insert(millis), "a microsecond in millis")
    not_json = expected_sample(905, False)
    not_json.document = {"x": float("nan")}
    refused(ormc_data.DataError, lambda: db.samples.insert(not_json), "NaN in a JSON column")
    expect("count of samples after the refusals", db.samples.count(), 4)
    refused(ormc_data.NotFound, lambda: db.orders.update(models.Order(id=999999, account_id=grace.id)),
            "an update of a missing row")

    # Soft delete: removed rows are not read, and stay in the table.
    doomed = db.accounts.insert(models.Account(name="Doomed"))
    expect("remove() of a live row", db.accounts.remove(doomed.id), True)
    expect("a removed row is not read", db.accounts.get(doomed.id), None)
    expect("remove() of a removed row", db.accounts.remove(doomed.id), False)
    cursor = db._run("SELECT count(*) FROM account", [])
    expect("rows in account, the removed one included", cursor.fetchone()[0], 3)
    # ... and which C++ must not read either: it expects exactly Ada and Grace.

    # Row tenants: each sees its own notes; a note is filled with the row tenant; none is an error.
    acme = models.connect(sys.argv[1], row_tenant="acme")
    expect("acme's notes", [n.body for n in acme.notes.all()], ["C++ for acme"])
    note = acme.notes.insert(models.Note(body="Python for acme"))
    expect("the note's tenant", note.tenant, "acme")
    bravo = models.Models(acme.connection, row_tenant="bravo")
    expect("bravo's notes", [n.body for n in bravo.notes.all()], ["C++ for bravo"])
    expect("acme's note through bravo", bravo.notes.get(note.id), None)
    expect("remove() of acme's note through bravo", bravo.notes.remove(note.id), False)
    refused(ormc_data.UsageError, lambda: db.notes.count(), "notes without a row tenant")
    refused(ormc_data.UsageError, lambda: bravo.notes.insert(models.Note(tenant="acme", body="x")),
            "a note of another tenant")

    if failures:
        print("Python found differences:", *failures, sep="\n  ")
        sys.exit(1)
    print("Python read back every value C++ wrote, and wrote its own")


if __name__ == "__main__":
    main()
