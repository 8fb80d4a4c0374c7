"""Tests of the `svodka` Python module (python/svodka_module.cc), run by CTest as
`python3 -m unittest` with PYTHONPATH set to the built module, SVODKA_CLI to the `svodka`
command and SVODKA_SRC to the source tree."""
import concurrent.futures
import glob
import json
import os
import subprocess
import unittest
import warnings

import svodka

SRC = os.environ.get("SVODKA_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("SVODKA_CLI", os.path.join(SRC, "build", "svodka"))
EXAMPLES = sorted(glob.glob(os.path.join(SRC, "examples", "*.txt")))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def cli_analyze(path, *flags):
    out = subprocess.run([CLI, "analyze", "--jsonl", *flags, path], check=True,
                         capture_output=True).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


class PipelineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pipeline = svodka.Pipeline()

    def test_same_output_as_the_command(self):
        self.assertTrue(EXAMPLES)
        for path in EXAMPLES:
            text = read(path)
            got = self.pipeline.analyze(text, name=os.path.basename(path))
            self.assertEqual(got, cli_analyze(path)[0], path)
            got = self.pipeline.analyze(text, name=os.path.basename(path), tokens=True)
            self.assertEqual(got, cli_analyze(path, "--tokens")[0], path)

    def test_the_example_objects(self):
        text = read(EXAMPLES[0])
        doc = self.pipeline.analyze(text, name=os.path.basename(EXAMPLES[0]))
        names = {o["name"] for o in doc["objects"]}
        self.assertIn("Сергей Лавров", names)
        self.assertIn("Фумио Кисида", names)
        self.assertEqual(doc["dateline"]["date"], "2017-03-20")
        self.assertIn("segment", self.pipeline.stages)

    def test_a_json_record_and_a_feed(self):
        record = {"id": "r1", "title": "Лавров прибыл в Токио",
                  "text": "Министр иностранных дел России Сергей Лавров прибыл в Токио."}
        doc = self.pipeline.analyze(record)
        self.assertEqual(doc["id"], "r1")
        self.assertTrue(any(o["name"] == "Сергей Лавров" for o in doc["objects"]))
        feed = "\n".join(json.dumps({"id": str(i), "text": "Лавров прибыл в Токио."},
                                    ensure_ascii=False) for i in range(3))
        docs = self.pipeline.analyze_many(feed, format="jsonl")
        self.assertEqual([d["id"] for d in docs], ["0", "1", "2"])

    def test_bad_input_raises_or_warns(self):
        with self.assertRaises(ValueError):
            self.pipeline.analyze("   ")
        with self.assertRaises(ValueError):
            self.pipeline.analyze("x", format="nonsense")
        with self.assertRaises(TypeError):
            self.pipeline.analyze(42)
        feed = '{"id": "good", "text": "Лавров прибыл."}\n{"id": broken\n'
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            docs = self.pipeline.analyze_many(feed, format="jsonl")
        self.assertEqual([d["id"] for d in docs], ["good"])
        self.assertTrue(any("line 2" in str(w.message) for w in caught), caught)

    def test_threads_share_one_pipeline(self):
        texts = [read(p) for p in EXAMPLES] * 8
        names = [os.path.basename(p) for p in EXAMPLES] * 8
        alone = [self.pipeline.analyze(t, name=n) for t, n in zip(texts, names)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(lambda tn: self.pipeline.analyze(tn[0], name=tn[1]),
                                     zip(texts, names)))
        self.assertEqual(alone, together)


if __name__ == "__main__":
    unittest.main()
