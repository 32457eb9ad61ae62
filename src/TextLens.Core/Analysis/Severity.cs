namespace TextLens.Core.Analysis;

/// <summary>How much a diagnostic matters. <see cref="None"/> turns a rule off.</summary>
public enum Severity
{
    None = 0,
    Suggestion = 1,
    Warning = 2,
    Error = 3,
}

public static class Severities
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.None => "none",
        Severity.Suggestion => "suggestion",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Parses none|suggestion|warning|error (also silent, info, hint and note as their usual aliases).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none" or "silent" or "off":
                severity = Severity.None;
                return true;
            case "suggestion" or "info" or "hint" or "note":
                severity = Severity.Suggestion;
                return true;
            case "warning" or "warn":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }
}
