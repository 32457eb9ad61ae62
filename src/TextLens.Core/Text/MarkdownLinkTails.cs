namespace TextLens.Core.Text;

/// <summary>
/// Counts the inline-link openings <c>](</c> of a Markdown text whose tail Markdig would read far, in time linear in the
/// text's length.
/// </summary>
/// <remarks>
/// After a <c>]</c> that closes a link text, Markdig reads the inline link's tail: white space, a destination (up to white
/// space, or up to the <c>)</c> that leaves its parentheses unbalanced; or <c>&lt;…&gt;</c>), white space, an optional
/// title in <c>"</c>, <c>'</c> or <c>(</c> (which may run over lines), white space and <c>)</c>. A tail that does not close
/// is read up to where it fails, and it is read again from every opening inside it, so n openings in one word
/// (<c>[a](</c> × n) cost time quadratic in n: <c>Markdown.Parse</c> took 0.91 / 3.19 / 12.87 s for 12,500 / 25,000 /
/// 50,000 openings (Markdig 1.6.0). Markdig does not bound this.
/// <para>
/// Here each tail is read the same way, but only up to <see cref="Reach"/> characters; one that has not ended by then is
/// a long tail. The reading over-estimates Markdig's: it ends a destination only at ASCII white space or a control
/// character, and a title only at its closing mark, so a tail Markdig reads far is long here too. A text with more than
/// <see cref="MaximumLongTails"/> long tails is not given to Markdig (it is laid out as plain text). On every other text
/// Markdig reads at most <see cref="Reach"/> characters from an opening whose tail is short, and at most the text's
/// length from each of the few long ones: linear. Real links are short: the 76 CRS reports and the seeds have none.
/// </para>
/// </remarks>
internal static class MarkdownLinkTails
{
    /// <summary>How far a tail is read before it counts as long (a URL is rarely longer).</summary>
    public const int Reach = 2_048;

    /// <summary>The most long tails a text given to Markdig may have.</summary>
    public const int MaximumLongTails = 64;

    /// <summary>
    /// The number of <c>](</c> openings in <paramref name="content"/> whose tail does not end within <see cref="Reach"/>
    /// characters, or <paramref name="stopAt"/> as soon as that many are found.
    /// </summary>
    public static int CountLong(string content, int stopAt)
    {
        int count = 0;
        int i = content.IndexOf("](", StringComparison.Ordinal);
        while (i >= 0)
        {
            int start = i + 2;
            if (IsLong(content, start, Reach) && ++count >= stopAt)
            {
                return stopAt;
            }

            i = content.IndexOf("](", start - 1, StringComparison.Ordinal);
        }

        return count;
    }

    /// <summary>Whether the tail that starts at <paramref name="start"/> (just after the <c>(</c>) is still open <paramref name="reach"/> characters on.</summary>
    internal static bool IsLong(string content, int start, int reach)
    {
        // At the text's end a tail has ended: what is left of the text bounds its reading.
        int end = (int)Math.Min(content.Length, (long)start + reach);
        bool textEnds = end == content.Length;
        int i = SkipWhiteSpace(content, start, end);
        if (i < end && content[i] == '<')
        {
            i++;
            while (i < end && content[i] is not ('>' or '<' or '\n' or '\r'))
            {
                i += content[i] == '\\' ? 2 : 1;
            }

            if (i >= end)
            {
                return !textEnds;
            }

            if (content[i] != '>')
            {
                return false;
            }

            i++;
        }
        else
        {
            int depth = 0;
            while (i < end && !IsAsciiSpaceOrControl(content[i]))
            {
                char c = content[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth-- == 0)
                {
                    return false;
                }

                i++;
            }
        }

        i = SkipWhiteSpace(content, i, end);
        if (i < end && content[i] is '"' or '\'' or '(')
        {
            char close = content[i] == '(' ? ')' : content[i];
            i++;
            while (i < end && content[i] != close)
            {
                i += content[i] == '\\' ? 2 : 1;
            }

            i++;
        }

        return i >= end && !textEnds;
    }

    private static int SkipWhiteSpace(string content, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(content[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsAsciiSpaceOrControl(char c) => c <= ' ' || c == '\u007F';
}
