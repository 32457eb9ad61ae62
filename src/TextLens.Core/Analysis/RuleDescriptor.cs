using System.Globalization;
using System.Text.RegularExpressions;

namespace TextLens.Core.Analysis;

/// <summary>
/// A rule an analyzer can report: its id (TL and four digits), title, message format (composite
/// format, {0}…), category, default severity and help. Rules are data; the catalogue is the union
/// of what every analyzer declares.
/// </summary>
public sealed partial record RuleDescriptor
{
    public RuleDescriptor(string id, string title, string messageFormat, string category, Severity defaultSeverity, string help, string? example = null)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"Rule id '{id}' is not 'TL' followed by four digits.", nameof(id));
        }

        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Help = help;
        Example = example;
    }

    public string Id { get; }

    public string Title { get; }

    public string MessageFormat { get; }

    public string Category { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>What the rule finds, why it matters and what to do.</summary>
    public string Help { get; }

    /// <summary>An example of text the rule reports, for 'textlens explain'.</summary>
    public string? Example { get; }

    /// <summary>A short name in PascalCase derived from the title, used by SARIF.</summary>
    public string Name => string.Concat(Title.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]).Where(w => char.IsLetterOrDigit(w[0])))
        .Replace(",", string.Empty, StringComparison.Ordinal).Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);

    /// <summary>An absolute URL of the rule's documentation, when the project publishes one; otherwise null.</summary>
    public string? HelpUri { get; init; }

    /// <summary>Where the rule is documented in the repository (docs/rules.md is generated from the catalogue).</summary>
    public string DocumentationAnchor => $"docs/rules.md#{Id.ToLowerInvariant()}";

    public string FormatMessage(params object?[] args) => string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <summary>Whether a word has the form of a TextLens rule id (TL and four digits), in any case: 'tl9999' as .editorconfig keys are read.</summary>
    internal static bool IsWellFormedId(string word) =>
        word.Length == 6 && word[0] is ('T' or 't') && word[1] is ('L' or 'l') && word.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    [GeneratedRegex("^TL[0-9]{4}$")]
    private static partial Regex IdPattern();
}
