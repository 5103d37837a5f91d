// docs/queries.md (Nearest vectors): the reviews nearest a query vector, by Euclidean and by
// cosine distance, among the rows a condition keeps.
#include "schema.ormc.hpp"

#include <cstdio>
#include <vector>

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  const struct {
    const char* text;
    std::vector<float> embedding;
  } reviews[] = {{"great lamp", {0.9f, 0.1f, 0.0f}},
                 {"good lamp", {0.7f, 0.3f, 0.1f}},
                 {"broken on arrival", {-0.8f, 0.2f, 0.1f}},
                 {"lamp, fine", {2.0f, 0.5f, 0.0f}}};
  for (const auto& [text, embedding] : reviews) {
    shop::Review r{0, text, embedding};
    m.reviews.insert(r);
  }
  using shop::Review_;
  const std::vector<float> query = {1.0f, 0.2f, 0.0f};
  for (const shop::Review& r : m.reviews.nearest(Review_::embedding, query, 2))
    std::printf("l2: %s\n", r.text.c_str());
  for (const shop::Review& r : m.reviews.where(Review_::text.like("%lamp%"))
                                   .nearest(Review_::embedding, query, 2, ormc::Metric::cosine))
    std::printf("cosine: %s\n", r.text.c_str());
}
