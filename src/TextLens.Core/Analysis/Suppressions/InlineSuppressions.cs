using System.Text.RegularExpressions;
using TextLens.Core.Analysis.Configuration;
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
/// One directive found in a document. <see cref="RuleIds"/> is empty when the directive applies to every rule, unless it
/// names words that are not rule ids (<see cref="Unrecognised"/>, a misspelt id): then it applies to the ids it does name,
/// and to no rule if there are none. <see cref="TargetLine"/> is the zero-based line a disable-next-line applies to (-1 if none).
/// </summary>
public sealed record SuppressionDirective(DirectiveKind Kind, IReadOnlySet<string> RuleIds, TextSpan Span, int TargetLine)
{
    /// <summary>The words of the directive that are not rule ids (TL and four digits), in order.</summary>
    public IReadOnlyList<string> Unrecognised { get; init; } = [];

    /// <summary>The rule ids of <see cref="RuleIds"/> (upper case) in the order the directive names them.</summary>
    public IReadOnlyList<string> RuleIdsInOrder { get; init; } = [];

    public bool AppliesToEveryRule => RuleIds.Count == 0 && Unrecognised.Count == 0;

    public bool AppliesTo(string ruleId) => AppliesToEveryRule || RuleIds.Contains(ruleId);
}

/// <summary>
/// Inline suppression directives, Roslyn-pragma style, written where a reader of the source can see them.
/// <list type="bullet">
/// <item>Markdown: an HTML comment, e.g. <c>&lt;!-- textlens-disable TL3001 --&gt;</c> (HTML comments are not prose, so they do not show when rendered;
/// one inside a code span or code block is an example, not a directive).</item>
/// <item>Plain text: a line of its own whose first non-blank characters are <c>%%</c>, e.g. <c>%% textlens-disable TL3001</c>
/// (such lines are comments: they are never analysed as prose).</item>
/// </list>
/// Rule ids are separated by spaces or commas; none means every rule. A word that is not a rule id (a misspelt id) is
/// reported (TL0011) and the directive applies to the ids it does name only: read as "no ids", it would hide every
/// finding. So is a well-formed id that no rule of the run has (TL3010 typed for TL3001), checked against the catalogue
/// the analyzers declare: such a directive hides nothing, and its author should know. A diagnostic is suppressed
/// (kept, marked <see cref="SuppressionKind.InSource"/>) when the last disable/enable directive before
/// it that names its rule is a disable, or when a disable-next-line directive targets its first line.
/// A diagnostic about the whole file (no position) is suppressed when its rule is disabled at the end
/// of the file, e.g. by a disable with no enable after it.
/// </summary>
public sealed partial class InlineSuppressions
{
    private readonly IReadOnlyList<SuppressionDirective> _directives;
    private readonly SourceText _source;
    private readonly RuleTimeline _allRules = new();
    private readonly Dictionary<string, RuleTimeline> _byRule = new(StringComparer.OrdinalIgnoreCase);

    private InlineSuppressions(SourceText source, IReadOnlyList<SuppressionDirective> directives)
    {
        _source = source;
        _directives = directives;
        for (int i = 0; i < directives.Count; i++)
        {
            SuppressionDirective d = directives[i];
            if (d.AppliesToEveryRule)
            {
                _allRules.Add(d, i);
                continue;
            }

            foreach (string id in d.RuleIds)
            {
                if (!_byRule.TryGetValue(id, out RuleTimeline? timeline))
                {
                    _byRule[id] = timeline = new RuleTimeline();
                }

                timeline.Add(d, i);
            }
        }
    }

    /// <summary>The directives in document order.</summary>
    public IReadOnlyList<SuppressionDirective> Directives => _directives;

