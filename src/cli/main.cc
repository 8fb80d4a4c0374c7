// svodka — reads news and turns it into structured knowledge. See README.md.
#include <cerrno>
#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"

namespace svodka::cli {
namespace {
int g_exit_code = 0;
}  // namespace

void SetExitCode(int code) {
  if (code > g_exit_code) g_exit_code = code;
}
int ExitCode() { return g_exit_code; }

}  // namespace svodka::cli

int main(int argc, char** argv) {
  CLI::App app{"svodka — structured knowledge from Russian and English news"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "svodka 0.1.0");
  CLI::App* eval = app.add_subcommand("eval", "Score a stage against annotated data");
  eval->require_subcommand(1);
  CLI::App* train = app.add_subcommand("train", "Train a model from annotated data");
  train->require_subcommand(1);
  svodka::cli::RegisterAnalyzeCommand(app);
  svodka::cli::RegisterSegmentCommands(app, *eval);
  svodka::cli::RegisterMorphCommands(app, *eval, *train);
  svodka::cli::RegisterNormalEvalCommand(*eval);
  svodka::cli::RegisterNerCommands(*train);
  svodka::cli::RegisterEntityEvalCommands(*eval);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  // Output written with printf (evaluation reports, inflections) is checked here: a full disk
  // or an I/O error must not end in exit status 0 with a truncated result.
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) svodka::cli::ReportWriteError(errno);
  return svodka::cli::ExitCode();
}
