using System.Text.RegularExpressions;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

/// <summary>
/// <see cref="References"/> finds where every CRS cross-reference of a block ends in one pass (<see cref="References.CrossReferenceEnds"/>,
/// each comma waiting at its bracket depth); it must find what the former scan from each comma found (quadratic:
/// "CRS Report R1, " × n), with the former trimming, on generated blocks of cross-references, brackets, semicolons,
/// periods and initials.
/// </summary>
public class CrossReferenceEndsTests
{
    private static readonly Regex Crs = new(@"\bCRS\s+(?:Report|In\s+Focus|Insight|Legal\s+Sidebar|Testimony|Product)s?\s+(?:No\.\s*)?[A-Z]{0,3}\d[\d-]*[A-Z]?\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    // The former logic: References.CrossReferenceEnd, Depth, the trimming of Collect and Resolve, for the CRS pattern alone.
    private static int FormerEnd(string text, int idEnd, int blockEnd)
    {
        if (idEnd >= blockEnd || text[idEnd] != ',')
        {
            return idEnd;
        }

        int depth = 0;
        for (int i = idEnd; i < blockEnd; i++)
        {
            char c = text[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
            else if (c == ';' && depth == 0)
            {
                return i;
            }
            else if (c == '.' && depth == 0 && (i + 1 >= blockEnd || char.IsWhiteSpace(text[i + 1])) && !(i >= 1 && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2]))))
            {
                return i;
            }
        }

        return blockEnd;
    }

    private static List<Reference> Former(string text)
    {
        var found = new List<Reference>();
        foreach (Match m in Crs.Matches(text))
        {
            int start = m.Index;
            int end = FormerEnd(text, m.Index + m.Length, text.Length);
            int depth = int.MinValue;
            while (end > start)
            {
                char last = text[end - 1];
                if (last is ',' or ';' or ':' or '.')
                {
                    end--;
                    continue;
                }

                if (last is ')' or ']')
                {
                    if (depth == int.MinValue)
                    {
                        depth = 0;
                        for (int i = start; i < end; i++)
                        {
                            depth += text[i] is '(' or '[' ? 1 : text[i] is ')' or ']' ? -1 : 0;
                        }
                    }

                    if (depth < 0)
                    {
                        end--;
                        depth++;
                        continue;
                    }
                }

                break;
            }

            if (end > start)
            {
                found.Add(new Reference(TextSpan.FromBounds(start, end), ReferenceKind.Report));
            }
        }

        var result = new List<Reference>();
        foreach (Reference r in found.OrderBy(r => r.Span.Start).ThenByDescending(r => r.Span.Length))
        {
            if (result.Count > 0 && result[^1].Span.End > r.Span.Start)
            {
                if (r.Span.End > result[^1].Span.End)
                {
                    result[^1] = result[^1] with { Span = TextSpan.FromBounds(result[^1].Span.Start, r.Span.End) };
                }

                continue;
            }

            result.Add(r);
        }

        return result;
    }

    [Fact]
    public void Cross_references_end_where_the_former_scan_from_each_comma_ended()
    {
        var random = new Random(20261207);
        string[] pieces = ["CRS Report R1, ", "CRS Report R1, ", "CRS Report R1, ", "CRS Report R2", "CRS Insight IN3,", ", ", "(", ")", "[", "]", "; ", ". ", ".", "J. ", "Straus ", "a ", ": ", "by ", "x)", "(y "];
        int nested = 0;
        int atBlockEnd = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            List<Reference> expected = Former(text);
            Assert.True(expected.SequenceEqual(References.Find(text, new TextSpan(0, text.Length))),
                $"\"{text}\": expected {string.Join(", ", expected.Select(r => $"[{r.Span.Start}, {r.Span.End})"))}, got {string.Join(", ", References.Find(text, new TextSpan(0, text.Length)).Select(r => $"[{r.Span.Start}, {r.Span.End})"))}");
            nested += expected.Any(r => r.Span.End < text.Length && text[r.Span.Start..r.Span.End] is var s && s.Contains('(') && s.IndexOf("CRS", 1, StringComparison.Ordinal) > 0) ? 1 : 0;
            atBlockEnd += expected.Any(r => r.Span.End >= text.Length - 2 && text.IndexOf("CRS", r.Span.Start + 1, r.Span.Length - 1, StringComparison.Ordinal) > 0) ? 1 : 0;
        }

        // Cross-references running over brackets and another, and over another to the block's end, must both be common.
        Assert.True(nested > 1_000, $"only {nested} blocks with a cross-reference over brackets and another");
        Assert.True(atBlockEnd > 1_000, $"only {atBlockEnd} blocks with a cross-reference over another to the end");
    }

    [Fact]
    public void A_cross_reference_runs_to_the_end_of_its_sentence()
    {
        const string text = "See CRS Report R47447, Bank Capital Requirements: A Primer (2024), by Jacob R. Straus. Then CRS Report R1 applies.";
        Reference[] found = [.. References.Find(text, new TextSpan(0, text.Length))];
        Assert.Equal("CRS Report R47447, Bank Capital Requirements: A Primer (2024), by Jacob R. Straus", text[found[0].Span.Start..found[0].Span.End]);
        Assert.Equal("CRS Report R1", text[found[1].Span.Start..found[1].Span.End]);
    }
}
