using System.Globalization;
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
    public static string Safe(string text)
    {
        int first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c))
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

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
