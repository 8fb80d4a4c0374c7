// Test helper: read every document and every reported problem from an in-memory input.
#ifndef SVODKA_TESTS_ARTICLE_READ_ALL_H_
#define SVODKA_TESTS_ARTICLE_READ_ALL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "article/reader.h"

namespace svodka::testing {

struct ReadAllResult {
  std::vector<Document> docs;
  std::vector<Status> errors;
};

// ReadDocuments over `bytes`, collecting documents and per-document errors; the call itself
// must succeed (in-memory input has no I/O failure).
inline ReadAllResult ReadAll(std::string_view bytes, const std::string& name,
                             ReadOptions options = {}) {
  ReadAllResult out;
  Status s = ReadDocuments(
      bytes, name, options,
      [&](Document&& d) {
        out.docs.push_back(std::move(d));
        return true;
      },
      [&](const Status& e) { out.errors.push_back(e); });
  EXPECT_TRUE(s.ok());
  return out;
}

}  // namespace svodka::testing

#endif  // SVODKA_TESTS_ARTICLE_READ_ALL_H_
