using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// A sentence's named epistemic features past <see cref="EpistemicFeatures.ShareNamesFrom"/> hold each distinct name once
/// (a long run of modals repeats the same dozen names), every feature still there once per occurrence, with its value.
/// </summary>
public class EpistemicFeatureNamesTests
{
    [Fact]
    public void A_long_run_of_modals_keeps_every_feature_and_shares_their_names()
    {
        const int Modals = 3000;
        string text = string.Concat(Enumerable.Repeat("may ", Modals)).TrimEnd() + ".";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(text, span);
        List<(string Name, float Value)> named = EpistemicFeatures.Of(span, evidence, StanceContext.None, PreviousSentence.Of(StanceContext.None));

        // Every modal still adds its features: the cue's (kind, words, position, neighbours, verb group, subject) and the scope's four.
        Assert.Equal(Modals, evidence.Cues.Count);
        Assert.Equal(Modals, named.Count(f => f.Name == "kind:Hedge"));
        Assert.Equal(Modals, named.Count(f => f.Name.StartsWith("cue:Hedge:", StringComparison.Ordinal)));
        Assert.Equal(4 * Modals, named.Count(f => f.Name.StartsWith("modal:", StringComparison.Ordinal)));
        Assert.Contains(named, f => f.Name == "modal:may:v:<modal>" || f.Name.StartsWith("modal:may:v:", StringComparison.Ordinal));

        // Past the first features, a repeated name is one string: the list holds a few dozen strings, not 33,000.
        int names = named.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count();
        int strings = named.Select(f => f.Name).Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.InRange(names, 10, 60);
        Assert.InRange(strings, names, names + EpistemicFeatures.ShareNamesFrom);
    }

    [Fact]
    public void A_sentence_of_ordinary_length_builds_its_names_as_before()
    {
        const string Text = "The agency may need more staff, the report said, though some analysts argued that costs could fall by 2027.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(Text, new TextSpan(0, Text.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(Text, span);
        List<(string Name, float Value)> named = EpistemicFeatures.Of(span, evidence, StanceContext.None, PreviousSentence.Of(StanceContext.None));

        // Every name and value as they were built before the names were shared (each an interpolated string), in order.
        Assert.True(named.Count < EpistemicFeatures.ShareNamesFrom);
        string[] expected =
        [
            "cue:Hedge:may=1", "kind:Hedge=0.9", "pos:Hedge:1=1", "prev:may:agency=1", "next:may:need=1",
            "source:Hedge=1", "source:may=1", "next2:may:need:more=1", "subject:may:<w>=1",
            "cue:Attribution:the report=1", "kind:Attribution=0.45", "pos:Attribution:1=1", "prev:the report:,=1",
            "next:the report:said=1", "cue:Attribution:said=1", "kind:Attribution=0.9", "pos:Attribution:2=1",
            "prev:said:report=1", "next:said:,=1", "source:Attribution=1", "source:said=1",
            "cue:Attribution:analysts=1", "kind:Attribution=0.5", "pos:Attribution:2=1", "prev:analysts:some=1",
            "next:analysts:argued=1", "cue:Attribution:argued=1", "kind:Attribution=0.9", "pos:Attribution:2=1",
            "prev:argued:analysts=1", "next:argued:that=1", "source:Attribution=1", "source:argued=1",
            "cue:Hedge:could=1", "kind:Hedge=0.55", "pos:Hedge:3=1", "prev:could:costs=1", "next:could:fall=1",
            "source:Hedge=1", "source:could=1", "next2:could:fall:by=1", "subject:could:<w>=1",
            "report-verb+source:said=1", "report-verb+source=1", "report-verb+source:argued=1", "report-verb+source=1",
            "report-verb-that=1", "report-verb+vague-source=1", "rule:Hedged=1", "quote:none=1", "quoted-share=0",
            "prev:none=1", "modal:may:agent=1", "modal:may:v:effect=1", "modal:may:agent:effect=1",
            "modal:agent:effect=1", "report:none=1", "report:none:report=1", "report:none:pos1=1", "report:noun=1",
            "report:noun:say=1", "report:noun:pos1=1", "report:vague=1", "report:vague:argue=1", "report:vague:pos1=1",
            "modal:could:thing=1", "modal:could:v:effect=1", "modal:could:thing:effect=1", "modal:thing:effect=1",
            "sourced-report=1", "before-report:Hedge=1", "inside-report:Hedge=1", "w0:the=1", "w01:the_agency=1"
        ];
        Assert.Equal(expected, named.Select(f => f.Name + "=" + f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
