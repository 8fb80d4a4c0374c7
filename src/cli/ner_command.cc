// `svodka train ner`: trains the named-entity tagger (tools/ner_trainer.h does the work).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "morph/data_path.h"
#include "ner_trainer.h"

namespace svodka::cli {

void RegisterNerCommands(CLI::App& train) {
  auto o = std::make_shared<NerTrainOptions>();
  CLI::App* tr = train.add_subcommand(
      "ner",
      "Train the named-entity tagger (structured averaged perceptron over BILOU labels) "
      "on gold folders: NEREL / Collection5 brat folders or factRuEval");
  tr->add_option("--train", o->train, "Gold folders to train on, repeatable")->required();
  tr->add_option("--out", o->out_path, "Where to write the model")->required();
  tr->add_option("--dict", o->dict_path, "Compiled dictionary (default: looked up)");
  tr->add_option("--morph-model", o->tagger_model_path,
                 "Morphology tagger model (default: looked up)");
  tr->add_option("--clusters", o->clusters_path,
                 "Word clusters for the cluster features (default: models/word-clusters.bin in "
                 "the data path; 'none' for a model without them)");
  tr->add_option("--epochs", o->epochs,
                 "Training epochs; the best on the held-out tenth is kept (default 10)")
      ->check(CLI::Range(1, 1000));
  tr->add_option("--hash-bits", o->hash_bits, "log2 of the feature rows (default 17)")
      ->check(CLI::Range(10, 24));
  tr->add_option("--seed", o->seed,
                 "Seed of the document order in training (default 1; the same seed gives the "
                 "same model)");
  tr->add_option("--ensemble", o->ensemble,
                 "Perceptrons trained with seeds seed, seed+1, ...; the model is the mean of "
                 "their weights (default 1)")
      ->check(CLI::Range(1, 32));
  tr->callback([o] {
    if (o->clusters_path.empty()) {
      Result<std::string> p = FindDataFile("models/word-clusters.bin");
      if (!p.ok()) {
        std::fprintf(stderr,
                     "svodka train ner: no word clusters (pass --clusters FILE or none): %s\n",
                     p.status().message().c_str());
        SetExitCode(1);
        return;
      }
      o->clusters_path = *p;
    } else if (o->clusters_path == "none") {
      o->clusters_path.clear();
    }
    Status s = TrainNer(*o, std::cerr);
    if (!s.ok()) {
      std::fprintf(stderr, "svodka train ner: %s\n", s.ToString().c_str());
      SetExitCode(1);
    }
  });
}

}  // namespace svodka::cli
