using TextLens.Core.Analyzers.Themes;

namespace TextLens.Core.Reporting;

/// <summary>
/// One theme of a document in the JSON report: id (0, 1, … in order of first appearance), a short
/// label, its distinctive terms with weights (1 for the top term), the indices of its sentences
/// (ascending), the index of its representative sentence (the one closest to the theme's centre,
/// always one of <see cref="Sentences"/>) and its share of the document's sentences. Sentences that
/// fit no theme have cluster -1 and belong to no entry.
/// </summary>
public sealed record ClusterReport(int Id, string Label, IReadOnlyList<ClusterTermReport> Terms, IReadOnlyList<int> Sentences, int Representative, double Share);

public sealed record ClusterTermReport(string Text, double Weight);

public static class ThemeReports
{
    public static IReadOnlyList<ClusterReport> From(ThemeResult result) =>
        [.. result.Themes.Select(t => new ClusterReport(
            t.Id, t.Label, [.. t.Terms.Select(x => new ClusterTermReport(x.Text, x.Weight))], t.Sentences, t.Representative, t.Share))];
}
