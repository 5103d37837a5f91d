// Migrates the database at argv[1] with argv[2], then uses version 2: the mixin's columns and
// the join table are there, as create_schema() would have made them.
#include "schema.ormc.hpp"

#include <cstdio>
#include <ormc/migrate.hpp>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  ormc::Database db(argv[1]);
  std::printf("now at version %lld\n", static_cast<long long>(ormc::migrate(db, argv[2]).version));
  blog::Models m(db);
  m.check_schema();
  blog::Post post;
  post.title = "hello";
  post.reviewed_by = "ada";
  m.posts.insert(post);
  blog::Tag tag{0, "news"};
  m.tags.insert(tag);
  m.posts.link_tags(post, tag);
  std::printf("%s reviewed by %s, round %d, tags %lld\n", m.posts.get(post.id)->title.c_str(),
              m.posts.get(post.id)->reviewed_by->c_str(), m.posts.get(post.id)->review_round,
              static_cast<long long>(m.posts.tags(post).count()));
  return 0;
}
