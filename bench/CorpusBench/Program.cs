using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Novelty;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

// The corpus index of the 76 CRS reports of ../shared/corpus/crs (30 in docs/, 46 in bulk.jsonl), once the tool
// is loaded: median times of building the index (parse, count the index terms; in parallel, as
// 'textlens index' does; then sort and write the bytes), of reading it back and making it searchable, and of
// comparing one document with it (the comparison alone, its featurisation, keywords and themes being computed
// by 'report' anyway; each of the 30 docs/ reports in turn, itself left out). Usage: CorpusBench [runs=5]
int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
string crs = Path.GetFullPath(Path.Combine(BenchPaths.RepositoryRoot, "..", "shared", "corpus", "crs"));
var sources = new List<SourceText>();
foreach (string file in Directory.GetFiles(Path.Combine(crs, "docs"), "*.md").Order(StringComparer.Ordinal))
{
    sources.Add(new SourceText("docs/" + Path.GetFileName(file), File.ReadAllText(file), DocumentFormat.Markdown));
}

foreach (string line in File.ReadLines(Path.Combine(crs, "bulk.jsonl")))
{
    using JsonDocument record = JsonDocument.Parse(line);
    sources.Add(new SourceText(record.RootElement.GetProperty("id").GetString()!, record.RootElement.GetProperty("text").GetString()!, DocumentFormat.PlainText));
}

ModelSet models = ModelSet.OpenDefault();
var indexer = new CorpusIndexer(models);
byte[] Build()
{
    var documents = new System.Collections.Concurrent.ConcurrentBag<CorpusDocument>();
    Parallel.ForEach(sources, s => documents.Add(indexer.Index(s)));
    return CorpusIndexFormat.Write(CorpusIndex.Build(documents));
}

byte[] bytes = Build(); // warm-up (JIT, ML.NET)
var build = new List<double>();
var load = new List<double>();
for (int r = 0; r < runs; r++)
{
    var clock = Stopwatch.StartNew();
    bytes = Build();
    build.Add(clock.Elapsed.TotalMilliseconds);
    clock.Restart();
    _ = new CorpusSearch(CorpusIndexFormat.Read(bytes));
    load.Add(clock.Elapsed.TotalMilliseconds);
}

var search = new CorpusSearch(CorpusIndexFormat.Read(bytes));
var analyzer = new NoveltyAnalyzer(search);
AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(models);
var severities = new SeverityConfiguration(useEditorConfig: false);
var featurizer = new TextFeaturizer();
var compare = new List<double>();
var featurise = new List<double>();
foreach (SourceText source in sources.Take(30))
{
    DocumentAnalysis analysis = engine.Analyze(source, AnalysisOptions.Default, severities);
    ParsedDocument parsed = analysis.Document!;
    DocumentFeatures features = featurizer.Featurize(parsed, models);
    KeywordResult? keywords = analysis.GetResult<KeywordResult>();
    ThemeResult? themes = analysis.GetResult<ThemeResult>();
    _ = analyzer.Compare(source.Path, features, keywords, themes); // warm-up
    for (int r = 0; r < runs; r++)
    {
        var clock = Stopwatch.StartNew();
        features = featurizer.Featurize(parsed, models);
        featurise.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        _ = analyzer.Compare(source.Path, features, keywords, themes);
        compare.Add(clock.Elapsed.TotalMilliseconds);
    }
}

static string Stats(List<double> xs)
{
    double[] s = [.. xs.Order()];
    return string.Create(CultureInfo.InvariantCulture, $"median {s[s.Length / 2]:F2} ms  min {s[0]:F2}  max {s[^1]:F2}  (n={s.Length})");
}

Console.WriteLine($"{sources.Count} CRS reports, {sources.Sum(s => s.Length):N0} characters; index {bytes.Length:N0} bytes; {Environment.ProcessorCount} cores; {runs} runs");
Console.WriteLine($"build the index (parse, count terms, in parallel; sort; write):     {Stats(build)}");
Console.WriteLine($"read and verify the index, make it searchable:                     {Stats(load)}");
Console.WriteLine($"compare one document with the index (nearest, new terms, themes):  {Stats(compare)}");
Console.WriteLine($"for scale: that document's shared featurisation (done by report anyway): {Stats(featurise)}");
