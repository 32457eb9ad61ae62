using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>The documented process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything analysed; no unsuppressed diagnostic at or above --fail-on.</summary>
    public const int Success = 0;

    /// <summary>At least one unsuppressed diagnostic at or above --fail-on.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, or an input that could not be analysed (missing, unreadable, binary, mis-encoded, too large, no matches).</summary>
    public const int UsageOrInputError = 2;

    /// <summary>An internal error (a bug): one line on standard error, the stack trace only with --verbose.</summary>
    public const int InternalError = 3;

    public static int For(IEnumerable<DocumentAnalysis> analyses, Severity failOn)
    {
        bool findings = false;
        foreach (DocumentAnalysis a in analyses)
        {
            foreach (Diagnostic d in a.Diagnostics)
            {
                if (InputRules.IsLoadFailure(d.Rule) && !d.IsSuppressed)
                {
                    return UsageOrInputError;
                }

                if (failOn != Severity.None && !d.IsSuppressed && d.Severity >= failOn)
                {
                    findings = true;
                }
            }

            if (!a.Loaded)
            {
                return UsageOrInputError;
            }
        }

        return findings ? Findings : Success;
    }

    /// <summary>The same decision from document records (e.g. merged partial results): a failed document means 2.</summary>
    public static int For(IEnumerable<DocumentReport> documents, Severity failOn)
    {
        bool findings = false;
        foreach (DocumentReport document in documents)
        {
            if (document.Status != "analysed")
            {
                return UsageOrInputError;
            }

            findings |= failOn != Severity.None && document.Diagnostics.Any(d =>
                d.Suppression is null && Severities.TryParse(d.Severity, out Severity s) && s >= failOn);
        }

        return findings ? Findings : Success;
    }
}
