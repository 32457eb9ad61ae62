using System.Security.Cryptography;
using System.Text;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analysis.Baselines;

/// <summary>
/// Stable identities for diagnostics, used by baselines and by SARIF <c>partialFingerprints</c>.
/// A fingerprint hashes the rule id, the document path, the text of the sentence the diagnostic starts
/// in and the text it points at (both with white space folded), plus the occurrence index among
/// diagnostics with the same key in the document. It holds no line or column, so it survives edits
/// elsewhere in the file (lines added above, other paragraphs rewritten); editing the sentence itself
/// makes the finding new. Diagnostics about a whole file hash the rule id and path only.
/// </summary>
public static class DiagnosticFingerprints
{
    /// <summary>The fingerprint format version, part of the hashed key.</summary>
    public const string Version = "textlens/v1";

    /// <summary>Returns the diagnostics, in the same order, each with <see cref="Diagnostic.Fingerprint"/> set.</summary>
    public static IReadOnlyList<Diagnostic> Assign(IReadOnlyList<Diagnostic> diagnostics, ParsedDocument? document)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (Diagnostic d in diagnostics)
        {
            string key = Key(d, document);
            int occurrence = seen.GetValueOrDefault(key);
            seen[key] = occurrence + 1;
            result.Add(d with { Fingerprint = Hash(key + "\u001f" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        return result;
    }

    private static string Key(Diagnostic d, ParsedDocument? document)
    {
        var key = new StringBuilder(Version).Append('\u001f').Append(d.Id).Append('\u001f').Append(d.Path);
        if (d.Span is { } span)
        {
            string context = string.Empty;
            if (document is not null)
            {
                int sentence = document.SentenceAt(span.Start);
                context = sentence >= 0 ? document.Sentences[sentence].Text : string.Empty;
            }

            string target = d.Snippet ?? (document is not null && span.End <= document.Source.Length ? document.Source.ToString(span) : string.Empty);
            key.Append('\u001f').Append(Normalize(context)).Append('\u001f').Append(Normalize(target));
        }

        return key.ToString();
    }

    /// <summary>White space folded to single spaces and trimmed.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}
