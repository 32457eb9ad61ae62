using System.Buffers.Binary;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The polarity model's document context (<see cref="DocumentTone"/>, `train stance --document-context`; built in the
/// tenth round, shipped in the eleventh): the mean bad news of the document's other sentences, the same in 'report' and 'eval stance'.
/// </summary>
public class DocumentToneTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    // Sentences of CRS reports (public domain): a litigation report and a programme description.
    private static readonly string[] Litigation =
    [
        "Several states sued to block the rule.",
        "The lawsuit alleged violations of the Administrative Procedure Act.",
        "A federal district court vacated the rule in 2025.",
        "The agency published the rule in the Federal Register.",
    ];

    private static readonly string[] Programme =
    [
        "ENERGY STAR is a voluntary labeling program for energy-efficient products.",
        "Federal agencies consult with the Services.",
        "The program is managed jointly by EPA and DOE.",
        "The agency published the rule in the Federal Register.",
    ];

    private static IReadOnlyList<(string Name, float Value)> Features(string[] document, int sentence)
    {
        string text = document[sentence];
        StanceContext context = StanceContext.None with { Document = DocumentTone.OfTexts(document) };
        return StanceTestSupport.PolarityFeatures(text, PolarityInputs.Previous | PolarityInputs.Document, context);
    }

    [Fact]
    public void The_same_sentence_reads_more_bad_news_around_it_in_a_litigation_report()
    {
        float inLitigation = Features(Litigation, 3).Single(f => f.Name == "doc:bad").Value;
        float inProgramme = Features(Programme, 3).Single(f => f.Name == "doc:bad").Value;
        Assert.True(inLitigation > 0, $"litigation report: {inLitigation}");
        Assert.True(inProgramme < 0, $"programme description: {inProgramme} (centred on the typical report)");
    }

    [Fact]
    public void A_sentence_s_own_bad_news_is_not_part_of_its_document_context()
    {
        // The first sentence's own lawsuit is taken out: its context is the mean of the other three only.
        (double Bad, double Negative) own = DocumentTone.SentenceTone(Words(Litigation[0]), Lexicon);
        Assert.True(own.Bad > 0);
        DocumentTone tone = DocumentTone.OfTexts(Litigation);
        (double Bad, double Negative) others = tone.OthersMean(Lexicon, own)!.Value;
        double expected = Litigation.Skip(1).Average(s => DocumentTone.SentenceTone(Words(s), Lexicon).Bad);
        Assert.Equal(expected, others.Bad, 12);

        // A document of one sentence gives no context; without the flag or without a document, no document features.
        Assert.Null(DocumentTone.OfTexts([Litigation[0]]).OthersMean(Lexicon, own));
        Assert.DoesNotContain(PolarityContext.Of(StanceContext.None with { Document = tone }, Lexicon, [], PolarityInputs.Previous), f => f.Name.StartsWith("doc:", StringComparison.Ordinal));
        Assert.Empty(PolarityContext.Of(StanceContext.None, Lexicon, [], PolarityInputs.Previous | PolarityInputs.Document));
    }

    [Fact]
    public void Report_and_eval_compute_the_same_tone_from_the_same_sentences()
    {
        // 'report' reads the parsed document's tokens; 'eval stance' tokenizes each row of the doc alone.
        string text = string.Join(" ", Litigation);
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(text, "t.txt"), TestModels.Set);
        Assert.Equal(Litigation.Length, doc.Sentences.Count);
        var report = new DocumentTone(doc.Sentences.Count, k => DocumentTone.Words(doc.TokensOf(doc.Sentences[k])));
        DocumentTone eval = DocumentTone.OfTexts([.. doc.Sentences.Select(s => s.Text)]);
        Assert.Equal(eval.Totals(Lexicon), report.Totals(Lexicon));
    }

    [Fact]
    public void Rows_of_one_doc_share_their_document_and_rows_without_doc_have_none()
    {
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(
        [
            """{"id":"a1","doc":"A","text":"Several states filed suit to block the rule.","label":"negative"}""",
            """{"id":"b1","doc":"B","text":"Federal agencies consult with the Services.","label":"neutral"}""",
            """{"id":"a2","doc":"A","text":"The agency published the rule.","prev":"Several states filed suit to block the rule.","label":"neutral"}""",
            """{"id":"x","text":"The M-2 Bradley transports infantry.","label":"neutral"}""",
        ]);
        Assert.Same(items[0].Document, items[2].Document);
        Assert.Equal(2, items[0].Document!.Count);
        Assert.Equal(1, items[1].Document!.Count);
        Assert.Null(items[3].Document);
        Assert.Same(items[0].Document, items[0].Context.Document);
        Assert.Same(items[2].Document, items[2].Context.Document);
        Assert.Equal("Several states filed suit to block the rule.", items[2].Context.Previous);
        Assert.Same(StanceContext.None, items[3].Context);
    }

    [Fact]
    public void The_document_flag_survives_a_round_trip_and_temperature_and_only_such_a_model_is_flagged()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.False(model.ReadsDocument);
        LinearStanceModel reading = model.WithDocumentContext().WithTemperature(0.85);
        Assert.True(reading.ReadsDocument);
        using var buffer = new MemoryStream();
        reading.Save(buffer);
        Assert.Equal(4, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & 4);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.True(loaded.ReadsDocument);
        Assert.True(new StanceTagger(Lexicon, loaded, null).PolarityDocumentContext);
        Assert.False(new StanceTagger(Lexicon, model, null).PolarityDocumentContext);
        using var plain = new MemoryStream();
        model.Save(plain);
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(plain.ToArray().AsSpan(16)) & 4);
    }

    [Fact]
    public void The_shipped_model_reads_the_document_and_report_gives_it_every_sentence_of_the_document()
    {
        // The shipped file carries the flag (eleventh round), so 'report' computes the document's tone for it.
        StanceTagger shipped = TestModels.Set.Stance;
        Assert.True(shipped.PolarityDocumentContext);

        // 'report' on the litigation report tags each sentence as 'eval stance' tags a row of the document (its previous
        // sentence and the tone of all four sentences): the same labels, scores and confidences.
        string text = string.Join(" ", Litigation);
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(text, "t.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        StanceResult report = analysis.GetResult<StanceResult>()!;
        Assert.Equal(Litigation.Length, report.Sentences.Count);
        DocumentTone tone = DocumentTone.OfTexts(Litigation);
        bool moved = false;
        for (int i = 0; i < Litigation.Length; i++)
        {
            StanceContext around = (i == 0 ? StanceContext.None : StanceContext.For(Litigation[i], Litigation[i - 1])) with { Document = tone };
            SentenceStance asEval = StanceEvaluation.Tag(shipped, Litigation[i], around);
            Assert.Equal(asEval.Polarity, report.Sentences[i].Polarity);
            Assert.Equal(asEval.PolarityScore, report.Sentences[i].PolarityScore);
            Assert.Equal(asEval.PolarityConfidence, report.Sentences[i].PolarityConfidence);

            // Without the document the classifier reads something else: the document context is not ignored.
            SentenceStance alone = StanceEvaluation.Tag(shipped, Litigation[i], around with { Document = null });
            moved |= alone.PolarityConfidence != asEval.PolarityConfidence;
        }

        Assert.True(moved, "the document context changed no sentence's polarity confidence");
    }

    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    private static List<string> Words(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. DocumentTone.Words(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens))];
    }
}
