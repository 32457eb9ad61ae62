using System.Globalization;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

// Random search over every weight of the keyphrase ranking (KeywordSettings) on the four keyphrase DEV sets:
// candidates are found once per document, then each configuration re-ranks them and is scored by F1@10 as
// kp_score.py scores it. Prints the default, the best configurations that keep the DUC-2001, Inspec and
// SemEval-2010 bars (25 / 30 / 18), and the best for 500N-KPCrowd alone, to show what one configuration can reach.
// Usage: dotnet run -c Release --project bench/KeywordSweep [-- configurations=2500 seed=1]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int configurations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2500;
int seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
string data = BenchPaths.SharedData("keyphrase");
string[] sets = ["duc2001", "inspec", "semeval2010", "500n_kpcrowd"];
double[] bars = [25.0, 30.0, 18.0, 18.0];

ModelSet models = ModelSet.OpenDefault();
var corpora = sets.Select(set => Load(Path.Combine(data, set + ".dev.jsonl"), models)).ToArray();
Console.WriteLine($"{"configuration",-16} {string.Join(" ", sets.Select(s => $"{s,12}"))}   (F1@10, %)");
Print("default", Evaluate(KeywordSettings.Default));

var random = new Random(seed);
double Uniform(double a, double b) => a + (random.NextDouble() * (b - a));
double LogUniform(double a, double b) => Math.Exp(Uniform(Math.Log(a), Math.Log(b)));
var results = new List<(double[] F1, KeywordSettings Settings)>(configurations);
for (int i = 0; i < configurations; i++)
{
    KeywordSettings s = KeywordSettings.Default with
    {
        TwoWordBonus = LogUniform(0.2, 2.0),
        ThreeWordBonus = LogUniform(0.2, 2.0),
        FourWordBonus = LogUniform(0.1, 1.0),
        MaximalWeight = Uniform(0, 2.5),
        TfIdfWeight = Uniform(0.5, 2.5),
        GraphWeight = Uniform(0, 1.5),
        PositionWeight = Uniform(0, 2),
        PositionScale = LogUniform(1, 30),
        TfExponent = Uniform(0.3, 1.2),
        SpreadWeight = Uniform(0, 1),
        CapitalBonus = Uniform(0, 1),
    };
    results.Add((Evaluate(s), s));
}

Console.WriteLine($"\n{configurations} random configurations (seed {seed}).");
Section("best 500N-KPCrowd with the DUC-2001, Inspec and SemEval-2010 bars kept", r => r[0] >= bars[0] && r[1] >= bars[1] && r[2] >= bars[2]);
Section("best 500N-KPCrowd with the DUC-2001 and SemEval-2010 bars kept", r => r[0] >= bars[0] && r[2] >= bars[2]);
Section("best 500N-KPCrowd, no constraint", _ => true);
Console.WriteLine($"\nconfigurations meeting all four bars: {results.Count(r => r.F1.Zip(bars).All(p => p.First >= p.Second))}");

void Section(string title, Func<double[], bool> keep)
{
    Console.WriteLine($"\n{title}:");
    foreach ((double[] f1, KeywordSettings s) in results.Where(r => keep(r.F1)).OrderByDescending(r => r.F1[3]).Take(5))
    {
        Print(string.Empty, f1);
        Console.WriteLine($"    two {s.TwoWordBonus:F2} three {s.ThreeWordBonus:F2} four {s.FourWordBonus:F2} nounPhrase {s.MaximalWeight:F2} " +
            $"tfidf {s.TfIdfWeight:F2} tf^{s.TfExponent:F2} graph {s.GraphWeight:F2} position {s.PositionWeight:F2}×{s.PositionScale:F1} " +
            $"spread {s.SpreadWeight:F2} capital {s.CapitalBonus:F2}");
    }
}

void Print(string label, double[] f1) => Console.WriteLine($"{label,-16} {string.Join(" ", f1.Select(f => $"{f,12:F2}"))}");

double[] Evaluate(KeywordSettings settings) => [.. corpora.Select(c => c.Average(d => d.F1At10(settings)))];

static List<ScoredDocument> Load(string path, ModelSet models)
{
    using var reader = new StreamReader(path);
    var featurizer = new TextFeaturizer();
    var documents = new List<ScoredDocument>();
    foreach (KeyphraseDocument d in KeyphraseEvaluation.ReadDocuments(reader))
    {
        var gold = new HashSet<string>(d.Keyphrases.Select(KeyphraseScorer.Normalize).Where(n => n.Length > 0), StringComparer.Ordinal);
        if (gold.Count == 0)
        {
            continue;
        }

        DocumentFeatures features = featurizer.Featurize(ParsedDocument.Parse(SourceText.From(d.Text, d.Id), models), models);
        List<KeywordCandidate> candidates = KeywordCandidates.Find(features, KeywordSettings.Default);
        documents.Add(new ScoredDocument(candidates, [.. candidates.Select(c => KeyphraseScorer.Normalize(c.Display))], gold));
    }

    return documents;
}

/// <summary>A DEV document's candidates (found once), their scorer-normalised forms and the normalised gold set.</summary>
internal sealed record ScoredDocument(List<KeywordCandidate> Candidates, string[] Normalized, HashSet<string> Gold)
{
    /// <summary>F1@10 of the top ten distinct predictions under these weights, as kp_score.py computes it for one document.</summary>
    public double F1At10(KeywordSettings settings)
    {
        int[] order = [.. Enumerable.Range(0, Candidates.Count)
            .Select(i => (Index: i, Score: KeywordAnalyzer.Score(Candidates[i], settings)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => Candidates[x.Index].Key, StringComparer.Ordinal)
            .Select(x => x.Index)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int returned = 0;
        int correct = 0;
        foreach (int i in order)
        {
            if (returned == 10)
            {
                break;
            }

            if (Normalized[i].Length > 0 && seen.Add(Normalized[i]))
            {
                returned++;
                correct += Gold.Contains(Normalized[i]) ? 1 : 0;
            }
        }

        double p = returned > 0 ? (double)correct / returned : 0;
        double r = (double)correct / Gold.Count;
        return 100 * (p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}
