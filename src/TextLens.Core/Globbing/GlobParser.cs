using System.Globalization;

namespace TextLens.Core.Globbing;

/// <summary>Parses a glob of either dialect into a <see cref="GlobNode"/> tree. Every input has a meaning; only limits throw.</summary>
internal sealed class GlobParser(string pattern, GlobSyntax syntax)
{
    private readonly string _p = pattern;

    public GlobNode Parse() => syntax == GlobSyntax.Gitignore ? ParseGitignore() : ParseEditorConfig(0, _p.Length, 0);

    private GlobNode ParseGitignore()
    {
        var items = new List<GlobNode>();
        int n = _p.Length;
        int i = 0;
        while (i < n)
        {
            char c = _p[i];
            switch (c)
            {
                case '*':
                    int j = i;
                    while (j < n && _p[j] == '*')
                    {
                        j++;
                    }

                    bool wholeSegment = j - i >= 2 && (i == 0 || _p[i - 1] == '/') && (j == n || _p[j] == '/');
                    if (wholeSegment && j == n)
                    {
                        items.Add(new GlobNode.Star(CrossesFolders: true));
                        i = j;
                    }
                    else if (wholeSegment)
                    {
                        items.Add(GlobNode.AnyFolders);
                        i = j + 1;
                    }
                    else
                    {
                        items.Add(new GlobNode.Star(CrossesFolders: false));
                        i = j;
                    }

                    continue;
                case '?':
                    items.Add(new GlobNode.AnyChar());
                    break;
                case '\\':
                    if (i + 1 >= n)
                    {
                        return new GlobNode.Never();
                    }

                    items.Add(new GlobNode.Literal(_p[++i]));
                    break;
                case '[':
                    if (ParseGitClass(ref i) is not { } set)
                    {
                        return new GlobNode.Never();
                    }

                    items.Add(new GlobNode.Class(set));
                    continue;
                default:
                    items.Add(new GlobNode.Literal(c));
                    break;
            }

            i++;
        }

        return new GlobNode.Sequence(items);
    }

    /// <summary>A bracket expression as git's wildmatch reads it; null when git would abort (unclosed, unknown class).</summary>
    private CharSet? ParseGitClass(ref int i)
    {
        int n = _p.Length;
        int k = i + 1;
        bool negated = false;
        if (k < n && _p[k] is '!' or '^')
        {
            negated = true;
            k++;
        }

        var ranges = new List<(char, char)>();
        int previous = -1;
        bool first = true;
        while (true)
        {
            if (k >= n)
            {
                return null;
            }

            char ch = _p[k];
            if (!first && ch == ']')
            {
                break;
            }

            first = false;
            if (ch == '\\')
            {
                if (++k >= n)
                {
                    return null;
                }

                ch = _p[k];
                ranges.Add((ch, ch));
                previous = ch;
            }
            else if (ch == '-' && previous >= 0 && k + 1 < n && _p[k + 1] != ']')
            {
                ch = _p[++k];
                if (ch == '\\')
                {
                    if (++k >= n)
                    {
                        return null;
                    }

                    ch = _p[k];
                }

                ranges.Add(((char)previous, ch));
                previous = -1;
            }
            else if (ch == '[' && k + 1 < n && _p[k + 1] == ':')
            {
                int s = k + 2;
                int e = s;
                while (e < n && _p[e] != ']')
                {
                    e++;
                }

                if (e >= n)
                {
                    return null;
                }

                if (e - s - 1 < 0 || _p[e - 1] != ':')
                {
                    ranges.Add(('[', '['));
                    previous = '[';
                }
                else
                {
                    if (!PosixClasses.TryAdd(_p[s..(e - 1)], ranges))
                    {
                        return null;
                    }

                    k = e;
                    previous = -1;
                }
            }
            else
            {
                ranges.Add((ch, ch));
                previous = ch;
            }

            k++;
        }

        i = k + 1;
        return new CharSet(ranges, negated);
    }

    private GlobNode ParseEditorConfig(int start, int end, int depth)
    {
        if (depth > Glob.MaxBraceDepth)
        {
            throw new GlobLimitException($"braces are nested more than {Glob.MaxBraceDepth} deep");
        }

        var items = new List<GlobNode>();
        int i = start;
        while (i < end)
        {
            char c = _p[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < end && _p[i + 1] == '*')
                    {
                        bool afterSlash = i > start && _p[i - 1] == '/';
                        while (i + 1 < end && _p[i + 1] == '*')
                        {
                            i++;
                        }

                        if (afterSlash && i + 1 < end && _p[i + 1] == '/')
                        {
                            // '/**/' also matches a single '/' (EditorConfig: d/**/z.c matches d/z.c).
                            items.Add(GlobNode.AnyFolders);
                            i++;
                        }
                        else
                        {
                            items.Add(new GlobNode.Star(CrossesFolders: true));
                        }
                    }
                    else
                    {
                        items.Add(new GlobNode.Star(CrossesFolders: false));
                    }

                    break;
                case '?':
                    items.Add(new GlobNode.AnyChar());
                    break;
                case '\\' when i + 1 < end:
                    items.Add(new GlobNode.Literal(_p[++i]));
                    break;
                case '[':
                    if (TryParseEditorConfigClass(i, end, out CharSet? set, out int next))
                    {
                        items.Add(new GlobNode.Class(set!));
                        i = next;
                        continue;
                    }

                    items.Add(new GlobNode.Literal('['));
                    break;
                case '{':
                    int close = FindBraceClose(i, end);
                    if (close < 0)
                    {
                        items.Add(new GlobNode.Literal('{'));
                        break;
                    }

                    items.Add(ParseBraces(i + 1, close, depth));
                    i = close + 1;
                    continue;
                default:
                    items.Add(new GlobNode.Literal(c));
                    break;
            }

            i++;
        }

