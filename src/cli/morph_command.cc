// Placeholder: replaced by the morphology work.
#include "cli/commands.h"
namespace svodka::cli {
void RegisterMorphCommands(CLI::App& app, CLI::App& eval, CLI::App& train) {}
}  // namespace svodka::cli
