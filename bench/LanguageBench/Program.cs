// The TL0008 language check (issue 13, B17): accuracy on the test paragraphs of tests/TestData/languages,
// the English function-word share over the English DEV documents of ../shared (how far they are from the
// bar), and the cost in milliseconds: the cheap English pass per document, and the identifier (cold: the
// first call loads the trigram models; warm: median of later calls).
// Usage: bash bench/language.sh
using System.Diagnostics;
using System.Text.Json;
using TextLens.Core.Features;
using TextLens.Core.Language;
using TextLens.Core.Text;

string root = BenchPaths.RepositoryRoot;
var models = new ModelSet(Path.Combine(root, "models"));
var check = new LanguageCheck(models.Languages);

string Prose(string path) => ProseLayout.Create(new SourceText(path, File.ReadAllText(path), DocumentFormats.FromPath(path))).Text;

var expected = new Dictionary<string, string>
{
    ["fr"] = "French", ["de"] = "German", ["es"] = "Spanish", ["it"] = "Italian", ["pt"] = "Portuguese", ["nl"] = "Dutch",
    ["pl"] = "Polish", ["sv"] = "Swedish", ["tr"] = "Turkish", ["ru"] = "Russian", ["el"] = "Greek", ["ar"] = "Arabic",
    ["zh"] = "Chinese", ["ja"] = "Japanese", ["en-quoting-french"] = "(English)",
};

int right = 0;
var identifyMs = new List<double>();
foreach ((string file, string language) in expected)
{
    string prose = Prose(Path.Combine(root, "tests", "TestData", "languages", file + ".md"));
    var sw = Stopwatch.StartNew();
    string found = check.FindNonEnglish(prose)?.Name ?? "(English)";
    identifyMs.Add(sw.Elapsed.TotalMilliseconds);
    right += found == language ? 1 : 0;
    EnglishEvidence e = EnglishEvidence.Measure(prose);
    Console.WriteLine($"{file,-18} {found,-12} {(found == language ? "ok" : "WRONG, expected " + language),-20} function-word share {e.FunctionWordShare:F3}  {identifyMs[^1],8:F1} ms");
}

Console.WriteLine($"accuracy {right}/{expected.Count}; first call (loads the models) {identifyMs[0]:F0} ms; later calls median {Median(identifyMs.Skip(1)):F2} ms");

var dev = new List<string>();
foreach (string file in Directory.EnumerateFiles(BenchPaths.SharedData("keyphrase"), "*.jsonl").Concat(Directory.EnumerateFiles(BenchPaths.SharedData("summaries"), "*.jsonl")))
{
    dev.AddRange(File.ReadLines(file).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!));
}

foreach (string file in Directory.EnumerateFiles(BenchPaths.SharedData("clustering"), "*.jsonl"))
{
    dev.AddRange(File.ReadLines(file).Select(l => string.Join(' ', JsonDocument.Parse(l).RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()))));
}

string crs = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "crs"));
dev.AddRange(File.ReadLines(Path.Combine(crs, "bulk.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!));
dev.AddRange(Directory.EnumerateFiles(Path.Combine(crs, "docs"), "*.md").Concat(Directory.EnumerateFiles(Path.Combine(root, "seeds"))).Select(Prose));

var shares = new List<double>();
var passMs = new List<double>();
int flagged = 0;
foreach (string text in dev)
{
    var sw = Stopwatch.StartNew();
    EnglishEvidence e = EnglishEvidence.Measure(text);
    passMs.Add(sw.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, text.Length) * 1000);
    flagged += check.FindNonEnglish(text) is null ? 0 : 1;
    if (e.LetterEquivalents >= LanguageCheck.MinimumLetters && e.LatinWords >= LanguageCheck.MinimumLowerCaseWords)
    {
        shares.Add(e.FunctionWordShare);
    }
}

shares.Sort();
Console.WriteLine($"English DEV documents: {dev.Count} ({dev.Sum(t => (long)t.Length) / 1_000_000.0:F1} M characters), flagged {flagged}");
Console.WriteLine($"function-word share over the {shares.Count} long enough to judge: min {shares[0]:F3}, 1st percentile {shares[shares.Count / 100]:F3}, median {shares[shares.Count / 2]:F3} (bar {LanguageCheck.EnglishFunctionWordShare:F2})");
Console.WriteLine($"English pass: median {Median(passMs):F2} ms per MB of text");

static double Median(IEnumerable<double> values)
{
    double[] sorted = [.. values.Order()];
    return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
}
