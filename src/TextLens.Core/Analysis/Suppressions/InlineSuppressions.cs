using System.Text.RegularExpressions;
using TextLens.Core.Text;

namespace TextLens.Core.Analysis.Suppressions;

/// <summary>What a suppression directive does.</summary>
public enum DirectiveKind
{
    /// <summary><c>textlens-disable [ids]</c>: the rules are off from here until a matching enable (or the end of the file).</summary>
    Disable,

    /// <summary><c>textlens-enable [ids]</c>: the rules are on again from here.</summary>
    Enable,

    /// <summary><c>textlens-disable-next-line [ids]</c>: the rules are off on the next non-blank line.</summary>
    DisableNextLine,
}

/// <summary>
/// One directive found in a document. <see cref="RuleIds"/> is empty when the directive applies to
/// every rule. <see cref="TargetLine"/> is the zero-based line a disable-next-line applies to (-1 if none).
/// </summary>
public sealed record SuppressionDirective(DirectiveKind Kind, IReadOnlySet<string> RuleIds, TextSpan Span, int TargetLine)
{
    public bool AppliesTo(string ruleId) => RuleIds.Count == 0 || RuleIds.Contains(ruleId);
}

/// <summary>
/// Inline suppression directives, Roslyn-pragma style, written where a reader of the source can see them.
/// <list type="bullet">
/// <item>Markdown: an HTML comment, e.g. <c>&lt;!-- textlens-disable TL3001 --&gt;</c> (HTML comments are not prose, so they do not show when rendered;
/// one inside a code span or code block is an example, not a directive).</item>
/// <item>Plain text: a line of its own whose first non-blank characters are <c>%%</c>, e.g. <c>%% textlens-disable TL3001</c>
/// (such lines are comments: they are never analysed as prose).</item>
/// </list>
/// Rule ids are separated by spaces or commas; none means every rule. A diagnostic is suppressed
/// (kept, marked <see cref="SuppressionKind.InSource"/>) when the last disable/enable directive before
/// it that names its rule is a disable, or when a disable-next-line directive targets its first line.
/// A diagnostic about the whole file (no position) is suppressed when its rule is disabled at the end
/// of the file, e.g. by a disable with no enable after it.
/// </summary>
public sealed partial class InlineSuppressions
{
    private readonly IReadOnlyList<SuppressionDirective> _directives;
    private readonly SourceText _source;

    private InlineSuppressions(SourceText source, IReadOnlyList<SuppressionDirective> directives)
    {
        _source = source;
        _directives = directives;
    }

    /// <summary>The directives in document order.</summary>
    public IReadOnlyList<SuppressionDirective> Directives => _directives;

    public static InlineSuppressions Parse(SourceText source)
    {
        var directives = new List<SuppressionDirective>();
        if (!source.Content.Contains("textlens-", StringComparison.Ordinal))
        {
            return new InlineSuppressions(source, directives);
        }

        if (source.Format == DocumentFormat.Markdown)
        {
            // Only real HTML comments count: a directive shown in a code span or code block is an example, not a directive.
            IReadOnlyList<TextSpan> html = ProseLayout.HtmlSpans(source.Content);
            foreach (Match m in MarkdownDirective().Matches(source.Content))
            {
                var span = new TextSpan(m.Index, m.Length);
                if (html.Any(h => h.Contains(span)))
                {
                    directives.Add(Create(source, m));
                }
            }
        }
        else
        {
            for (int line = 0; line < source.LineCount; line++)
            {
                TextSpan span = source.GetLineSpan(line);
                if (!ProseLayout.IsCommentLine(source.Slice(span)))
                {
                    continue;
                }

                Match m = PlainTextDirective().Match(source.Content, span.Start, span.Length);
                if (m.Success)
                {
                    directives.Add(Create(source, m));
                }
            }
        }

        return new InlineSuppressions(source, directives);
    }

    /// <summary>Marks suppressed diagnostics <see cref="SuppressionKind.InSource"/>; others are returned unchanged.</summary>
    public IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_directives.Count == 0)
        {
            return diagnostics;
        }

        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (Diagnostic d in diagnostics)
        {
            result.Add(!d.IsSuppressed && IsSuppressed(d.Id, d.Span) ? d with { Suppression = SuppressionKind.InSource } : d);
        }

        return result;
    }

    /// <summary>Whether a rule is off at a span (or, with no span, at the end of the file).</summary>
    public bool IsSuppressed(string ruleId, TextSpan? span)
    {
        int position = span?.Start ?? _source.Length;
        int line = span is { } s ? _source.GetLinePosition(s.Start).Line : -1;
        bool disabled = false;
        bool nextLine = false;
        foreach (SuppressionDirective d in _directives)
        {
            if (!d.AppliesTo(ruleId))
            {
                continue;
            }

            if (d.Kind == DirectiveKind.DisableNextLine)
            {
                nextLine |= line >= 0 && d.TargetLine == line;
            }
            else if (d.Span.End <= position)
            {
                disabled = d.Kind == DirectiveKind.Disable;
            }
        }

        return disabled || nextLine;
    }

    private static SuppressionDirective Create(SourceText source, Match m)
    {
        DirectiveKind kind = m.Groups["kind"].Value switch
        {
            "disable" => DirectiveKind.Disable,
            "enable" => DirectiveKind.Enable,
            _ => DirectiveKind.DisableNextLine,
        };
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match id in RuleId().Matches(m.Groups["ids"].Value))
        {
            ids.Add(id.Value.ToUpperInvariant());
        }

        var span = new TextSpan(m.Index, m.Length);
        int target = -1;
        if (kind == DirectiveKind.DisableNextLine)
        {
            int line = source.GetLinePosition(span.End).Line + 1;
            while (line < source.LineCount && source.Slice(source.GetLineSpan(line)).IsWhiteSpace())
            {
                line++;
            }

            target = line < source.LineCount ? line : -1;
        }

        return new SuppressionDirective(kind, ids, span, target);
    }

    [GeneratedRegex(@"<!--\s*textlens-(?<kind>disable-next-line|disable|enable)\b(?<ids>(?:(?!-->)[^\r\n])*?)\s*-->", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownDirective();

    [GeneratedRegex(@"\G[ \t]*%%[ \t]*textlens-(?<kind>disable-next-line|disable|enable)\b(?<ids>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PlainTextDirective();

    [GeneratedRegex("TL[0-9]{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
