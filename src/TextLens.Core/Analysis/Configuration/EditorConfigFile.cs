using System.Text;
using System.Text.RegularExpressions;

namespace TextLens.Core.Analysis.Configuration;

/// <summary>
/// One parsed .editorconfig file: its 'root' flag and its sections, each a glob and key/value
/// pairs (keys lower-cased, as the EditorConfig specification says).
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, IReadOnlyList<Section> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    /// <summary>The folder the file is in; section globs are relative to it.</summary>
    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<Section> Sections { get; }

    public static EditorConfigFile Parse(string text, string directory)
    {
        var sections = new List<Section>();
        bool isRoot = false;
        Section? current = null;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                string glob = line[1..^1];
                current = new Section(glob, GlobToRegex(glob), []);
                sections.Add(current);
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            string key = line[..eq].Trim().ToLowerInvariant();
            string value = line[(eq + 1)..].Trim();
            int comment = value.IndexOfAny(['#', ';']);
            if (comment >= 0 && (comment == 0 || char.IsWhiteSpace(value[comment - 1])))
            {
                value = value[..comment].TrimEnd();
            }

            if (current is null)
            {
                if (key == "root")
                {
                    isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                }
            }
            else
            {
                current.Properties[key] = value;
            }
        }

        return new EditorConfigFile(directory, isRoot, sections);
    }

    /// <summary>The properties that apply to a file, later sections overriding earlier ones.</summary>
    public void Apply(string fullPath, IDictionary<string, string> into)
    {
        string relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        foreach (Section section in Sections)
        {
            if (section.Matcher.IsMatch(relative))
            {
                foreach ((string k, string v) in section.Properties)
                {
                    into[k] = v;
                }
            }
        }
    }

    /// <summary>
    /// EditorConfig globs: '*' any run without '/', '**' any run, '?' one character, [abc], [!abc],
    /// {a,b} alternatives, {n1..n2} number ranges. A glob without '/' matches in any folder.
    /// </summary>
    internal static Regex GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        bool anyFolder = !glob.Contains('/');
        string g = glob.StartsWith('/') ? glob[1..] : glob;
        sb.Append(anyFolder ? "^(?:.*/)?" : "^");
        int braces = 0;
        for (int i = 0; i < g.Length; i++)
        {
            char c = g[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < g.Length && g[i + 1] == '*')
                    {
                        sb.Append(".*");
                        i++;
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }

                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    int close = g.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    string set = g[(i + 1)..close];
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '{':
                    int end = g.IndexOf('}', i + 1);
                    Match range = end > 0 ? Regex.Match(g[(i + 1)..end], "^(-?[0-9]+)\\.\\.(-?[0-9]+)$") : Match.Empty;
                    if (range.Success)
                    {
                        int lo = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                        int hi = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                        sb.Append("(?:").Append(string.Join('|', Enumerable.Range(Math.Min(lo, hi), Math.Abs(hi - lo) + 1))).Append(')');
                        i = end;
                    }
                    else
                    {
                        braces++;
                        sb.Append("(?:");
                    }

                    break;
                case '}' when braces > 0:
                    braces--;
                    sb.Append(')');
                    break;
                case ',' when braces > 0:
                    sb.Append('|');
                    break;
                case '\\' when i + 1 < g.Length:
                    sb.Append(Regex.Escape(g[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }

    public sealed record Section(string Glob, Regex Matcher, Dictionary<string, string> Properties);
}
