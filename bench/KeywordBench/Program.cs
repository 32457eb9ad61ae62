using System.Diagnostics;
using System.Globalization;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

// Keyword extraction time per document, once the tool is loaded (models read, code jitted).
// Usage: dotnet run -c Release --project bench/KeywordBench [-- FILE.jsonl [repetitions]]
// Default data: ../shared/data/keyphrase/duc2001.dev.jsonl (research-only; read in place, never copied).
// Reports the median over documents of the best-of-N time of each stage:
//   tag+extract  — part-of-speech tagging plus candidate finding, features and ranking (KeywordAnalyzer's own work)
//   full         — parse + ML.NET featurisation + tagging + keywords, i.e. everything 'report' does for keywords
string data = args.Length > 0 ? args[0] : BenchPaths.SharedData("keyphrase", "duc2001.dev.jsonl");
int repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
List<KeyphraseDocument> docs;
using (var reader = new StreamReader(data))
{
    docs = KeyphraseEvaluation.ReadDocuments(reader);
}

ModelSet models = ModelSet.OpenDefault();
var featurizer = new TextFeaturizer();
_ = models.Background;
_ = models.PartOfSpeech;
int top = 15;

// Warm-up: two passes over every document.
for (int pass = 0; pass < 2; pass++)
{
    foreach (KeyphraseDocument d in docs)
    {
        Full(d.Text);
    }
}

var extract = new List<double>(docs.Count);
var full = new List<double>(docs.Count);
PartOfSpeechTagger tagger = models.PartOfSpeech;
foreach (KeyphraseDocument d in docs)
{
    DocumentFeatures features = featurizer.Featurize(ParsedDocument.Parse(SourceText.From(d.Text, d.Id), models), models);
    double bestExtract = double.MaxValue;
    double bestFull = double.MaxValue;
    for (int r = 0; r < repetitions; r++)
    {
        long t0 = Stopwatch.GetTimestamp();
        _ = tagger.Tag(features.Document);
        _ = KeywordAnalyzer.Extract(features, top);
        bestExtract = Math.Min(bestExtract, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);

        t0 = Stopwatch.GetTimestamp();
        Full(d.Text);
        bestFull = Math.Min(bestFull, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }

    extract.Add(bestExtract);
    full.Add(bestFull);
}

double words = docs.Average(d => d.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(data)}: {docs.Count} documents, {words:F0} words on average, best of {repetitions} per document"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tag+extract  median {Median(extract):F2} ms   p90 {Percentile(extract, 0.9):F2} ms   max {extract.Max():F2} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full         median {Median(full):F2} ms   p90 {Percentile(full, 0.9):F2} ms   max {full.Max():F2} ms"));
return;

void Full(string text)
{
    DocumentFeatures f = featurizer.Featurize(ParsedDocument.Parse(SourceText.From(text, "doc"), models), models);
    _ = KeywordAnalyzer.Extract(f, top);
}

static double Median(List<double> xs) => Percentile(xs, 0.5);

static double Percentile(List<double> xs, double q)
{
    double[] s = [.. xs.Order()];
    return s[(int)Math.Round(q * (s.Length - 1))];
}
