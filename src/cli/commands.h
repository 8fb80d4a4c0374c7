// The `svodka` command: each file in src/cli registers one command (or a family) on the
// CLI11 app. A command's callback stores its exit status with SetExitCode; main returns the
// largest one. Exit codes: 0 all inputs processed, 1 some input failed (the rest were still
// processed), 2 bad usage.
#ifndef SVODKA_CLI_COMMANDS_H_
#define SVODKA_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace svodka::cli {

void SetExitCode(int code);  // keeps the maximum of all codes set
int ExitCode();

// `svodka analyze` (src/cli/analyze_command.cc).
void RegisterAnalyzeCommand(CLI::App& app);
// `svodka segment` and `svodka eval segment` (src/cli/segment_command.cc).
void RegisterSegmentCommands(CLI::App& app, CLI::App& eval);
// `svodka morph`, `svodka eval morph`, `svodka train morph` (src/cli/morph_command.cc).
void RegisterMorphCommands(CLI::App& app, CLI::App& eval, CLI::App& train);
// `svodka eval normal` (src/cli/normal_eval_command.cc).
void RegisterNormalEvalCommand(CLI::App& eval);
// `svodka train ner` (src/cli/ner_command.cc).
void RegisterNerCommands(CLI::App& train);
// `svodka eval ner`, `svodka eval link`, `svodka eval roles` (src/cli/entity_eval_command.cc).
void RegisterEntityEvalCommands(CLI::App& eval);

}  // namespace svodka::cli

#endif  // SVODKA_CLI_COMMANDS_H_
