using TextLens.Fuzz;

namespace TextLens.Core.Tests.Robustness;

/// <summary>
/// Every input in bench/fuzz/corpus (the crashing inputs, and any crash the fuzzer finds, added there)
/// replayed through its fuzz target: each must return normally, with the targets' span invariants holding.
/// </summary>
public sealed class FuzzCorpusTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        string corpus = TestPaths.Repo("bench", "fuzz", "corpus");
        foreach (string target in FuzzTargets.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(corpus, target)).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_corpus_input_passes_its_target(string target, string file)
    {
        byte[] input = File.ReadAllBytes(TestPaths.Repo("bench", "fuzz", "corpus", target, file));
        FuzzTargets.All[target](input);
    }

    [Fact]
    public void Every_target_has_a_corpus() =>
        Assert.All(FuzzTargets.All.Keys, t => Assert.NotEmpty(Directory.EnumerateFiles(TestPaths.Repo("bench", "fuzz", "corpus", t))));
}
