// Placeholder: `svodka analyze`.
#include "cli/commands.h"
namespace svodka::cli {
void RegisterAnalyzeCommand(CLI::App& app) {}
}  // namespace svodka::cli
