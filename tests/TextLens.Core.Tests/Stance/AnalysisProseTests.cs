using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training;
using TextLens.Training.Evaluation;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;

namespace TextLens.Core.Tests.Stance;

/// <summary>Stance on policy-analysis prose (CRS-style reports): description of law and programmes is neutral, headings state nothing.</summary>
public class AnalysisProseTests
{
    private static SentenceStance Tag(string sentence, StanceContext context)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return TestModels.Set.Stance.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens), context);
    }

    [Theory]
    [InlineData("The M-2 Bradley transports infantry.")]
    [InlineData("Federal agencies consult with the Services.")]
    [InlineData("On March 3, the House passed H.R. 1156.")]
    public void Description_of_programmes_procedure_and_events_is_neutral(string sentence)
    {
        SentenceStance s = Tag(sentence, StanceContext.None);
        Assert.Equal(Polarity.Neutral, s.Polarity);
        Assert.InRange(s.PolarityScore, -StanceTagger.NeutralBand, StanceTagger.NeutralBand);
    }

    [Theory]
    [InlineData("Potential Oversight Issue for Congress")]
    [InlineData("FY2027 XM-30 Budget Request")]
    [InlineData("Overview")]
    public void Headings_carry_no_polarity(string heading)
    {
        StanceContext context = StanceContext.For(heading, "The Army plans to field the first units in FY2029.");
        Assert.True(context.Heading);
        SentenceStance s = Tag(heading, context);
        Assert.Equal(Polarity.Neutral, s.Polarity);
        Assert.Equal(0, s.PolarityScore);
    }

    [Theory]
    [InlineData("The Army plans to field the first units in FY2029.", false)]
    [InlineData("What does the bill change?", false)]
    [InlineData("a lower-case fragment without a period", false)]
    [InlineData("Potential Oversight Issues for Congress", true)]
    [InlineData("Table 1. Funding by Fiscal Year", true)]
    public void Headings_are_recognised_in_plain_text(string line, bool heading)
    {
        Assert.Equal(heading, StanceContext.LooksLikeHeading(line));
    }

    [Theory]
    [InlineData("The report stated:", true)]
    [InlineData("According to Defense News,", true)]
    [InlineData("The committee met on Tuesday.", false)]
    public void A_lead_in_is_read_off_the_previous_sentence(string previous, bool leadIn)
    {
        Assert.Equal(leadIn, PreviousSentence.Of(new StanceContext(previous, false)).LeadIn);
    }

    [Fact]
    public void A_quotation_left_open_is_seen_in_the_previous_sentence()
    {
        Assert.True(PreviousSentence.OpensQuotation("The Secretary wrote: “The program has met every milestone."));
        Assert.False(PreviousSentence.OpensQuotation("The Secretary wrote that “the program has met every milestone.”"));
    }

    [Fact]
    public void Epistemic_training_is_reproducible_byte_for_byte_and_reads_the_context()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.epistemic.dev.jsonl");
        string other = SharedData.RequireOrSkip("data", "stance", "polarity_vader_other.train.jsonl");
        IReadOnlyList<StanceItem> silver = StanceTrainer.RuleLabelled(StanceEvaluation.ReadJsonl(other).Take(200), 0.1);
        Assert.All(silver, i => Assert.Contains(i.Label("label"), StanceTagger.EpistemicClasses));
        Assert.All(silver, i => Assert.True(i.RuleLabelled));
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(300), .. silver];
        byte[] Train()
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Epistemic, items, new StanceTrainingOptions { ClassBalance = 0.5 }, TestModels.Set.Valence);
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }

        byte[] first = Train();
        Assert.Equal(first, Train());
        using var stream = new MemoryStream(first);
        LinearStanceModel loaded = LinearStanceModel.Load(stream);
        Assert.Equal(StanceTagger.EpistemicClasses, loaded.Classes);
        Assert.Equal(StanceFeaturizer.EpistemicVersion, loaded.FeatureVersion);
    }

    [Fact]
    public void The_epistemic_model_must_have_the_four_tags()
    {
        var wrong = new LinearStanceModel("epistemic", ["asserted", "hedged"], [0f, 0f], []);
        Assert.Throws<ArgumentException>(() => new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = wrong });
    }
}