    /// <summary>The directives of <paramref name="source"/>.</summary>
    /// <param name="source">The document.</param>
    /// <param name="html">
    /// For Markdown, the spans of raw HTML in <paramref name="source"/> when already known (<see cref="ProseLayout.Html"/> of its
    /// parse); null: found here.
    /// </param>
    public static InlineSuppressions Parse(SourceText source, IReadOnlyList<TextSpan>? html = null)
    {
        var directives = new List<SuppressionDirective>();
        if (!source.Content.Contains("textlens-", StringComparison.Ordinal))
        {
            return new InlineSuppressions(source, directives);
        }

        // Directives that name the same rules share one set (a long document repeats a few directives many times).
        var ruleSets = new Dictionary<string, RuleList>(StringComparer.Ordinal);

        // And the same directive text is read once: matches are found without allocating (EnumerateMatches), and only a
        // text not seen before is matched again for its groups (100,000 Match objects cost more than the search).
        var byText = new Dictionary<string, (DirectiveKind Kind, RuleList Rules)>(StringComparer.Ordinal);
        if (source.Format == DocumentFormat.Markdown)
        {
            // Only real HTML comments count: a directive shown in a code span or code block is an example, not a directive.
            html ??= ProseLayout.HtmlSpans(source.Content);
            foreach (TextSpan span in MarkdownDirectiveSpans(source.Content))
            {
                if (InsideAny(html, span))
                {
                    directives.Add(Create(source, span, Read(MarkdownDirective(), source.Content, span, span.Start, span.Length, byText, ruleSets)));
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

                foreach (ValueMatch m in PlainTextDirective().EnumerateMatches(source.Content.AsSpan(span.Start, span.Length)))
                {
                    var found = new TextSpan(span.Start + m.Index, m.Length);
                    directives.Add(Create(source, found, Read(PlainTextDirective(), source.Content, found, span.Start, span.Length, byText, ruleSets)));
                    break; // \G: at most one, at the start of the line
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

    /// <summary>
    /// Whether a rule is off at a span (or, with no span, at the end of the file). Each query is two binary
    /// searches and two set look-ups, so 100,000 directives cost no more per diagnostic than ten.
    /// </summary>
    public bool IsSuppressed(string ruleId, TextSpan? span)
    {
        int position = span?.Start ?? _source.Length;
        int line = span is { } s ? _source.GetLinePosition(s.Start).Line : -1;
        _byRule.TryGetValue(ruleId, out RuleTimeline? own);
        if (line >= 0 && (_allRules.TargetsLine(line) || own?.TargetsLine(line) == true))
        {
            return true;
        }

        (int order, bool disabled) = _allRules.StateAt(position);
        if (own is not null && own.StateAt(position) is var specific && specific.Order > order)
        {
            disabled = specific.Disabled;
        }

        return disabled;
    }

    /// <summary>Whether a span lies inside one of the sorted spans (binary search on the start).</summary>
    private static bool InsideAny(IReadOnlyList<TextSpan> sorted, TextSpan span)
    {
        int lo = 0;
        int hi = sorted.Count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Start <= span.Start)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Spans may nest (inline HTML inside a block): look back over the ones that start before the directive.
        for (int i = found; i >= 0 && i > found - 4; i--)
        {
            if (sorted[i].Contains(span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The kind and rule ids of the directive <paramref name="pattern"/> found at <paramref name="span"/> when searching the
    /// input <paramref name="inputStart"/>..+<paramref name="inputLength"/> of <paramref name="content"/>. The groups depend
    /// only on the matched text (neither pattern looks before its start or past its end), so they are read once per text.
    /// </summary>
    private static (DirectiveKind Kind, RuleList Rules) Read(
        Regex pattern, string content, TextSpan span, int inputStart, int inputLength,
        Dictionary<string, (DirectiveKind, RuleList)> byText, Dictionary<string, RuleList> ruleSets)
    {
        var known = byText.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(content.AsSpan(span.Start, span.Length), out (DirectiveKind, RuleList) read))
        {
            return read;
        }

        Match m = pattern.Match(content, inputStart, inputLength);
        if (m.Index != span.Start || m.Length != span.Length)
        {
            throw new InvalidOperationException("A directive was found at two places in the same input.");
        }

        DirectiveKind kind = m.Groups["kind"].ValueSpan switch
        {
            "disable" => DirectiveKind.Disable,
            "enable" => DirectiveKind.Enable,
            _ => DirectiveKind.DisableNextLine,
        };
        string ids = m.Groups["ids"].Value;
        if (!ruleSets.TryGetValue(ids, out RuleList? set))
        {
            var parsed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var inOrder = new List<string>();
            var unrecognised = new List<string>();
            foreach (string word in ids.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word == "--")
                {
                    break; // the rest is a note: "textlens-disable TL3002 -- the figures are the agency's own"
                }

                MatchCollection found = RuleId().Matches(word);
                if (found.Count == 0)
                {
                    unrecognised.Add(word);
                }

                foreach (Match id in found)
                {
                    string upper = id.Value.ToUpperInvariant();
                    if (parsed.Add(upper))
                    {
                        inOrder.Add(upper);
                    }
                }
            }

            ruleSets[ids] = set = new RuleList(parsed, inOrder, unrecognised);
        }

        byText[m.Value] = read = (kind, set);
        return read;
    }

    private static SuppressionDirective Create(SourceText source, TextSpan span, (DirectiveKind Kind, RuleList Rules) read)
    {
        (DirectiveKind kind, RuleList rules) = read;
        IReadOnlySet<string> ids = rules.Ids;
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

        return new SuppressionDirective(kind, ids, span, target) { Unrecognised = rules.Unrecognised, RuleIdsInOrder = rules.InOrder };
    }

    /// <summary>
    /// TL0011 for each directive that names words that are not rule ids, or rule ids that are not in
    /// <paramref name="rules"/> (at the configured severity; none when it is <see cref="Severity.None"/>), saying which
    /// rules the directive applies to instead.
    /// </summary>
    /// <param name="severities">The severity of TL0011 for this document.</param>
    /// <param name="rules">The rule catalogue of the run: the input rules and every rule the analyzers declare.</param>
    public IEnumerable<Diagnostic> Problems(ISeverityConfiguration severities, IReadOnlyCollection<RuleDescriptor> rules)
    {
        ArgumentNullException.ThrowIfNull(severities);
        ArgumentNullException.ThrowIfNull(rules);
        Severity severity = Severity.None;
        HashSet<string>? known = null;
        foreach (SuppressionDirective d in _directives)
        {
            if (d.Unrecognised.Count == 0 && d.RuleIds.Count == 0)
            {
                continue;
            }

            known ??= new HashSet<string>(rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            string[] unknown = [.. d.RuleIdsInOrder.Where(id => !known.Contains(id))];
            if (d.Unrecognised.Count == 0 && unknown.Length == 0)
            {
                continue;
            }

            if (severity == Severity.None && (severity = severities.GetSeverity(InputRules.BadSuppression, _source.Path)) == Severity.None)
            {
                yield break;
            }

            string kind = d.Kind switch
            {
                DirectiveKind.Disable => "disable",
                DirectiveKind.Enable => "enable",
                _ => "disable-next-line",
            };
            var named = new List<string>(2);
            if (d.Unrecognised.Count > 0)
            {
                named.Add(Quote(d.Unrecognised) + ", not rule ids (TL and four digits)");
            }

            if (unknown.Length > 0)
            {
                named.Add(Quote(unknown) + ", rule ids that no rule has ('textlens rules' lists them)");
            }

            string[] applying = [.. d.RuleIds.Where(known.Contains).Order(StringComparer.Ordinal)];
            string applies = applying.Length == 0 ? "it applies to no rule" : "it applies to " + string.Join(", ", applying) + " only";
            yield return new Diagnostic(InputRules.BadSuppression, severity, InputRules.BadSuppression.FormatMessage(kind, string.Join(", and ", named), applies), _source.Path, d.Span, _source.GetLinePositionSpan(d.Span));
        }
    }

    /// <summary>At most five words, quoted (a long one cut), and how many more.</summary>
    private static string Quote(IReadOnlyList<string> words) =>
        string.Join(", ", words.Take(5).Select(w => $"'{(w.Length > 40 ? w[..39] + "…" : w)}'")) + (words.Count > 5 ? $" and {words.Count - 5} more" : string.Empty);

    /// <summary>The rule ids a directive names (as a set, and in order), and its words that are not rule ids.</summary>
    private sealed record RuleList(IReadOnlySet<string> Ids, IReadOnlyList<string> InOrder, IReadOnlyList<string> Unrecognised);

    /// <summary>The disable/enable directives of one rule (or of all rules) in document order, and its disable-next-line targets.</summary>
    private sealed class RuleTimeline
    {
        private readonly List<(int End, int Order, bool Disabled)> _switches = [];
        private readonly HashSet<int> _targetLines = [];

        public void Add(SuppressionDirective d, int order)
        {
            if (d.Kind == DirectiveKind.DisableNextLine)
            {
                if (d.TargetLine >= 0)
                {
                    _targetLines.Add(d.TargetLine);
                }

                return;
            }

            _switches.Add((d.Span.End, order, d.Kind == DirectiveKind.Disable));
        }

        public bool TargetsLine(int line) => _targetLines.Contains(line);

        /// <summary>The last switch that ends at or before the position: its document order (-1 if none) and whether it disables.</summary>
        public (int Order, bool Disabled) StateAt(int position)
        {
            int lo = 0;
            int hi = _switches.Count - 1;
            int found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_switches[mid].End <= position)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found < 0 ? (-1, false) : (_switches[found].Order, _switches[found].Disabled);
        }
    }

    [GeneratedRegex(@"<!--\s*textlens-(?<kind>disable-next-line|disable|enable)\b(?<ids>(?:(?!-->)[^\r\n])*?)\s*-->", RegexOptions.CultureInvariant)]
    internal static partial Regex MarkdownDirective();

    /// <summary>
    /// The spans <see cref="MarkdownDirective"/> matches in <paramref name="text"/>, the same ones its
    /// <c>EnumerateMatches</c> gives, found in time linear in the text. The pattern's own search is quadratic where a
    /// line holds many directive openings and no <c>--&gt;</c>: from each opening it reads to the end of the line before
    /// it fails (10,000 unclosed <c>&lt;!-- textlens-disable</c> on one line took 97 s). Here each opening reads only its
    /// own head (<see cref="MarkdownDirectiveHead"/>); where the directive ends is the first <c>--&gt;</c> after the head on
    /// its line or, when the line ends first, the <c>--&gt;</c> after nothing but white space from there (the pattern's
    /// <c>\s*--&gt;</c>). The next <c>--&gt;</c>, the next line end and the white space after a line end are each found
    /// once and kept while the openings that need them follow.
    /// </summary>
    internal static List<TextSpan> MarkdownDirectiveSpans(string text)
    {
        var spans = new List<TextSpan>();
        (int From, int At) close = (-1, -1), lineEnd = (-1, -1), blankUntil = (-1, -1);
        int position = 0;
        while (position < text.Length && text.IndexOf("<!--", position, StringComparison.Ordinal) is int start and >= 0)
        {
            Match head = MarkdownDirectiveHead().Match(text, start);
            if (!head.Success)
            {
                position = start + 1;
                continue;
            }

            int ids = start + head.Length;
            int closeAt = Next(ref close, ids, from => text.IndexOf("-->", from, StringComparison.Ordinal));
            int endAt = Next(ref lineEnd, ids, from => text.AsSpan(from).IndexOfAny('\r', '\n') is int i and >= 0 ? from + i : text.Length);
            int end = -1;
            if (closeAt >= 0 && closeAt < endAt)
            {
                end = closeAt + 3;
            }
            else if (endAt < text.Length)
            {
                // Only white space (the line end included) may stand between the ids and the closing "-->".
                int after = Next(ref blankUntil, endAt, from =>
                {
                    int i = from;
                    while (i < text.Length && char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }

                    return i;
                });
                end = string.CompareOrdinal(text, after, "-->", 0, 3) == 0 ? after + 3 : -1;
            }

            if (end < 0)
            {
                position = start + 1;
                continue;
            }

            spans.Add(TextSpan.FromBounds(start, end));
            position = end;
        }

        return spans;

        // The first place at or after `from` that `find` gives, reusing the last answer while `from` lies between the
        // place it was asked from and the answer (nothing sought stands in between).
        static int Next(ref (int From, int At) kept, int from, Func<int, int> find)
        {
            if (kept.From < 0 || from < kept.From || (kept.At >= 0 && from > kept.At))
            {
                kept = (from, find(from));
            }

            return kept.At;
        }
    }

    /// <summary>The opening of a Markdown directive, up to its ids, anchored where the search starts.</summary>
    [GeneratedRegex(@"\G<!--\s*textlens-(?:disable-next-line|disable|enable)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownDirectiveHead();

    [GeneratedRegex(@"\G[ \t]*%%[ \t]*textlens-(?<kind>disable-next-line|disable|enable)\b(?<ids>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PlainTextDirective();

    [GeneratedRegex(@"\bTL[0-9]{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
