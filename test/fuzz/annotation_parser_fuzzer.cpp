// libFuzzer target: the annotation parser and checker take any bytes without crashing, and every
// offset they report lies inside the text (the front end turns offsets into source columns).
#include "annotations/AnnotationParser.h"
#include "annotations/AnnotationSchema.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace an = ormc::annotations;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!an::isOrmcAnnotation(text)) text = std::string(an::kPrefix) + text;
  auto result = an::parseAnnotation(text);
  if (auto* error = std::get_if<an::SyntaxError>(&result)) {
    if (error->offset > text.size() || error->message.empty()) std::abort();
    return 0;
  }
  const an::Annotation& annotation = std::get<an::Annotation>(result);
  if (annotation.kindOffset > text.size()) std::abort();
  for (const an::Argument& arg : annotation.args)
    if (arg.keyOffset > text.size() || arg.value.offset > text.size() || arg.key.empty())
      std::abort();
  for (const an::Problem& problem : an::checkAnnotation(annotation))
    if (problem.offset + problem.length > text.size() || problem.id.empty()) std::abort();
  return 0;
}
