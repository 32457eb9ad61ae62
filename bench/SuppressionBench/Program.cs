using System.Diagnostics;
using System.Globalization;
using System.Text;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

// One document of N suppression directives, each followed by a sentence (issue 13, B14: 100,000 in under 5 s), once
// the models are loaded: per stage (parse, analyse, build the report, write it as JSON), the median wall time, the
// bytes allocated and the GC pause, over R runs after a warm-up. Usage: SuppressionBench [md|txt] [N=100000] [runs=5]
// `SuppressionBench file PATH [runs]` times one given document the same way (per-document analyzer costs).
string kind = args.Length > 0 ? args[0] : "md";
bool file = kind == "file";
int count = file ? 0 : args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
string directive = kind == "md" ? "<!-- textlens-disable-next-line TL3001 -->\n" : "%% textlens-disable-next-line TL3001\n";
var text = new StringBuilder();
for (int i = 0; i < count; i++)
{
    text.Append(directive).Append("The council approved the budget.\n");
}

SourceText source = file
    ? new SourceText(Path.GetFileName(args[1]), File.ReadAllText(args[1]), args[1].EndsWith(".md", StringComparison.Ordinal) ? DocumentFormat.Markdown : DocumentFormat.PlainText)
    : new SourceText("s." + kind, text.ToString(), kind == "md" ? DocumentFormat.Markdown : DocumentFormat.PlainText);
ModelSet models = ModelSet.OpenDefault();
var timed = new List<Timed>();
AnalysisEngine engine = new([.. BuiltInAnalyzers.Create(models).Select(a => { var t = new Timed(a); timed.Add(t); return (IDocumentAnalyzer)t; })], models);
var severities = new SeverityConfiguration(useEditorConfig: false);
IReportFormatter json = ReportFormatters.All.Single(f => f.Name == "json");
var settings = FormatSettings.Default with { Rules = engine.Rules, Sections = engine.Sections };

