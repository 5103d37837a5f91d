#include "frontend/ParseJobs.h"

#include <algorithm>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Path.h>
#include <map>

namespace ormc::frontend {
namespace {
using clang::tooling::CompileCommand;

bool isHeader(llvm::StringRef path) {
  llvm::StringRef ext = llvm::sys::path::extension(path);
  return ext.empty() || ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx" ||
         ext == ".h++" || ext == ".H" || ext == ".ipp" || ext == ".inl";
}

std::string absoluteIn(const std::string& directory, const std::string& path) {
  llvm::SmallString<256> out(path);
  if (!llvm::sys::path::is_absolute(out)) {
    out = directory;
    llvm::sys::path::append(out, path);
  }
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return out.str().str();
}

/// Positions in `command` that name the file being compiled.
std::vector<std::size_t> fileArguments(const CompileCommand& command, const std::string& input) {
  std::vector<std::size_t> positions;
  for (std::size_t i = 1; i < command.CommandLine.size(); ++i)
    if (absoluteIn(command.Directory, command.CommandLine[i]) == input) positions.push_back(i);
  return positions;
}

/// What makes two header commands interchangeable: the directory and every flag but the file.
std::string groupKey(const CompileCommand& command, const std::vector<std::size_t>& fileArgs) {
  std::string key = command.Directory;
  for (std::size_t i = 0; i < command.CommandLine.size(); ++i) {
    key += '\0';
    bool isFile = std::find(fileArgs.begin(), fileArgs.end(), i) != fileArgs.end();
    key += isFile ? std::string("\x01") : command.CommandLine[i];
  }
  return key;
}

struct HeaderGroup {
  std::vector<std::string> inputs;
  CompileCommand command; // of the first header
  std::vector<std::size_t> fileArgs;
};

ParseJob umbrellaJob(const HeaderGroup& group, std::size_t index) {
  ParseJob job;
  llvm::SmallString<256> path(llvm::sys::path::parent_path(group.inputs.front()));
  llvm::sys::path::append(path, "ormc-inputs-" + std::to_string(index) + ".hpp");
  job.mainFile = path.str().str();
  for (const std::string& input : group.inputs)
    job.umbrellaContents += "#include \"" + input + "\"\n";
  job.inputs = group.inputs;
  job.command = group.command;
  job.command.Filename = job.mainFile;
  for (std::size_t i : group.fileArgs)
    job.command.CommandLine[i] = job.mainFile;
  return job;
}
} // namespace

ParsePlan planParseJobs(const clang::tooling::CompilationDatabase& compilations,
                        const std::vector<std::string>& inputs) {
  ParsePlan plan;
  std::vector<HeaderGroup> groups;
  std::map<std::string, std::size_t> groupByKey;
  // Jobs keep the order of their first input, so that diagnostics come out in the user's order.
  std::vector<std::pair<bool, std::size_t>> order; // (is header group, index)
  std::vector<ParseJob> sources;

  for (const std::string& input : inputs) {
    std::vector<CompileCommand> commands = compilations.getCompileCommands(input);
    if (commands.empty()) {
      plan.inputsWithoutCommand.push_back(input);
      continue;
    }
    std::vector<std::size_t> fileArgs = fileArguments(commands.front(), input);
    if (!isHeader(input) || fileArgs.empty()) {
      for (CompileCommand& command : commands) {
        order.emplace_back(false, sources.size());
        sources.push_back(ParseJob{input, "", {input}, std::move(command)});
      }
      continue;
    }
    std::string key = groupKey(commands.front(), fileArgs);
    auto [it, inserted] = groupByKey.try_emplace(key, groups.size());
    if (inserted) {
      groups.push_back(HeaderGroup{{}, commands.front(), fileArgs});
      order.emplace_back(true, it->second);
    }
    HeaderGroup& group = groups[it->second];
    if (std::find(group.inputs.begin(), group.inputs.end(), input) == group.inputs.end())
      group.inputs.push_back(input);
  }

  for (const auto& [isGroup, index] : order) {
    if (!isGroup) {
      plan.jobs.push_back(std::move(sources[index]));
      continue;
    }
    const HeaderGroup& group = groups[index];
    if (group.inputs.size() == 1)
      plan.jobs.push_back(ParseJob{group.inputs.front(), "", group.inputs, group.command});
    else
      plan.jobs.push_back(umbrellaJob(group, index));
  }
  return plan;
}

} // namespace ormc::frontend
