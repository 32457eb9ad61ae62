using System.Buffers;

namespace TextLens.Core.Text;

/// <summary>
/// An upper bound on the work of Markdig's autolink extension (bare <c>https://</c>, <c>www.</c>, <c>mailto:</c> … links)
/// on a Markdown text, found in one pass over its lines.
/// </summary>
/// <remarks>
/// Before it reads a bare link, Markdig's <c>AutoLinkParser</c> walks back over every inline element of the paragraph
/// so far (to see whether an HTML <c>&lt;a&gt;</c> is open), so n bare links in one paragraph cost time quadratic in n:
/// a 0.6 MB paragraph of 20,000 URLs took 8 s, 40,000 took 18 s, and 200,000 (6.7 MB) did not end within 120 s
/// (Markdig 1.6.0). Markdig does not bound this.
/// <para>
/// The walk from a link start visits at most the inline elements of its leaf block (a paragraph, a heading, a table's
/// lines, which Markdig reads as one paragraph). No leaf block spans a blank line, so the text is cut into runs at
/// blank lines; each run holds whole leaf blocks. In a run, a link start is a place where one of the extension's
/// schemes begins (in any case) after anything but an ASCII letter or digit, and an inline element needs a character
/// that opens one (every opening character of the pipeline's other inline parsers, a line break, or a link start, which
/// makes two: the link and its text): a run's work is at most its link starts times twice its opening characters plus
/// one (the literal text between elements). The bound is the sum over runs, so it only ever over-estimates. A text
/// whose bound passes <see cref="MaximumWork"/> is parsed without the extension: its bare links are then read as the
/// plain text they are, which the layout keeps as prose either way (only emphasis marks inside a link would now be read
/// as emphasis). The 76 CRS reports and the seeds have no bare link at all; a paragraph of a thousand links among five
/// thousand other inline elements still keeps the extension.
/// </para>
/// </remarks>
internal static class MarkdownAutoLinks
{
    /// <summary>The most work (link starts × inline elements, summed over runs) a text parsed with the extension may take.</summary>
    public const long MaximumWork = 16_000_000;

    // The extension's schemes but "www.", up to their colon.
    private static readonly string[] ColonSchemes = ["https:", "http:", "ftp:", "mailto:", "tel:"];

    /// <summary>
    /// The upper bound on the autolink extension's work on <paramref name="content"/>, or <paramref name="stopAt"/> as
    /// soon as it reaches that. <paramref name="openers"/> are the opening characters of the pipeline's inline parsers
    /// other than the extension's own.
    /// </summary>
    public static long Work(string content, SearchValues<char> openers, long stopAt)
    {
        long work = 0;
        long links = 0;
        long elements = 0;
        int start = 0;
        while (start <= content.Length)
        {
            int newline = content.IndexOf('\n', start);
            int end = newline < 0 ? content.Length : newline;
            ReadOnlySpan<char> line = content.AsSpan(start, end - start);
            if (EndsRun(line))
            {
                work += links * (2 * elements + 1);
                if (work >= stopAt)
                {
                    return stopAt;
                }

                links = 0;
                elements = 0;
            }

            int lineLinks = CountLinkStarts(line);
            links += lineLinks;
            elements += (2 * lineLinks) + Count(line, openers) + 1; // a bare link is a link and its text
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        work += links * (2 * elements + 1);
        return Math.Min(work, stopAt);
    }

    // A blank line: no leaf block goes on past it. (Nothing else is taken to end one: with the pipe-table extension
    // Markdig reads even a bullet-list line as going on a paragraph that looks like a table.)
    private static bool EndsRun(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    // Every scheme but "www." ends in a colon, which prose seldom has, so the count looks back from each colon and then
    // for "www."; a start counts after anything but an ASCII letter or digit (Markdig tries a link only after white space
    // or one of a few marks). The "//" after "http:", "https:" and "ftp:" is not required: more starts, never fewer.
    private static int CountLinkStarts(ReadOnlySpan<char> line)
    {
        int count = 0;
        int colon = line.IndexOf(':');
        while (colon >= 0)
        {
            foreach (string scheme in ColonSchemes)
            {
                int start = colon + 1 - scheme.Length;
                if (start >= 0 && line.Slice(start, scheme.Length).Equals(scheme, StringComparison.OrdinalIgnoreCase) && StartsWord(line, start))
                {
                    count++;
                    break;
                }
            }

            int next = line[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        int www = line.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        while (www >= 0)
        {
            count += StartsWord(line, www) ? 1 : 0;
            int next = line[(www + 1)..].IndexOf("www.", StringComparison.OrdinalIgnoreCase);
            www = next < 0 ? -1 : www + 1 + next;
        }

        return count;
    }

    private static bool StartsWord(ReadOnlySpan<char> line, int i) => i == 0 || !char.IsAsciiLetterOrDigit(line[i - 1]);

    private static int Count(ReadOnlySpan<char> line, SearchValues<char> openers)
    {
        int count = 0;
        int i = line.IndexOfAny(openers);
        while (i >= 0)
        {
            count++;
            line = line[(i + 1)..];
            i = line.IndexOfAny(openers);
        }

        return count;
    }
}
