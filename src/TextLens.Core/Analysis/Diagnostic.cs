using TextLens.Core.Text;

namespace TextLens.Core.Analysis;

/// <summary>Why a diagnostic is not counted: an inline comment, or a baseline entry.</summary>
public enum SuppressionKind
{
    None,
    InSource,
    Baseline,
}

/// <summary>
/// One finding: the rule, the severity in effect for this document, the message and where it is.
/// Diagnostics about a whole file (missing, binary…) have no span.
/// </summary>
public sealed record Diagnostic(RuleDescriptor Rule, Severity Severity, string Message, string Path, TextSpan? Span, LinePositionSpan? Location)
{
    public string Id => Rule.Id;

    public SuppressionKind Suppression { get; init; }

    /// <summary>The text the diagnostic points at (at most one line), for SARIF snippets and baselines.</summary>
    public string? Snippet { get; init; }

    public bool IsSuppressed => Suppression != SuppressionKind.None;

    /// <summary>A stable identity that survives edits elsewhere in the file (see Baselines/DiagnosticFingerprints); set by the engine.</summary>
    public string? Fingerprint { get; init; }

    public static Diagnostic ForFile(RuleDescriptor rule, string path, params object?[] args) =>
        new(rule, rule.DefaultSeverity, rule.FormatMessage(args), path, null, null);
}