var stages = new Dictionary<string, List<(double Ms, long Bytes, double PauseMs)>>(StringComparer.Ordinal);
var process = System.Diagnostics.Process.GetCurrentProcess();
var cpu = new List<double>();
void Measure(string stage, Action action, bool record)
{
    long bytes = GC.GetTotalAllocatedBytes(precise: true);
    TimeSpan pause = GC.GetTotalPauseDuration();
    var clock = Stopwatch.StartNew();
    action();
    clock.Stop();
    if (record)
    {
        (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(
            (clock.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds));
    }
}

int gen0 = 0, gen1 = 0, gen2 = 0;
for (int run = 0; run <= runs; run++)
{
    bool record = run > 0; // run 0 warms up (JIT, lazily loaded models)
    if (run == 1)
    {
        (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    ParsedDocument parsed = null!;
    DocumentAnalysis analysis = null!;
    DocumentReport report = null!;
    process.Refresh();
    TimeSpan cpu0 = process.TotalProcessorTime;
    Measure("parse", () => parsed = ParsedDocument.Parse(source, models), record);
    timed.ForEach(t => t.Reset());
    Measure("analyse", () => analysis = engine.Analyze(parsed, AnalysisOptions.Default with { Parallel = false }, severities), record);
    foreach (Timed t in timed.Where(_ => record))
    {
        (stages.TryGetValue("  " + t.Name, out var list) ? list : stages["  " + t.Name] = []).Add((t.Ms, t.Bytes, t.PauseMs));
        (stages.TryGetValue("  " + t.Name + " CPU", out var cpuList) ? cpuList : stages["  " + t.Name + " CPU"] = []).Add((t.CpuMs, 0, 0));
    }

    Measure("report", () => report = ReportBuilder.BuildDocument(analysis, engine.Sections), record);
    Measure("json", () =>
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        using IReportWriter stream = json.Open(writer, settings with { ExpectedDocuments = 1 }, MemorySpool.Factory);
        stream.WriteDocument(report);
        var summary = new CorpusSummaryBuilder();
        summary.Add(report);
        stream.Complete(new ReportCompletion(new ToolInfo("TextLens", ReportBuilder.ToolVersion), summary.Build(), null));
    }, record);
    process.Refresh();
    if (record)
    {
        cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
    }

    if (run == 1 || run == runs)
    {
        // What stays reachable after a document is done (nothing of it should): a heap that grows run after run is a leak.
        analysis = null!;
        report = null!;
        parsed = null!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after run {run}: heap after a full collection {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F2} MB"));
    }

    if (run == 0)
    {
        Console.WriteLine($"{kind}: {count:N0} directives, {source.Content.Length:N0} characters; suppressed: {analysis.Diagnostics.Count:N0} diagnostics reported");
    }
}

static double Median(IEnumerable<double> xs)
{
    double[] s = [.. xs.Order()];
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

Console.WriteLine($"{runs} runs after a warm-up; medians; server GC {System.Runtime.GCSettings.IsServerGC}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("stage      wall ms   allocated MB   GC pause ms   (analyse: analyzers one at a time, exclusive of the ones they wait for; the rest is featurisation, language check, suppressions)");
double total = 0, totalMb = 0, totalPause = 0;
foreach ((string stage, var list) in stages)
{
    double ms = Median(list.Select(x => x.Ms)), mb = Median(list.Select(x => x.Bytes / 1048576.0)), pause = Median(list.Select(x => x.PauseMs));
    if (!stage.StartsWith(' '))
    {
        total += ms; totalMb += mb; totalPause += pause;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-8} {ms,9:F2} {mb,14:F2} {pause,13:F2}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-8} {total,9:F2} {totalMb,14:F2} {totalPause,13:F2}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU (all threads) per run: median {Median(cpu):F2} ms"));
Console.WriteLine($"collections per run: gen0 {(GC.CollectionCount(0) - gen0) / (double)runs:F1}, gen1 {(GC.CollectionCount(1) - gen1) / (double)runs:F1}, gen2 {(GC.CollectionCount(2) - gen2) / (double)runs:F1}");

/// <summary>An analyzer with its own time, allocation and GC pause, exclusive of the analyzers it depends on (run one at a time).</summary>
internal sealed class Timed(IDocumentAnalyzer inner) : IDocumentAnalyzer
{
    [ThreadStatic]
    private static Stack<Timed>? t_running;

    private long _started, _bytes0;
    private TimeSpan _pause0, _cpu0;

    public double Ms { get; private set; }

    public long Bytes { get; private set; }

    public double PauseMs { get; private set; }

    /// <summary>Process CPU time (all threads) while this analyzer ran: steadier than wall time on a loaded machine.</summary>
    public double CpuMs { get; private set; }

    public string Name => inner.Name;

    public IReadOnlyList<RuleDescriptor> SupportedRules => inner.SupportedRules;

    public Type? ResultType => inner.ResultType;

    public IReadOnlyList<Type> Dependencies => inner.Dependencies;

    public IReportSection? Section => inner.Section;

    public void Reset() => (Ms, Bytes, PauseMs, CpuMs) = (0, 0, 0, 0);

    public void Analyze(AnalysisContext context)
    {
        Stack<Timed> running = t_running ??= new();
        if (running.TryPeek(out Timed? outer))
        {
            outer.Pause();
        }

        running.Push(this);
        Resume();
        try
        {
            inner.Analyze(context);
        }
        finally
        {
            Pause();
            running.Pop();
            if (running.TryPeek(out outer))
            {
                outer.Resume();
            }
        }
    }

    private void Resume() => (_started, _bytes0, _pause0, _cpu0) = (Stopwatch.GetTimestamp(), GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime);

    private void Pause()
    {
        Ms += Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        Bytes += GC.GetTotalAllocatedBytes(precise: true) - _bytes0;
        PauseMs += (GC.GetTotalPauseDuration() - _pause0).TotalMilliseconds;
        CpuMs += (Process.GetCurrentProcess().TotalProcessorTime - _cpu0).TotalMilliseconds;
    }
}
