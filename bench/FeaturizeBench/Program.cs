using Microsoft.ML;
using Microsoft.ML.Data;
using System.Diagnostics;
using System.Globalization;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

// The shared ML.NET featurisation alone (TextFeaturizer), in one process:
//   FeaturizeBench cold FILE          parse, then the first three Featurize calls (the first pays JIT and ML.NET set-up)
//   FeaturizeBench phases FILE        the steps of the ML.NET path one by one, cold
//   FeaturizeBench collisions PATH... every document of the given folders (*.txt, *.md), JSON Lines files (their "text")
//                                     or files featurised once: distinct n-grams, and the hash collisions met
//   FeaturizeBench growth FILE [n]    FILE featurised n times (default 20,000) on one thread: the live heap after a full
//                                     collection every n/5 documents (nothing may accumulate per document)
//   FeaturizeBench warm DIR [runs]    every *.txt/*.md of DIR parsed, featurised once to warm up, then per document the
//                                     best of `runs` calls (median and p90 over documents, and the sum)
// Wall milliseconds and the process's CPU milliseconds (all threads) (less disturbed by other processes on a loaded machine).
string mode = args.Length > 0 ? args[0] : "cold";
string path = args.Length > 1 ? args[1] : "seeds/chongryon-japan-north-korea-relations.txt";
int runs = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out int given) ? given : 5;

ModelSet models = ModelSet.OpenDefault();
var featurizer = new TextFeaturizer();

if (mode == "phases")
{
    Phases.Run(Parse(path, models), models);
    return;
}

if (mode == "collisions")
{
    long documents = 0, ngrams = 0, largest = 0;
    foreach (string input in args.Skip(1))
    {
        IEnumerable<string> texts = Directory.Exists(input)
            ? Directory.EnumerateFiles(input).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            : input.EndsWith(".jsonl", StringComparison.Ordinal)
                ? File.ReadLines(input).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
                : [File.ReadAllText(input)];
        foreach (string text in texts)
        {
            DocumentFeatures f = featurizer.Featurize(ParsedDocument.Parse(SourceText.From(text, "doc"), models), models);
            documents++;
            ngrams += f.Vocabulary.Count;
            largest = Math.Max(largest, f.Vocabulary.Count);
        }
    }

    (long slots, long tokens) = TextFeaturizer.Collisions;
    if (Environment.GetEnvironmentVariable("LIST") == "1")
    {
        // The colliding n-gram pairs of the last input, with ML.NET's own token keys (for a test text).
        string text = File.ReadAllText(args[^1]);
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(text, "doc"), models);
        string[][] rows = [.. TextFeaturizer.FindChunks(doc).Select(c => Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => doc.Tokens[t].Lower).ToArray())];
        var ml = new Microsoft.ML.MLContext(seed: 0);
        var view = ml.Data.LoadFromEnumerable(rows.Select(t => new KeyRow { Tokens = t }));
        var hashed = ml.Transforms.Conversion.Hash("Keys", "Tokens", numberOfBits: TextFeaturizer.TokenHashBits, maximumNumberOfInverts: 0).Fit(view).Transform(view);
        var bySlot = new Dictionary<int, string>();
        int row = 0;
        foreach (var keys in hashed.GetColumn<Microsoft.ML.Data.VBuffer<uint>>("Keys"))
        {
            uint[] k = keys.DenseValues().ToArray();
            string[] t = rows[row++];
            for (int i = 0; i < t.Length; i++)
            {
                for (int n = 1; n <= TextFeaturizer.MaxNgramLength && i + n <= t.Length; n++)
                {
                    int slot = TextFeaturizer.NgramSlot(k.AsSpan(i, n));
                    string g = string.Join(' ', t, i, n);
                    if (bySlot.TryGetValue(slot, out string? other) && other != g)
                    {
                        Console.WriteLine($"slot {slot}: '{other}' / '{g}'");
                        bySlot[slot] = g;
                    }
                    else
                    {
                        bySlot[slot] = g;
                    }
                }
            }
        }
    }

    Console.WriteLine($"{documents} documents, {ngrams} distinct n-grams (per document, summed; largest {largest}); slots shared by two n-grams of a document: {slots}; tokens sharing a key: {tokens}");
    return;
}

if (mode == "growth")
{
    ParsedDocument doc = Parse(path, models);
    int n = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
    for (int i = 1; i <= n; i++)
    {
        _ = featurizer.Featurize(doc, models);
        if (i % (n / 5) == 0 || i == 1)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Console.WriteLine($"{i,7} documents: live heap {GC.GetTotalMemory(true) / 1024.0:F0} KiB");
        }
    }

    return;
}

if (mode == "cold")
{
    var clock = Clock.Start();
    ParsedDocument doc = Parse(path, models);
    Console.WriteLine($"parse        {clock.Lap()}");
    for (int i = 1; i <= 3; i++)
    {
        DocumentFeatures f = featurizer.Featurize(doc, models);
        Console.WriteLine($"featurize #{i} {clock.Lap()}  ({f.Vocabulary.Count} terms)");
    }

    return;
}

string[] files = [.. Directory.EnumerateFiles(path).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
ParsedDocument[] docs = [.. files.Select(f => Parse(f, models))];
foreach (ParsedDocument d in docs)
{
    _ = featurizer.Featurize(d, models);
}

var wall = new List<double>();
var cpu = new List<double>();
foreach (ParsedDocument d in docs)
{
    double bestWall = double.MaxValue, bestCpu = double.MaxValue;
    for (int r = 0; r < runs; r++)
    {
        var clock = Clock.Start();
        _ = featurizer.Featurize(d, models);
        (double w, double c) = clock.Elapsed();
        bestWall = Math.Min(bestWall, w);
        bestCpu = Math.Min(bestCpu, c);
    }

    wall.Add(bestWall);
    cpu.Add(bestCpu);
}

Console.WriteLine($"{docs.Length} documents, best of {runs}: wall {Stats(wall)}; cpu {Stats(cpu)}");

static ParsedDocument Parse(string file, ModelSet models) =>
    ParsedDocument.Parse(SourceText.From(File.ReadAllText(file), file), models);

static string Stats(List<double> xs)
{
    double[] s = [.. xs.Order()];
    return string.Create(CultureInfo.InvariantCulture, $"median {s[s.Length / 2]:F2} ms, p90 {s[s.Length * 9 / 10]:F2} ms, sum {s.Sum():F1} ms");
}

/// <summary>Wall time and the process's CPU time since the last lap.</summary>
internal sealed class Clock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = ProcessCpu();

    public static Clock Start() => new();

    public (double Wall, double Cpu) Elapsed() => (_wall.Elapsed.TotalMilliseconds, (ProcessCpu() - _cpu).TotalMilliseconds);

    public string Lap()
    {
        (double w, double c) = Elapsed();
        _wall.Restart();
        _cpu = ProcessCpu();
        return string.Create(CultureInfo.InvariantCulture, $"wall {w,8:F1} ms  cpu {c,8:F1} ms");
    }

    private static TimeSpan ProcessCpu()
    {
        _ = ClockGetTime(2, out TimeSpec t); // CLOCK_PROCESS_CPUTIME_ID: every thread, ML.NET's background cursors too
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}

internal sealed class KeyRow
{
    public string[] Tokens { get; set; } = [];
}
