using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analysis;

public class AnalysisEngineTests
{
    private static readonly RuleDescriptor LongSentence = new(
        "TL9001", "Long sentence", "Sentence has {0} words", "Test", Severity.Warning, "Test rule: sentences over 40 words.");

    private sealed record SentenceCount(int Count);

    /// <summary>Reports sentences of more than 40 words; publishes the sentence count.</summary>
    private sealed class LongSentenceAnalyzer : IDocumentAnalyzer
    {
        public string Name => "long";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [LongSentence];

        public Type? ResultType => typeof(SentenceCount);

        public void Analyze(AnalysisContext context)
        {
            foreach (var s in context.Document.Sentences)
            {
                int words = context.Document.TokensOf(s).ToArray().Count(t => t.IsWord);
                if (words > 40)
                {
                    context.Report(LongSentence, s.Span, words);
                }
            }

            context.SetResult(new SentenceCount(context.Document.Sentences.Count));
        }
    }

    /// <summary>Reads another analyzer's result: the engine must run the producer first.</summary>
    private sealed class DependentAnalyzer : IDocumentAnalyzer
    {
        public string Name => "dependent";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => typeof(string);

        public IReadOnlyList<Type> Dependencies => [typeof(SentenceCount), typeof(KeywordResult)];

        public void Analyze(AnalysisContext context) =>
            context.SetResult($"{context.GetResult<SentenceCount>().Count} sentences, top keyword {context.GetResult<KeywordResult>().Keywords[0].Text}");
    }

    private sealed class RogueAnalyzer : IDocumentAnalyzer
    {
        public string Name => "rogue";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => null;

        public void Analyze(AnalysisContext context) => context.Report(LongSentence, new TextSpan(0, 1));
    }

    private static SourceText Seed() => SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt");

