// A readable, plain-text summary of an analysed Document, for people (`analyze --summary`,
// `make run`).
#ifndef SVODKA_CLI_SUMMARY_H_
#define SVODKA_CLI_SUMMARY_H_

#include <string>

#include "svodka/document.h"

namespace svodka::cli {

void WriteSummary(const Document& doc, const std::string& source, std::string* out);

}  // namespace svodka::cli

#endif  // SVODKA_CLI_SUMMARY_H_
