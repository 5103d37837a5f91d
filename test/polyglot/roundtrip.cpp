// C++ and Python on one database: the C++ generated code writes rows, the Python target's
// generated code (run by this program) reads them back and writes its own, and C++ reads those.
// Each side compares what it reads with values it defines itself, so a value either side maps
// wrongly fails here. Usage:
//   polyglot_roundtrip sqlite|postgresql <python> <roundtrip.py> <directory of the .py files>
// PostgreSQL comes from ORMC_TEST_POSTGRES_URL (a scratch schema is made and dropped); without
// it the PostgreSQL run is skipped (exit 77).
#include "schema.ormc.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {
using namespace std::chrono;
using polyglot::Bytes;

Bytes bytes(std::initializer_list<unsigned> values) {
  Bytes out;
  for (unsigned v : values)
    out.push_back(static_cast<std::byte>(v));
  return out;
}

/// The row both languages write; roundtrip.py spells the same values in Python.
polyglot::Sample expectedSample(std::int64_t id, bool withOptionals) {
  polyglot::Sample s;
  s.id = id;
  s.flag = true;
  s.i8 = -128;
  s.i16 = -32768;
  s.i32 = -2147483647 - 1;
  s.i64 = -9223372036854775807LL;
  s.u8 = 255;
  s.u16 = 65535;
  s.u32 = 4294967295U;
  s.u64 = 9223372036854775807ULL; // the largest a 64-bit signed column holds
  s.f32 = 0.1F;
  s.f64 = 0.1 + 0.2;
  s.text = "na\u00efve 'quoted' \"text\" 100% $1 ; -- \U0001F600";
  s.bytes = bytes({0x00, 0xff, 0x27, 0x5c, 0x25});
  s.at = sys_days(2024y / February / 29) + 12h + 34min + 56s + 789012us;
  s.at_text = sys_days(1969y / July / 20) + 20h + 17min + 40s;
  s.at_timestamp = sys_days(2038y / January / 19) + 3h + 14min + 8s + 500000us;
  s.at_millis = sys_days(2001y / September / 9) + 1h + 46min + 40s + 123ms;
  s.day = sys_days(2000y / February / 29);
  s.timeout = 1500ms;
  s.precise = 123456789ns;
  s.price = polyglot::Money("-1234567890.12");
  s.price_numeric = polyglot::Money("0.99");
  s.document = nlohmann::json::parse(R"({"a": [1, 2.5, "x", null, true], "b": {"c": "\u00fc"}})");
  s.embedding = {0.1F, -2.5F, 3e-7F};
  s.mood = polyglot::Mood::grumpy;
  s.level = polyglot::Level::high;
  if (withOptionals) {
    s.maybe_int = 0;
    s.maybe_text = "";
    s.maybe_bytes = Bytes{};
    s.maybe_at = sys_days(1900y / January / 1) + 1us;
    s.maybe_day = sys_days(9999y / December / 31);
    s.maybe_price = polyglot::Money("0.01");
    s.maybe_document = nlohmann::json(nullptr); // JSON null, not SQL NULL
    s.maybe_mood = polyglot::Mood::calm;
  }
  return s;
}

int failures = 0;

template <typename T> void expectEqual(const char* what, const T& read, const T& expected) {
  if (read == expected) return;
  ++failures;
  std::cerr << "C++ read a different " << what << " than Python wrote\n";
}

/// Field by field, so that a failure names the member.
void compareSample(const polyglot::Sample& read, const polyglot::Sample& want) {
#define ORMC_POLYGLOT_FIELD(m) expectEqual("Sample." #m, read.m, want.m)
  ORMC_POLYGLOT_FIELD(id);
  ORMC_POLYGLOT_FIELD(flag);
  ORMC_POLYGLOT_FIELD(i8);
  ORMC_POLYGLOT_FIELD(i16);
  ORMC_POLYGLOT_FIELD(i32);
  ORMC_POLYGLOT_FIELD(i64);
  ORMC_POLYGLOT_FIELD(u8);
  ORMC_POLYGLOT_FIELD(u16);
  ORMC_POLYGLOT_FIELD(u32);
  ORMC_POLYGLOT_FIELD(u64);
  ORMC_POLYGLOT_FIELD(f32);
  ORMC_POLYGLOT_FIELD(f64);
  ORMC_POLYGLOT_FIELD(text);
  ORMC_POLYGLOT_FIELD(bytes);
  ORMC_POLYGLOT_FIELD(at);
  ORMC_POLYGLOT_FIELD(at_text);
  ORMC_POLYGLOT_FIELD(at_timestamp);
  ORMC_POLYGLOT_FIELD(at_millis);
  ORMC_POLYGLOT_FIELD(day);
  ORMC_POLYGLOT_FIELD(timeout);
  ORMC_POLYGLOT_FIELD(precise);
  ORMC_POLYGLOT_FIELD(price);
  ORMC_POLYGLOT_FIELD(price_numeric);
  ORMC_POLYGLOT_FIELD(document);
  ORMC_POLYGLOT_FIELD(embedding);
  ORMC_POLYGLOT_FIELD(mood);
  ORMC_POLYGLOT_FIELD(level);
  ORMC_POLYGLOT_FIELD(maybe_int);
  ORMC_POLYGLOT_FIELD(maybe_text);
  ORMC_POLYGLOT_FIELD(maybe_bytes);
  ORMC_POLYGLOT_FIELD(maybe_at);
  ORMC_POLYGLOT_FIELD(maybe_day);
  ORMC_POLYGLOT_FIELD(maybe_price);
  ORMC_POLYGLOT_FIELD(maybe_document);
  ORMC_POLYGLOT_FIELD(maybe_mood);
#undef ORMC_POLYGLOT_FIELD
  if (!(read == want)) {
    ++failures;
    std::cerr << "Sample " << want.id << ": a member differs\n";
  }
}

