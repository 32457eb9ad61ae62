using System.Globalization;
using System.Net;
using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// Text from documents and file names made safe for a terminal or CI log: control characters (line breaks,
/// escape sequences, C1 controls), line and paragraph separators and bidirectional overrides are shown as
/// visible escapes (<c>\n</c>, <c>\u001B</c>), so a file named <c>a.md\n::error::…</c> cannot start a line of
/// its own (a GitHub workflow command) or recolour the screen.
/// </summary>
public static class TerminalText
{
    public static string Safe(string text) => Safe(text, keepWhiteSpace: false);

    /// <summary>
    /// Text for HTML content or a quoted attribute value: markup characters as entities, and control characters and
    /// bidirectional overrides shown as <see cref="Safe(string)"/> shows them (HTML does not allow the first, and the
    /// second would reorder the report's own text around a document's words); tabs and line breaks stay, as HTML white space.
    /// </summary>
    public static string Html(string text) => WebUtility.HtmlEncode(Safe(text, keepWhiteSpace: true));

    /// <summary>
    /// Appends <see cref="Html(string)"/> of <paramref name="text"/> to <paramref name="builder"/> without building the
    /// encoded string: the characters <see cref="Html(string)"/> leaves alone as they are, the five markup characters and
    /// U+00A0–U+00FF as <see cref="WebUtility.HtmlEncode(string)"/> writes them, control characters and bidirectional
    /// overrides as <see cref="Safe(string)"/> shows them. Text with a surrogate (which <see cref="WebUtility.HtmlEncode(string)"/>
    /// writes as a numeric entity, or U+FFFD when unpaired) goes through <see cref="Html(string)"/> itself.
    /// </summary>
    public static StringBuilder AppendHtml(StringBuilder builder, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            return builder.Append(Html(text.ToString()));
        }

        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? entity = c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '&' => "&amp;",
                _ => null,
            };
            bool shownEscaped = entity is null && IsUnsafe(c, keepWhiteSpace: true);
            if (entity is null && !shownEscaped && c is < '\u00A0' or > '\u00FF')
            {
                continue; // most characters: copied with the run they are in
            }

            builder.Append(text[run..i]);
            run = i + 1;
            if (entity is not null)
            {
                builder.Append(entity);
            }
            else if (shownEscaped)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';'); // U+00A0–U+00FF
            }
        }

        return builder.Append(text[run..]);
    }

    private static string Safe(string text, bool keepWhiteSpace)
    {
        int first = IndexOfUnsafe(text, keepWhiteSpace);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c, keepWhiteSpace))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    private static int IndexOfUnsafe(string text, bool keepWhiteSpace)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i], keepWhiteSpace))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c, bool keepWhiteSpace) =>
        (char.IsControl(c) && !(keepWhiteSpace && c is '\t' or '\n' or '\r')) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