    [Fact]
    public void Runs_analyzers_in_dependency_order_and_collects_sorted_diagnostics()
    {
        var engine = new AnalysisEngine([new DependentAnalyzer(), new KeywordAnalyzer(), new LongSentenceAnalyzer()], TestModels.Set);
        DocumentAnalysis result = engine.Analyze(Seed(), AnalysisOptions.Default, DefaultSeverities.Instance);
        Assert.Equal("47 sentences, top keyword Chongryon", result.GetResult<string>());
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal("TL9001", d.Id));
        Assert.Equal(result.Diagnostics.OrderBy(d => d.Span!.Value.Start), result.Diagnostics);
        Diagnostic first = result.Diagnostics[0];
        Assert.Equal(Severity.Warning, first.Severity);
        Assert.Equal(first.Location!.Value.Start, Seed().GetLinePosition(first.Span!.Value.Start));
        Assert.Contains(LongSentence, engine.Rules);
        Assert.Contains(InputRules.Binary, engine.Rules);
    }

    [Fact]
    public void Reporting_an_undeclared_rule_is_an_analyzer_failure_that_loses_nothing_else()
    {
        var engine = new AnalysisEngine([new RogueAnalyzer(), new KeywordAnalyzer()], TestModels.Set);
        DocumentAnalysis result = engine.Analyze(SourceText.From("Interest rates rose. Interest rates fell."), AnalysisOptions.Default, DefaultSeverities.Instance);
        Diagnostic failure = Assert.Single(result.Diagnostics);
        Assert.Equal("TL0007", failure.Id);
        Assert.Contains("rogue", failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not declare", failure.Message, StringComparison.Ordinal);
        Assert.Contains(result.GetResult<KeywordResult>()!.Keywords, k => k.Text.Equals("interest rates", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the keywords without declaring them: the engine must refuse the read, not run the producer silently.</summary>
    private sealed class UndeclaredReader : IDocumentAnalyzer
    {
        public string Name => "undeclared";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => typeof(SentenceCount);

        public void Analyze(AnalysisContext context) => context.SetResult(new SentenceCount(context.GetResult<KeywordResult>().Keywords.Count));
    }

    /// <summary>Declares what it reads, as configured: used to build missing producers and cycles.</summary>
    private sealed class Declaring(string name, Type? produces, params Type[] reads) : IDocumentAnalyzer
    {
        public string Name => name;

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => produces;

        public IReadOnlyList<Type> Dependencies => reads;

        public void Analyze(AnalysisContext context)
        {
        }
    }

    private sealed record First;

    private sealed record Second;

    [Fact]
    public void Reading_an_undeclared_result_is_an_analyzer_failure_that_names_the_result()
    {
        var engine = new AnalysisEngine([new UndeclaredReader(), new KeywordAnalyzer()], TestModels.Set);
        DocumentAnalysis result = engine.Analyze(SourceText.From("Interest rates rose. Interest rates fell."), AnalysisOptions.Default, DefaultSeverities.Instance);
        Diagnostic failure = Assert.Single(result.Diagnostics);
        Assert.Equal("TL0007", failure.Id);
        Assert.Contains("reads KeywordResult but does not declare it", failure.Message, StringComparison.Ordinal);
        Assert.Null(result.GetResult<SentenceCount>());
        Assert.NotNull(result.GetResult<KeywordResult>());
    }

    [Fact]
    public void A_dependency_no_analyzer_produces_is_refused_when_the_engine_is_built()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([new Declaring("summary-like", typeof(First), typeof(KeywordResult))], TestModels.Set));
        Assert.Contains("'summary-like' depends on KeywordResult, which no analyzer here produces", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependencies_in_a_cycle_are_refused_with_the_cycle_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine(
            [new Declaring("a", typeof(First), typeof(Second)), new Declaring("b", typeof(Second), typeof(First))], TestModels.Set));
        Assert.Contains("cycle: a -> b -> a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_analyzers_declare_what_they_read()
    {
        Dictionary<string, string[]> reads = BuiltInAnalyzers.Create(TestModels.Set)
            .ToDictionary(a => a.Name, a => a.Dependencies.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(reads["keywords"]);
        Assert.Empty(reads["themes"]);
        Assert.Equal(["KeywordResult"], reads["stance"]);
        Assert.Equal(["KeywordResult", "ThemeResult"], reads["summary"]);
    }

    [Fact]
    public void Two_descriptors_with_one_id_are_rejected()
    {
        var clash = new RuleDescriptor("TL0001", "Other", "m", "Test", Severity.Warning, "h");
        var analyzer = new ClashAnalyzer(clash);
        Assert.Throws<ArgumentException>(() => new AnalysisEngine([analyzer], TestModels.Set));
    }

    private sealed class ClashAnalyzer(RuleDescriptor rule) : IDocumentAnalyzer
    {
        public string Name => "clash";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [rule];

        public Type? ResultType => null;

        public void Analyze(AnalysisContext context)
        {
        }
    }

    [Fact]
    public void Severity_none_turns_a_rule_off_and_overrides_apply()
    {
        var engine = new AnalysisEngine([new LongSentenceAnalyzer()], TestModels.Set);
        var off = new SeverityConfiguration(new Dictionary<string, Severity> { ["TL9001"] = Severity.None }, useEditorConfig: false);
        Assert.Empty(engine.Analyze(Seed(), AnalysisOptions.Default, off).Diagnostics);
        var error = new SeverityConfiguration(new Dictionary<string, Severity> { ["category-Test"] = Severity.Error }, useEditorConfig: false);
        Assert.All(engine.Analyze(Seed(), AnalysisOptions.Default, error).Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void Empty_document_gets_a_warning_and_no_keywords()
    {
        DocumentAnalysis result = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From("   \n\n"), AnalysisOptions.Default, DefaultSeverities.Instance);
        Assert.Equal("TL0005", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.GetResult<KeywordResult>()!.Keywords);
    }

    [Fact]
    public void Rule_ids_must_be_tl_and_four_digits()
    {
        Assert.Throws<ArgumentException>(() => new RuleDescriptor("TL12", "x", "x", "x", Severity.Warning, "x"));
        Assert.Throws<ArgumentException>(() => new RuleDescriptor("XX1234", "x", "x", "x", Severity.Warning, "x"));
    }

    [Fact]
    public void Built_in_catalogue_has_unique_ids_with_help()
    {
        IReadOnlyList<RuleDescriptor> rules = BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Help)));
    }

    [Fact]
    public void Analysis_is_deterministic_in_parallel()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var a = engine.Analyze(Seed(), AnalysisOptions.Default, DefaultSeverities.Instance).GetResult<KeywordResult>()!;
        var b = engine.Analyze(Seed(), AnalysisOptions.Default with { Parallel = false }, DefaultSeverities.Instance).GetResult<KeywordResult>()!;
        Assert.Equal(a.Keywords.Select(k => (k.Text, k.Score)), b.Keywords.Select(k => (k.Text, k.Score)));
    }
}
