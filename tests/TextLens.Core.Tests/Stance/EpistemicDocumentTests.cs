using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The epistemic model's document context (<see cref="EpistemicDocument"/>, `train stance --axis epistemic
/// --document-context`): the document's cue rates over its other sentences and a question's run back to its lead-in,
/// computed the same way in 'report' (the parsed document) and 'eval stance' (the rows of one doc).
/// </summary>
public class EpistemicDocumentTests
{
    // Sentences of CRS reports (public domain): IN10979's oversight questions after their lead-in.
    private const string LeadIn = "Thus, the sale of E15 year-round involves other concerns that Congress may consider, including the following:";

    private static readonly string[] Questions =
    [
        "How much consumer demand is there for E15?",
        "Would the additional use of ethanol for E15 reduce consumer gasoline prices?",
        "Who pays to install E15 fueling infrastructure (e.g., blender pumps)?",
        "Would the rural economy benefit from year-round sale of E15?",
    ];

    // A legal summary (LSB11421) and a programme description (IF10753).
    private static readonly string[] Mixed =
    [
        "ENERGY STAR is a voluntary labeling program for energy-efficient products.",
        "According to EPA's most recent annual report, program participants conserved 520 billion kilowatt-hours of electricity.",
        "The efficacy of these actions may depend on the registry operators.",
        "Section 7 of the Endangered Species Act requires federal agencies to consult with the Services.",
        "Congress may wish to consider whether to revisit the exemption provision.",
    ];

    [Fact]
    public void A_question_in_a_run_after_a_lead_in_reads_the_lead_in_though_the_rows_give_only_the_first()
    {
        // The data set lacks the lead-in's row: the first question's prev is the lead-in, each later question's prev the one before.
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(
            Questions.Select((q, k) => $$"""{"id":"q{{k}}","doc":"IN10979","text":"{{q}}","prev":"{{(k == 0 ? LeadIn : Questions[k - 1])}}","label":"hedged"}"""));
        EpistemicDocument document = items[0].Discourse!;
        Assert.All(items, item => Assert.Same(document, item.Discourse));
        Assert.Equal([0, 1, 2, 3], items.Select(i => i.Position));
        Assert.All(Enumerable.Range(0, Questions.Length), k => Assert.True(document.QuestionAfterLeadIn(k), Questions[k]));

        // 'report' reads the same run off the parsed document, whose lead-in is a sentence of its own.
        string text = LeadIn + "\n\n" + string.Join("\n\n", Questions.Select(q => "- " + q));
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(text, "t.md"), TestModels.Set);
        EpistemicDocument report = EpistemicDocument.Of(doc);
        Assert.False(report.QuestionAfterLeadIn(0));
        Assert.All(Enumerable.Range(1, doc.Sentences.Count - 1), k => Assert.True(report.QuestionAfterLeadIn(k), doc.Sentences[k].Text));

        // A question after a statement, or a title-case question opening a section, is not in such a run.
        EpistemicDocument other = EpistemicDocument.OfTexts(
            ["The Army plans to field the system in 2026.", "What Is the Army's Mid-Range Capability System?", "How many batteries will the Army buy?"],
            [false, true, true],
            [null, "The Army plans to field the system in 2026.", "What Is the Army's Mid-Range Capability System?"]);
        Assert.False(other.QuestionAfterLeadIn(1));
        Assert.False(other.QuestionAfterLeadIn(2));
    }

    [Fact]
    public void Report_and_eval_read_the_same_lines_and_rates_off_the_same_sentences()
    {
        string text = string.Join(" ", Mixed);
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(text, "t.txt"), TestModels.Set);
        Assert.Equal(Mixed.Length, doc.Sentences.Count);
        EpistemicDocument report = EpistemicDocument.Of(doc);
        EpistemicDocument eval = EpistemicDocument.OfTexts(Mixed, [.. Mixed.Select((_, k) => k > 0)], [.. Mixed.Select((_, k) => k == 0 ? null : Mixed[k - 1])]);
        for (int k = 0; k < Mixed.Length; k++)
        {
            Assert.Equal(eval[k], report[k]);
            Assert.Equal(eval.OthersRates(k), report.OthersRates(k));
        }

        // Each sentence's rates are those of the other four: its own cues are left out.
        Assert.Equal(EpistemicStance.Attributed, eval[1].Decision);
        Assert.True(eval[2].Hedge);
        Assert.Equal(EpistemicStance.Prescriptive, eval[4].Decision);
        Assert.True(eval[3].Law);
        (double hedge, double attribution, double prescription, double law) = eval.OthersRates(0)!.Value;
        Assert.Equal(Mixed.Skip(1).Count(s => eval[Array.IndexOf(Mixed, s)].Hedge) / 4.0, hedge, 12);
        Assert.Equal(0.25, attribution, 12);
        Assert.Equal(0.25, prescription, 12);
        Assert.Equal(Mixed.Skip(1).Count(s => eval[Array.IndexOf(Mixed, s)].Law) / 4.0, law, 12);
        Assert.Equal(0, eval.OthersRates(1)!.Value.Attribution, 12);
        Assert.Null(EpistemicDocument.OfTexts([Mixed[0]], [false], [null]).OthersRates(0));
    }

    [Fact]
    public void Only_a_model_that_reads_the_document_gets_its_features()
    {
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(
            Questions.Select((q, k) => $$"""{"id":"q{{k}}","doc":"IN10979","text":"{{q}}","prev":"{{(k == 0 ? LeadIn : Questions[k - 1])}}","label":"hedged"}"""));
        string sentence = Questions[2];
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        ReadOnlySpan<Token> span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, span);
        StanceContext context = items[2].Context;
        List<(string Name, float Value)> reading = EpistemicFeatures.Of(span, evidence, context, PreviousSentence.Of(context), document: true);
        List<(string Name, float Value)> plain = EpistemicFeatures.Of(span, evidence, context, PreviousSentence.Of(context), document: false);
        Assert.Contains(reading, f => f.Name == "question:after-lead-in");
        Assert.Contains(reading, f => f.Name == "doc:hedge");
        Assert.DoesNotContain(plain, f => f.Name.StartsWith("doc:", StringComparison.Ordinal) || f.Name == "question:after-lead-in");
        Assert.Equal(plain, reading.Take(plain.Count));

        // A row without a doc has no document: no document features even for a model that reads it.
        StanceContext isolated = StanceContext.For(sentence, Questions[1]);
        Assert.Equal(
            EpistemicFeatures.Of(span, evidence, isolated, PreviousSentence.Of(isolated), document: false),
            EpistemicFeatures.Of(span, evidence, isolated, PreviousSentence.Of(isolated), document: true));
    }

    [Fact]
    public void The_document_flag_of_an_epistemic_model_is_what_the_tagger_follows()
    {
        var model = new LinearStanceModel("epistemic", StanceTagger.EpistemicClasses, [0f, 0f, 0f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, 0f, -1f] });
        Assert.False(new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = model }.EpistemicDocumentContext);
        Assert.True(new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = model.WithDocumentContext().WithTemperature(1.5) }.EpistemicDocumentContext);
        Assert.False(new StanceTagger(TestModels.Set.Valence, null, null).EpistemicDocumentContext);
    }
}
