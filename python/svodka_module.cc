// The `svodka` Python module (pybind11): svodka's pipeline from Python, with the output of
// `svodka analyze` as Python objects.
//
//   import svodka
//   p = svodka.Pipeline()                      # loads the dictionary and the models, once
//   doc = p.analyze(open("story.txt").read(), name="story.txt")
//   doc["objects"][0]["name"]                  # "Сергей Лавров"
//   p.analyze({"id": "1", "title": "...", "text": "..."})   # a JSON record
//   p.analyze_many(open("feed.jsonl").read(), format="jsonl")  # every record of an input
//
// The result is exactly the JSON of docs/format.md, parsed by Python's json module, so it is
// the same structure as `svodka analyze` prints. A Pipeline is immutable and may be shared by
// any number of Python threads: the work (reading, analysis, writing the JSON) runs with the GIL
// released, each thread with its own scratch memory (thread_local), so threads run in
// parallel. Bad input raises ValueError with the message `svodka analyze` would print.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "svodka/document_json.h"
#include "svodka/pipeline.h"
#include "svodka/reader.h"

namespace py = pybind11;

namespace {

// Reads every document of `bytes` (named `name`: its stem is the id, and a date in it dates
// the dateline, as for a file), analyses each and returns their JSON texts. Runs without the
// GIL; errors are collected, not thrown, so that they are raised once the GIL is back.
struct Analysed {
  std::vector<std::string> json;
  std::vector<std::string> errors;
};

Analysed Run(const svodka::Pipeline& pipeline, const std::string& bytes, const std::string& name,
             svodka::InputFormat format, bool tokens, size_t max_docs) {
  thread_local svodka::Scratch scratch;
  Analysed out;
  svodka::ReadOptions options;
  options.format = format;
  svodka::DocumentJsonOptions json_options;
  json_options.tokens = tokens;
  svodka::Status s = svodka::ReadDocuments(
      bytes, name, options,
      [&](svodka::Document&& doc) {
        if (svodka::Status a = pipeline.Annotate(doc, &scratch); !a.ok()) {
          out.errors.push_back(name + ": " + a.message());
          return true;
        }
        std::string j;
        svodka::WriteDocumentJson(doc, json_options, &j);
        out.json.push_back(std::move(j));
        return out.json.size() < max_docs;
      },
      [&](const svodka::Status& e) { out.errors.push_back(e.message()); });
  if (!s.ok()) out.errors.push_back(s.message());
  return out;
}

class PyPipeline {
 public:
  PyPipeline(bool morphology, bool entities, std::string dictionary, std::string tagger_model,
             std::string ner_model) {
    svodka::PipelineOptions o;
    o.morphology = morphology;
    o.entities = morphology && entities;
    o.dictionary_path = std::move(dictionary);
    o.tagger_model_path = std::move(tagger_model);
    o.ner_model_path = std::move(ner_model);
    svodka::Result<svodka::Pipeline> p = [&] {
      py::gil_scoped_release release;
      return svodka::Pipeline::Create(o);
    }();
    if (!p.ok()) throw std::runtime_error("svodka: " + p.status().message());
    pipeline_ = std::make_unique<svodka::Pipeline>(std::move(p).value());
  }

  // One document: a str (a plain-text story, or whatever `format` says) or a dict (a JSON
  // record). Raises ValueError when the input gives no document.
  py::object Analyze(const py::object& input, const std::string& name, const std::string& format,
                     bool tokens) {
    std::vector<py::object> docs = Many(input, name, format, tokens, 1);
    if (docs.empty()) throw py::value_error("svodka: " + name + ": no document in the input");
    return docs.front();
  }

  // Every document of the input (a JSONL feed, a JSON array), in order. A record that cannot
  // be read is reported by a warning (warnings.warn) and skipped, as `svodka analyze` does.
  std::vector<py::object> Many(const py::object& input, const std::string& name,
                               const std::string& format, bool tokens, size_t max_docs) {
    std::string bytes;
    svodka::InputFormat f;
    if (py::isinstance<py::dict>(input) || py::isinstance<py::list>(input)) {
      bytes = py::module_::import("json")
                  .attr("dumps")(input, py::arg("ensure_ascii") = false)
                  .cast<std::string>();
      f = svodka::InputFormat::kJson;
    } else if (py::isinstance<py::str>(input) || py::isinstance<py::bytes>(input)) {
      bytes = input.cast<std::string>();
      svodka::Result<svodka::InputFormat> parsed = svodka::ParseInputFormat(format);
      if (!parsed.ok()) throw py::value_error("svodka: " + parsed.status().message());
      f = *parsed;
      if (f == svodka::InputFormat::kAuto) f = svodka::FormatFromExtension(name);
    } else {
      throw py::type_error("svodka: analyze takes a str, bytes, dict or list");
    }
    Analysed a;
    {
      py::gil_scoped_release release;
      a = Run(*pipeline_, bytes, name, f, tokens, max_docs);
    }
    if (a.json.empty() && !a.errors.empty()) throw py::value_error("svodka: " + a.errors.front());
    py::object warn = py::module_::import("warnings").attr("warn");
    for (const std::string& e : a.errors) warn("svodka: " + e);
    py::object loads = py::module_::import("json").attr("loads");
    std::vector<py::object> out;
    out.reserve(a.json.size());
    for (const std::string& j : a.json) out.push_back(loads(py::str(j)));
    return out;
  }

  std::vector<std::string> Stages() const {
    std::vector<std::string> out;
    for (std::string_view s : pipeline_->stage_names()) out.emplace_back(s);
    return out;
  }

 private:
  std::unique_ptr<svodka::Pipeline> pipeline_;
};

}  // namespace

PYBIND11_MODULE(svodka, m) {
  m.doc() =
      "svodka: Russian news analysis (structure, morphology, entities, ...); the output "
      "of `svodka analyze` as Python objects";
  py::class_<PyPipeline>(m, "Pipeline")
      .def(py::init<bool, bool, std::string, std::string, std::string>(),
           py::arg("morphology") = true, py::arg("entities") = true, py::arg("dictionary") = "",
           py::arg("tagger_model") = "", py::arg("ner_model") = "",
           "Loads the models (empty paths: looked up as `svodka analyze` does).")
      .def("analyze", &PyPipeline::Analyze, py::arg("input"), py::arg("name") = "document.txt",
           py::arg("format") = "auto", py::arg("tokens") = false,
           "Analyses one document (str: a plain-text story unless `format` or the extension of "
           "`name` says otherwise; dict: a JSON record) and returns its JSON as a dict.")
      .def(
          "analyze_many",
          [](PyPipeline& p, const py::object& input, const std::string& name,
             const std::string& format,
             bool tokens) { return p.Many(input, name, format, tokens, SIZE_MAX); },
          py::arg("input"), py::arg("name") = "documents.jsonl", py::arg("format") = "auto",
          py::arg("tokens") = false, "Analyses every document of the input; a list of dicts.")
      .def_property_readonly("stages", &PyPipeline::Stages);
}
