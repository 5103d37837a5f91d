// Prints, after Google Benchmark's own table, each ormc figure as a ratio to the hand-written
// baseline measured in the same run: benchmarks named "<case>/ormc" and "<case>/<baseline>".
// The fastest repetition of each is compared, which is the least disturbed by the machine.
#pragma once

#include <benchmark/benchmark.h>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace bench {

struct RatioTarget {
  std::string subject;  // e.g. "sqlite/insert/ormc"
  std::string baseline; // e.g. "sqlite/insert/raw"
  double target;        // subject/baseline must be at most this; 0 = report only
  std::string note;
  std::string counter = ""; // "" compares time; else a counter both runs set (the smallest)
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
  explicit RatioReporter(std::vector<RatioTarget> targets)
      : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular),
        targets_(std::move(targets)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      std::string name = run.run_name.function_name;
      double seconds = run.GetAdjustedRealTime() /
                       benchmark::GetTimeUnitMultiplier(run.time_unit); // per iteration
      auto it = best_.find(name);
      if (it == best_.end() || seconds < it->second) best_[name] = seconds;
      for (const auto& [counter, value] : run.counters) {
        std::string key = name + "#" + counter;
        auto c = best_.find(key);
        if (c == best_.end() || value.value < c->second) best_[key] = value.value;
      }
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\n%-34s %-30s %10s %10s %8s %8s\n", "ormc", "baseline", "ormc s", "base s",
                "ratio", "target");
    for (const RatioTarget& t : targets_) {
      std::string suffix = t.counter.empty() ? "" : "#" + t.counter;
      auto s = best_.find(t.subject + suffix), b = best_.find(t.baseline + suffix);
      if (s == best_.end() || b == best_.end()) continue;
      double ratio = s->second / b->second;
      std::string verdict = t.target == 0 ? "" : (ratio <= t.target ? "  met" : "  MISSED");
      std::string subject = t.subject + (t.counter.empty() ? "" : " (" + t.counter + ")");
      std::printf("%-34s %-30s %10.4f %10.4f %7.3fx %7.2fx%s %s\n", subject.c_str(),
                  t.baseline.c_str(), s->second, b->second, ratio, t.target, verdict.c_str(),
                  t.note.c_str());
    }
  }

private:
  std::vector<RatioTarget> targets_;
  std::map<std::string, double> best_;
};

} // namespace bench
