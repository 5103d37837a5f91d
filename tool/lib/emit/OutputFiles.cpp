#include "emit/OutputFiles.h"

#include <chrono>
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

/// Holds `<directory>/.ormc.lock` so that two runs into one directory take turns: each leaves a
/// complete set of files, never a mix of both.
class DirectoryLock {
public:
  explicit DirectoryLock(const std::string& directory) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, ".ormc.lock");
    error_ = llvm::sys::fs::openFileForReadWrite(path, fd_, llvm::sys::fs::CD_OpenAlways,
                                                 llvm::sys::fs::OF_None);
    if (!error_) error_ = llvm::sys::fs::tryLockFile(fd_, std::chrono::minutes(2));
    if (error_) error_message_ = "cannot lock '" + path.str().str() + "': " + error_.message();
  }
  ~DirectoryLock() {
    if (fd_ < 0) return;
    if (!error_) llvm::sys::fs::unlockFile(fd_);
    llvm::sys::fs::closeFile(fd_);
  }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  const std::string& error() const { return error_message_; }

private:
  int fd_ = -1;
  std::error_code error_;
  std::string error_message_;
};
} // namespace

WriteResult writeFilesIfChanged(const std::string& directory,
                                const std::map<std::string, std::string>& files) {
  WriteResult result;
  auto fail = [&](std::string message) {
    result.ok = false;
    result.error = std::move(message);
    return result;
  };
  if (std::error_code ec = llvm::sys::fs::create_directories(directory))
    return fail("cannot create output directory '" + directory + "': " + ec.message());
  DirectoryLock lock(directory);
  if (!lock.error().empty()) return fail(lock.error());

  // Every target must be replaceable before any is replaced: a directory where a file should go
  // would otherwise fail the set halfway.
  std::vector<std::pair<std::string, const std::string*>> changed; // path → contents
  for (const auto& [name, contents] : files) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, name);
    llvm::sys::fs::file_status status;
    if (!llvm::sys::fs::status(path, status) &&
        status.type() != llvm::sys::fs::file_type::regular_file)
      return fail("cannot replace '" + path.str().str() + "': it is not a regular file");
    if (sameContents(path.str().str(), contents)) {
      ++result.unchanged;
      continue;
    }
    changed.emplace_back(path.str().str(), &contents);
  }

  // Write every changed file to a temporary of its own first; rename only once all succeeded.
  std::vector<std::pair<std::string, std::string>> staged; // temporary → final
  auto discardStaged = [&] {
    for (const auto& entry : staged)
      llvm::sys::fs::remove(entry.first);
  };
  for (const auto& [path, contents] : changed) {
    int fd = -1;
    llvm::SmallString<256> temporary;
    std::error_code ec = llvm::sys::fs::createUniqueFile(path + ".%%%%%%.ormc-tmp", fd, temporary);
    if (!ec) {
      llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
      out << *contents;
      out.close();
      if (out.has_error()) {
        ec = out.error();
        out.clear_error();
      }
    }
    if (ec) {
      if (!temporary.empty()) llvm::sys::fs::remove(temporary);
      discardStaged();
      return fail("cannot write '" + path + "': " + ec.message());
    }
    staged.emplace_back(temporary.str().str(), path);
  }
  for (const auto& [temporary, final] : staged) {
    if (std::error_code ec = llvm::sys::fs::rename(temporary, final)) {
      discardStaged();
      return fail("cannot replace '" + final + "': " + ec.message());
    }
    ++result.written;
  }
  return result;
}

} // namespace ormc::emit
