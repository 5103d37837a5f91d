// The few Clang/LLVM APIs whose spelling changed between LLVM 14 (Debian 12) and LLVM 19.
// Everything version-specific lives here so the rest of the tool reads the same on both.
#pragma once

#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/Error.h>
#include <string>

namespace ormc::compat {

/// The file name of a FileID's entry, or "" for buffers without a file.
inline std::string fileName(const clang::SourceManager& sm, clang::FileID fid) {
#if LLVM_VERSION_MAJOR >= 18
  if (auto entry = sm.getFileEntryRefForID(fid)) return entry->getName().str();
  return {};
#else
  if (const clang::FileEntry* entry = sm.getFileEntryForID(fid)) return entry->getName().str();
  return {};
#endif
}

/// The FileID of `path` in `sources`, loading the file if needed; invalid if it cannot be read.
inline clang::FileID fileIdFor(clang::FileManager& files, clang::SourceManager& sources,
                               llvm::StringRef path) {
#if LLVM_VERSION_MAJOR >= 18
  auto entry = files.getFileRef(path);
  if (!entry) {
    llvm::consumeError(entry.takeError());
    return {};
  }
  return sources.getOrCreateFileID(*entry, clang::SrcMgr::C_User);
#else
  auto entry = files.getFile(path);
  if (!entry) return {};
  return sources.getOrCreateFileID(*entry, clang::SrcMgr::C_User);
#endif
}

inline bool startsWith(llvm::StringRef s, llvm::StringRef prefix) {
#if LLVM_VERSION_MAJOR >= 16
  return s.starts_with(prefix);
#else
  return s.startswith(prefix);
#endif
}

inline bool endsWith(llvm::StringRef s, llvm::StringRef suffix) {
#if LLVM_VERSION_MAJOR >= 16
  return s.ends_with(suffix);
#else
  return s.endswith(suffix);
#endif
}

} // namespace ormc::compat
