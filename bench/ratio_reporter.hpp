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
  /// For a benchmark that measures subject and baseline at once (compile/fifty_models/paired):
  /// `counter` and `baseline_counter` are its two figures and `ratio_counter` their ratio in
  /// each repetition; the medians over the repetitions are reported.
  std::string baseline_counter = "";
  std::string ratio_counter = "";
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
  explicit RatioReporter(std::vector<RatioTarget> targets)
      : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular),
        targets_(std::move(targets)) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
        for (const auto& [counter, value] : run.counters)
          medians_[run.run_name.function_name + "#" + counter] = value.value;
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
      if (!t.ratio_counter.empty()) {
        print_paired(t);
        continue;
      }
      std::string suffix = t.counter.empty() ? "" : "#" + t.counter;
      auto s = best_.find(t.subject + suffix), b = best_.find(t.baseline + suffix);
      if (s == best_.end() || b == best_.end()) continue;
      print_row(t, t.subject + (t.counter.empty() ? "" : " (" + t.counter + ")"), t.baseline,
                s->second, b->second, s->second / b->second);
    }
  }

private:
  void print_paired(const RatioTarget& t) const {
    auto s = medians_.find(t.subject + "#" + t.counter);
    auto b = medians_.find(t.subject + "#" + t.baseline_counter);
    auto r = medians_.find(t.subject + "#" + t.ratio_counter);
    if (s == medians_.end() || b == medians_.end() || r == medians_.end()) return;
    print_row(t, t.subject + " (" + t.counter + ")", "(" + t.baseline_counter + ")", s->second,
              b->second, r->second);
  }
  static void print_row(const RatioTarget& t, const std::string& subject,
                        const std::string& baseline, double ormc, double base, double ratio) {
    std::string verdict = t.target == 0 ? "" : (ratio <= t.target ? "  met" : "  MISSED");
    std::printf("%-34s %-30s %10.4f %10.4f %7.3fx %7.2fx%s %s\n", subject.c_str(), baseline.c_str(),
                ormc, base, ratio, t.target, verdict.c_str(), t.note.c_str());
  }

  std::vector<RatioTarget> targets_;
  std::map<std::string, double> best_;
  std::map<std::string, double> medians_; // of each counter over a benchmark's repetitions
};

} // namespace bench
