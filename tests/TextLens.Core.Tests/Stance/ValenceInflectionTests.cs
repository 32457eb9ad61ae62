using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary><see cref="ValenceLexicon.TryGetInflected"/> looks base forms up as spans: the same answer as trying <see cref="ValenceLexicon.BaseForms"/> in order.</summary>
public class ValenceInflectionTests
{
    [Fact]
    public void Span_lookups_agree_with_the_base_forms_tried_in_order()
    {
        ValenceLexicon lexicon = TestModels.Set.Valence;
        string[] suffixes = ["", "s", "es", "ies", "ied", "ed", "d", "ing", "ning", "ting", "ped", "ged", "ss", "sses"];
        var words = new HashSet<string>(StringComparer.Ordinal)
        {
            "crimes", "penalties", "helped", "delays", "deaths", "tied", "stopped", "worries", "Crimes", "hoping", "ruining", "kidnapping",
            "tries", "dies", "succeeded", "loving", "hated", "abuses", "", "a", "abcd", "ABCDEFG", "naïve", "worried", "worrying",
            new string('x', 70) + "ing", new string('y', 80) + "ies",
        };
        foreach (string path in Directory.GetFiles(TestPaths.Repo("seeds")))
        {
            foreach (string token in File.ReadAllText(path).Split([' ', '\n', '\r', '\t', ',', '.', '"', '(', ')', ';', ':'], StringSplitOptions.RemoveEmptyEntries))
            {
                string lower = token.ToLowerInvariant();
                words.Add(lower);
                foreach (string suffix in suffixes)
                {
                    words.Add(lower + suffix);
                }
            }
        }

        int inflected = 0;
        foreach (string word in words)
        {
            bool expected = Reference(lexicon, word, out float expectedValence);
            Assert.Equal(expected, lexicon.TryGetInflected(word, out float valence));
            Assert.Equal(expectedValence, valence);
            inflected += expected && !lexicon.TryGet(word, out _) ? 1 : 0;
        }

        Assert.True(inflected > 50, $"only {inflected} words found by a base form");
    }

    private static bool Reference(ValenceLexicon lexicon, string lower, out float valence)
    {
        if (lexicon.TryGet(lower, out valence))
        {
            return true;
        }

        foreach (string lemma in ValenceLexicon.BaseForms(lower))
        {
            if (lemma.Length >= 4 && lexicon.TryGet(lemma, out valence))
            {
                return true;
            }
        }

        valence = 0;
        return false;
    }
}