        return items.Count == 1 ? items[0] : new GlobNode.Sequence(items);
    }

    /// <summary>The inside of a matched brace pair: an integer range, alternatives, or (one element) literal braces.</summary>
    private GlobNode ParseBraces(int start, int end, int depth)
    {
        ReadOnlySpan<char> inner = _p.AsSpan(start, end - start);
        if (TryParseRange(inner, out long low, out long high))
        {
            return new GlobNode.Number(Math.Min(low, high), Math.Max(low, high));
        }

        var parts = new List<(int Start, int End)>();
        int partStart = start;
        int nesting = 0;
        for (int k = start; k < end; k++)
        {
            switch (_p[k])
            {
                case '\\':
                    k++;
                    break;
                case '{':
                    nesting++;
                    break;
                case '}':
                    nesting--;
                    break;
                case ',' when nesting == 0:
                    parts.Add((partStart, k));
                    partStart = k + 1;
                    break;
            }
        }

        parts.Add((partStart, end));
        if (parts.Count == 1)
        {
            return new GlobNode.Sequence([new GlobNode.Literal('{'), ParseEditorConfig(start, end, depth + 1), new GlobNode.Literal('}')]);
        }

        return new GlobNode.Alternatives([.. parts.Select(p => ParseEditorConfig(p.Start, p.End, depth + 1))]);
    }

    private int FindBraceClose(int open, int end)
    {
        int nesting = 0;
        for (int k = open; k < end; k++)
        {
            switch (_p[k])
            {
                case '\\':
                    k++;
                    break;
                case '{':
                    nesting++;
                    break;
                case '}':
                    if (--nesting == 0)
                    {
                        return k;
                    }

                    break;
            }
        }

        return -1;
    }

    private static bool TryParseRange(ReadOnlySpan<char> inner, out long low, out long high)
    {
        low = high = 0;
        int dots = inner.IndexOf("..", StringComparison.Ordinal);
        return dots > 0
            && IsInteger(inner[..dots]) && IsInteger(inner[(dots + 2)..])
            && long.TryParse(inner[..dots], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out low)
            && long.TryParse(inner[(dots + 2)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out high);

        static bool IsInteger(ReadOnlySpan<char> s)
        {
            ReadOnlySpan<char> digits = s.Length > 0 && s[0] is '-' or '+' ? s[1..] : s;
            return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
        }
    }

    /// <summary>An EditorConfig bracket expression; false (the '[' is literal) when it does not close or holds a '/'.</summary>
    private bool TryParseEditorConfigClass(int open, int end, out CharSet? set, out int next)
    {
        set = null;
        next = open + 1;
        int k = open + 1;
        bool negated = k < end && _p[k] == '!';
        if (negated)
        {
            k++;
        }

        int close = k < end && _p[k] == ']' ? k + 1 : k;
        while (close < end && _p[close] != ']')
        {
            if (_p[close] == '/')
            {
                return false;
            }

            close += _p[close] == '\\' ? 2 : 1;
        }

        if (close >= end)
        {
            return false;
        }

        var ranges = new List<(char, char)>();
        for (int j = k; j < close; j++)
        {
            char low = _p[j] == '\\' && j + 1 < close ? _p[++j] : _p[j];
            if (j + 2 < close && _p[j + 1] == '-')
            {
                j += 2;
                char high = _p[j] == '\\' && j + 1 < close ? _p[++j] : _p[j];
                ranges.Add((low, high));
            }
            else
            {
                ranges.Add((low, low));
            }
        }

        set = new CharSet(ranges, negated);
        next = close + 1;
        return true;
    }
}

/// <summary>The POSIX character classes git accepts in brackets ([:alpha:] …), over ASCII as in the C locale.</summary>
internal static class PosixClasses
{
    public static bool TryAdd(string name, List<(char, char)> ranges)
    {
        (char, char)[]? add = name switch
        {
            "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
            "alpha" => [('A', 'Z'), ('a', 'z')],
            "blank" => [(' ', ' '), ('\t', '\t')],
            "cntrl" => [('\0', '\x1f'), ('\x7f', '\x7f')],
            "digit" => [('0', '9')],
            "graph" => [('!', '~')],
            "lower" => [('a', 'z')],
            "print" => [(' ', '~')],
            "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
            "space" => [('\t', '\r'), (' ', ' ')],
            "upper" => [('A', 'Z')],
            "xdigit" => [('0', '9'), ('A', 'F'), ('a', 'f')],
            _ => null,
        };
        if (add is null)
        {
            return false;
        }

        ranges.AddRange(add);
        return true;
    }
}
