using System.Globalization;
using System.Text.Json;
using TextLens.Core.Analyzers.Novelty;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

// The nearest-document halves check of NearestHalvesTests on other sets, to see that a change of the similarity is
// a general improvement and not one for the CRS reports: each document of each JSONL file (`id`, `text`) is cut in
// two at the paragraph break nearest its middle (else the line break, else the sentence end), all halves of the
// file are indexed together, and each half is compared with the index; printed: how many find their other half
// first. Usage: HalvesBench FILE.jsonl …
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: HalvesBench FILE.jsonl …");
    return 2;
}

ModelSet models = ModelSet.OpenDefault();
var featurizer = new TextFeaturizer();
foreach (string file in args)
{
    var halves = new List<SourceText>();
    foreach (string line in File.ReadLines(file))
    {
        using JsonDocument record = JsonDocument.Parse(line);
        string id = record.RootElement.GetProperty("id").GetString()!;
        if (Halve(record.RootElement.GetProperty("text").GetString()!) is [string a, string b])
        {
            halves.Add(new SourceText(id + "/a", a, DocumentFormat.PlainText));
            halves.Add(new SourceText(id + "/b", b, DocumentFormat.PlainText));
        }
    }

    DocumentFeatures[] features = [.. halves.AsParallel().AsOrdered().Select(s => featurizer.Featurize(ParsedDocument.Parse(s, models), models))];
    var analyzer = new NoveltyAnalyzer(new CorpusSearch(CorpusIndex.Build(features.Select(f => CorpusTerms.Document(f.Document.Source.Path, f)))));
    int hits = features.AsParallel().Count(f =>
    {
        string path = f.Document.Source.Path;
        string twin = path[..^1] + (path.EndsWith("/a", StringComparison.Ordinal) ? "b" : "a");
        NoveltyResult result = analyzer.Compare(path, f, keywords: null, themes: null);
        return result.Nearest.Count > 0 && result.Nearest[0].Id == twin;
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {hits} of {features.Length} halves find their other half first ({100.0 * hits / features.Length:F1}%)"));
}

return 0;

static string[]? Halve(string text)
{
    int middle = text.Length / 2;
    foreach (string separator in (string[])["\n\n", "\n", ". "])
    {
        int after = text.IndexOf(separator, middle, StringComparison.Ordinal);
        int before = middle == 0 ? -1 : text.LastIndexOf(separator, middle - 1, StringComparison.Ordinal);
        int cut = after < 0 ? before : before <= 0 ? after : middle - before <= after - middle ? before : after;
        if (cut > 0)
        {
            cut += separator == ". " ? 1 : 0;
            return [text[..cut], text[cut..]];
        }
    }

    return null;
}
