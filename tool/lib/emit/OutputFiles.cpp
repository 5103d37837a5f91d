#include "emit/OutputFiles.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <vector>

namespace ormc::emit {
namespace {
bool sameContents(const std::string& path, const std::string& contents) {
  auto existing = llvm::MemoryBuffer::getFile(path);
  return existing && (*existing)->getBuffer() == contents;
}
} // namespace

WriteResult writeFilesIfChanged(const std::string& directory,
                                const std::map<std::string, std::string>& files) {
  WriteResult result;
  if (std::error_code ec = llvm::sys::fs::create_directories(directory)) {
    result.ok = false;
    result.error = "cannot create output directory '" + directory + "': " + ec.message();
    return result;
  }
  // Write every changed file to a temporary first; rename only once all writes succeeded.
  std::vector<std::pair<std::string, std::string>> staged; // temporary → final
  auto discardStaged = [&] {
    for (const auto& entry : staged)
      llvm::sys::fs::remove(entry.first);
  };
  for (const auto& [name, contents] : files) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, name);
    if (sameContents(path.str().str(), contents)) {
      ++result.unchanged;
      continue;
    }
    std::string temporary = path.str().str() + ".ormc-tmp";
    std::error_code ec;
    {
      llvm::raw_fd_ostream out(temporary, ec);
      if (!ec) {
        out << contents;
        out.close();
        ec = out.error();
      }
    }
    if (ec) {
      llvm::sys::fs::remove(temporary);
      discardStaged();
      result.ok = false;
      result.error = "cannot write '" + path.str().str() + "': " + ec.message();
      return result;
    }
    staged.emplace_back(temporary, path.str().str());
  }
  for (const auto& [temporary, final] : staged) {
    if (std::error_code ec = llvm::sys::fs::rename(temporary, final)) {
      discardStaged();
      result.ok = false;
      result.error = "cannot replace '" + final + "': " + ec.message();
      return result;
    }
    ++result.written;
  }
  return result;
}

} // namespace ormc::emit
