// Placeholder: replaced by the segmentation work.
#include "cli/commands.h"
namespace svodka::cli {
void RegisterSegmentCommands(CLI::App& app, CLI::App& eval) {}
}  // namespace svodka::cli
