using System.Diagnostics;
using System.Globalization;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Themes;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

// Theme clustering once the tool is loaded: per document, the median time of the shared ML.NET
// featurisation and of the theme analyzer itself (vectors, graph, eigen-decomposition, k-means,
// labels), on DEV documents of a given size. Usage: ThemesBench [sentences=60] [documents=10] [runs=25]
int size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;

string data = BenchPaths.SharedData("clustering", "bbc-mix.dev.jsonl");
using var reader = File.OpenText(data);
ClusteringDocument[] docs = [.. ClusteringDataset.Read(reader, data)
    .Where(d => Math.Abs(d.Sentences.Count - size) <= 5)
    .OrderBy(d => Math.Abs(d.Sentences.Count - size)).ThenBy(d => d.Id, StringComparer.Ordinal)
    .Take(count)];
ModelSet models = ModelSet.OpenDefault();
var featurizer = new TextFeaturizer();
_ = models.Background.Count;

var featurise = new List<double>();
var cluster = new List<double>();
foreach (ClusteringDocument doc in docs)
{
    ParsedDocument parsed = ParsedDocument.FromSentences(doc.Sentences, doc.Id, models);
    DocumentFeatures features = featurizer.Featurize(parsed, models);
    _ = ThemeClusterer.Cluster(features, ThemeCount.Auto); // warm-up (JIT)
    for (int r = 0; r < runs; r++)
    {
        var clock = Stopwatch.StartNew();
        features = featurizer.Featurize(parsed, models);
        featurise.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        _ = ThemeClusterer.Cluster(features, ThemeCount.Auto);
        cluster.Add(clock.Elapsed.TotalMilliseconds);
    }
}

static string Stats(List<double> xs)
{
    double[] s = [.. xs.Order()];
    return string.Create(CultureInfo.InvariantCulture, $"median {s[s.Length / 2]:F2} ms  p10 {s[s.Length / 10]:F2}  p90 {s[s.Length * 9 / 10]:F2}");
}

Console.WriteLine($"{docs.Length} bbc-mix DEV documents of {string.Join(",", docs.Select(d => d.Sentences.Count))} sentences, {runs} runs each");
Console.WriteLine($"theme analyzer (--themes auto): {Stats(cluster)}");
Console.WriteLine($"shared featurisation (ML.NET n-grams, computed once per document for all analyzers): {Stats(featurise)}");
