namespace TextLens.Core.Text;

/// <summary>
/// An upper bound on how deep the containers of a Markdown text (block quotes; lists and their items) nest, found in
/// one pass over the start of each line.
/// </summary>
/// <remarks>
/// Markdig refuses a tree nested deeper than its limit (128), but only after building it, and building it costs time
/// cubic in the depth: 4,000 lines each one <c>&gt;</c> deeper than the last (8 MB) took 50 s, one line of 4,000
/// <c>&gt;</c> followed by 400,000 short lines 7.7 s. A text whose bound reaches the limit is not given to Markdig at
/// all. The bound only ever over-estimates, so every text it turns away is one Markdig would have refused; a text it
/// lets through is parsed in time linear in its length (at most the limit's containers per line).
/// <para>
/// A new container needs a marker on the line that opens it (<c>&gt;</c>; <c>-</c>, <c>+</c>, <c>*</c>, <c>1.</c>,
/// <c>1)</c> followed by white space), so the depth grows by at most the markers of a line. A container stays open on
/// a line only if the line's prefix continues it (a <c>&gt;</c>; at least two columns of indentation for a list and
/// its item), or if the line is the lazy continuation of a paragraph, which keeps the depth of the line before.
/// Blank lines keep containers open but end laziness.
/// </para>
/// </remarks>
internal static class MarkdownNesting
{
    /// <summary>
    /// An upper bound on the depth of <paramref name="content"/>'s containers as Markdig counts them (a list and its
    /// item are two), or <paramref name="stopAt"/> as soon as the bound reaches it.
    /// </summary>
    public static int UpperBound(string content, int stopAt)
    {
        int bound = 0;
        bool lazyPossible = false;
        int i = 0;
        while (i < content.Length)
        {
            Prefix prefix = ReadPrefix(content, ref i);
            if (prefix.Blank)
            {
                lazyPossible = false;
                continue;
            }

            int opened = prefix.Quotes + 2 * prefix.ListMarkers;
            int continued = prefix.Quotes + 2 * prefix.ListMarkers + prefix.IndentColumns;
            bound = Math.Min(bound + opened, Math.Max(continued, lazyPossible ? bound : 0));
            if (bound >= stopAt)
            {
                return stopAt;
            }

            lazyPossible = true;
        }

        return bound;
    }

    /// <summary>
    /// Reads the container syntax a line starts with and moves <paramref name="i"/> to the start of the next line.
    /// A trailing run of three or more identical bullets with nothing after them is a thematic break, not lists.
    /// </summary>
    private static Prefix ReadPrefix(string content, ref int i)
    {
        int quotes = 0;
        int markers = 0;
        int columns = 0;
        int column = 0;
        char lastBullet = '\0';
        int sameBullets = 0;
        int n = content.Length;
        while (i < n && content[i] is not ('\n' or '\r'))
        {
            char c = content[i];
            if (c == ' ')
            {
                columns++;
                column++;
                i++;
            }
            else if (c == '\t')
            {
                int width = 4 - (column % 4);
                columns += width;
                column += width;
                i++;
            }
            else if (c == '>')
            {
                quotes++;
                column++;
                i++;
                lastBullet = '\0';
                sameBullets = 0;
                SkipOneSpace(content, ref i, ref column);
            }
            else if (c is '-' or '+' or '*' && EndsMarker(content, i + 1))
            {
                markers++;
                column++;
                i++;
                sameBullets = c == lastBullet ? sameBullets + 1 : 1;
                lastBullet = c;
                SkipOneSpace(content, ref i, ref column);
            }
            else if (OrderedMarkerLength(content, i) is > 0 and int length)
            {
                markers++;
                column += length;
                i += length;
                lastBullet = '\0';
                sameBullets = 0;
                SkipOneSpace(content, ref i, ref column);
            }
            else
            {
                break;
            }
        }

        bool blank = quotes == 0 && markers == 0;
        bool restEmpty = true;
        while (i < n && content[i] is not ('\n' or '\r'))
        {
            if (!char.IsWhiteSpace(content[i]))
            {
                restEmpty = false;
                blank = false;
            }

            i++;
        }

        if (i < n && content[i] == '\r' && i + 1 < n && content[i + 1] == '\n')
        {
            i++;
        }

        i++;
        if (restEmpty && sameBullets >= 3)
        {
            markers -= sameBullets;
        }

        return new Prefix(blank, quotes, markers, columns);
    }

    /// <summary>A marker's one separating space or tab belongs to the marker, not to the indentation of what follows.</summary>
    private static void SkipOneSpace(string content, ref int i, ref int column)
    {
        if (i < content.Length && content[i] is ' ' or '\t')
        {
            column = content[i] == '\t' ? column + 4 - (column % 4) : column + 1;
            i++;
        }
    }

    private static bool EndsMarker(string content, int next) =>
        next >= content.Length || content[next] is ' ' or '\t' or '\n' or '\r';

    /// <summary>The length of an ordered list marker (1–9 digits, then '.' or ')') at <paramref name="i"/>, or 0.</summary>
    private static int OrderedMarkerLength(string content, int i)
    {
        int digits = 0;
        while (i + digits < content.Length && digits <= 9 && char.IsAsciiDigit(content[i + digits]))
        {
            digits++;
        }

        int end = i + digits;
        return digits is >= 1 and <= 9 && end < content.Length && content[end] is '.' or ')' && EndsMarker(content, end + 1)
            ? digits + 1
            : 0;
    }

    private readonly record struct Prefix(bool Blank, int Quotes, int ListMarkers, int IndentColumns);
}
