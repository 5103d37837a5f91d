"""What a user of `ormc --target=python` writes: open the database, insert, read, update, remove.

usage: use_models.py <output directory> -- prints each step, for FileCheck.
"""
import datetime
import decimal
import sqlite3
import sys

sys.path.insert(0, sys.argv[1])
import schema_models as models  # noqa: E402

connection = sqlite3.connect(":memory:", isolation_level=None)
with open(f"{sys.argv[1]}/schema.sqlite.sql") as ddl:
    connection.executescript(ddl.read())
db = models.Models(connection)

lift = db.flights.insert(models.Flight(from_="TXL", seats=180, price=decimal.Decimal("99.50"),
                                      departs=datetime.datetime(2030, 5, 1, 6, 30,
                                                                tzinfo=datetime.timezone.utc)))
print("inserted", lift.id)
print("got", db.flights.get(lift.id))
lift.seats = 150
db.flights.update(lift)
print("count", db.flights.count(), "seats", db.flights.get(lift.id).seats)
print("stored", connection.execute('SELECT "from", "price", "departs" FROM flight').fetchone())

# A composite key: each call takes the key's columns in order.
db.seats.insert(models.Seat(flight_id=lift.id, row_and_letter="12A", window=True))
db.seats.insert(models.Seat(flight_id=lift.id, row_and_letter="12B"))
print("seat", db.seats.get(lift.id, "12A"))
try:
    db.seats.get(lift.id)
except models._ormc.UsageError as error:
    print("a key of 2 columns:", error)
seat = db.seats.get(lift.id, "12A")
seat.window = False
db.seats.update(seat)
print("after update:", db.seats.all())
print(f"removed 12A: {db.seats.remove(lift.id, '12A')}, again: {db.seats.remove(lift.id, '12A')}, "
      f"left {db.seats.count()}")
try:  # the schema's foreign keys hold: Models turns them on, as the C++ runtime does
    db.seats.insert(models.Seat(flight_id=999, row_and_letter="1A"))
except sqlite3.IntegrityError as error:
    print("a seat of no flight:", type(error).__name__, error)
db.seats.remove(lift.id, "12B")
print("removed", db.flights.remove(lift.id), "left", db.flights.count())