/// A scratch place for the run: a new SQLite file, or a PostgreSQL schema of its own.
struct Scratch {
  std::string url;
  std::string schema;
  std::unique_ptr<ormc::Database> admin;
  std::filesystem::path file;

  explicit Scratch(const std::string& backend) {
    if (backend == "postgresql") {
      const char* base = std::getenv("ORMC_TEST_POSTGRES_URL");
      if (!base) return;
      schema = "polyglot_" + std::to_string(getpid());
      admin = std::make_unique<ormc::Database>(base);
      admin->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
      url = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") +
            "options=-csearch_path%3D" + schema;
    } else {
      file = std::filesystem::temp_directory_path() /
             ("ormc-polyglot-" + std::to_string(getpid()) + ".db");
      std::filesystem::remove(file);
      url = "sqlite:" + file.string();
    }
  }
  ~Scratch() {
    if (admin) admin->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    if (!file.empty()) {
      std::filesystem::remove(file);
      std::filesystem::remove(file.string() + "-wal");
      std::filesystem::remove(file.string() + "-shm");
    }
  }
};

std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int run(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: polyglot_roundtrip sqlite|postgresql <python> <roundtrip.py> <dir>\n";
    return 2;
  }
  Scratch scratch(argv[1]);
  if (scratch.url.empty()) {
    std::cout << "ORMC_TEST_POSTGRES_URL is not set: skipped\n";
    return 77;
  }
  {
    auto db = ormc::open(scratch.url);
    polyglot::Models m(db);
    m.create_schema();
    for (std::int64_t key : {1, 2}) {
      polyglot::Sample sample = expectedSample(key, key == 2);
      m.samples.insert(sample);
    }
    polyglot::Account ada;
    ada.name = "Ada";
    m.accounts.insert(ada);
    polyglot::Order order;
    order.account_id = ada.id;
    order.group = "first";
    m.orders.insert(order);
    for (const char* tenant : {"acme", "bravo"}) {
      polyglot::Note note;
      note.body = std::string("C++ for ") + tenant;
      m.row_tenant(tenant).notes.insert(note);
    }
    std::cout << "C++ wrote samples 1 and 2, account " << ada.id << " and order " << order.id
              << "\n";
  }
  // Python checks the rows above and writes its own: samples 101 and 102, an account, an order.
  std::string command = shellQuoted(argv[2]) + " " + shellQuoted(argv[3]) + " " +
                        shellQuoted(scratch.url) + " " + shellQuoted(argv[4]);
  std::cout.flush();
  int status = std::system(command.c_str());
  if (status != 0) {
    std::cerr << "roundtrip.py failed (status " << status << ")\n";
    return 1;
  }
  auto db = ormc::open(scratch.url);
  polyglot::Models m(db);
  for (auto [pythonKey, cppKey] : {std::pair{101, 1}, std::pair{102, 2}}) {
    std::optional<polyglot::Sample> read = m.samples.get(pythonKey);
    if (!read) {
      std::cerr << "Python's sample " << pythonKey << " is not there\n";
      return 1;
    }
    compareSample(*read, expectedSample(pythonKey, cppKey == 2));
  }
  std::vector<polyglot::Account> accounts = m.accounts.all();
  for (const polyglot::Account& a : accounts) {
    std::cout << "account " << a.name << " version " << a.version << "\n";
    if (a.name == "Ada Lovelace" && a.version != 1) ++failures; // Python's update advanced it
    if (a.name == "Grace" && (a.id.size() != 36 || a.created != a.updated)) ++failures;
    if (a.updated < a.created) ++failures;
  }
  if (accounts.size() != 2 || accounts[0].name == accounts[1].name) {
    std::cerr << "expected the accounts Ada Lovelace and Grace\n";
    ++failures;
  }
  std::vector<polyglot::Order> orders = m.orders.all();
  if (orders.size() != 2 || orders[1].group != "second" || orders[1].id <= orders[0].id) {
    std::cerr << "expected Python's order after C++'s\n";
    ++failures;
  }
  // Python wrote one note through the row tenant acme: it is acme's, and bravo does not see it.
  std::vector<polyglot::Note> acme = m.row_tenant("acme").notes.all();
  if (acme.size() != 2 || acme[1].body != "Python for acme" || acme[1].tenant != "acme" ||
      m.row_tenant("bravo").notes.count() != 1) {
    std::cerr << "expected acme's notes from C++ and Python, and bravo's one\n";
    ++failures;
  }
  std::cout << (failures ? "FAILED" : "C++ read back every value Python wrote") << "\n";
  return failures ? 1 : 0;
}
} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
