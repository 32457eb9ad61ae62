using TextLens.Core.Globbing;

namespace TextLens.Core.Analysis.Configuration;

/// <summary>
/// One parsed .editorconfig file: its 'root' flag and its sections, each a glob and key/value
/// pairs (keys lower-cased, as the EditorConfig specification says), with the line each was read from; and the lines
/// that are none of a section header, a comment or <c>key = value</c> (EditorConfig ignores them), so that the ones
/// meant for TextLens can be named.
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, IReadOnlyList<Section> sections, IReadOnlyList<(string Key, int Line)> preamble, IReadOnlyList<UnreadLine> unread)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
        Preamble = preamble;
        Unread = unread;
    }

    /// <summary>The folder the file is in; section globs are relative to it.</summary>
    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>The keys written before the first section other than 'root', in order (lower case), with their 1-based lines: they apply to no file.</summary>
    public IReadOnlyList<(string Key, int Line)> Preamble { get; }

    /// <summary>
    /// The lines that are not read, in order: a line with no '=' (or nothing before it), and a '[' line that does not
    /// end in ']' (not a section header: the keys after it stay in the section before it).
    /// </summary>
    public IReadOnlyList<UnreadLine> Unread { get; }

    public static EditorConfigFile Parse(string text, string directory)
    {
        var sections = new List<Section>();
        var preamble = new List<(string, int)>();
        var unread = new List<UnreadLine>();
        bool isRoot = false;
        Section? current = null;
        int number = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            number++;
            string line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                string glob = line[1..^1];
                current = new Section(glob, CompileSection(glob), []) { Line = number };
                sections.Add(current);
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq <= 0)
            {
                unread.Add(new UnreadLine(number, current, line, line[0] == '['));
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
                else
                {
                    preamble.Add((key, number));
                }
            }
            else
            {
                current.Properties[key] = value;
                current.Lines[key] = number;
            }
        }

        return new EditorConfigFile(directory, isRoot, sections, preamble, unread);
    }

    /// <summary>The properties that apply to a file, later sections overriding earlier ones.</summary>
    public void Apply(string fullPath, IDictionary<string, string> into)
    {
        string relative = Path.GetRelativePath(Directory, fullPath);
        if (Path.DirectorySeparatorChar != '/')
        {
            relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        }

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
    /// A section name as an EditorConfig glob ('*', '**', '?', [abc], [!abc], {a,b}, {n1..n2}), compiled by the
    /// bounded <see cref="Glob"/> engine. A glob without '/' matches in any folder; a leading '/' anchors it to the file's folder.
    /// </summary>
    internal static Glob CompileSection(string glob)
    {
        bool anyFolder = !glob.Contains('/');
        return Glob.Parse(glob.StartsWith('/') ? glob[1..] : glob, GlobSyntax.EditorConfig, anyDirectory: anyFolder);
    }

    public sealed record Section(string Pattern, Glob Matcher, Dictionary<string, string> Properties)
    {
        /// <summary>The 1-based line of the section header.</summary>
        public int Line { get; init; }

        /// <summary>The 1-based line each key of <see cref="Properties"/> was last set on.</summary>
        public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// A line EditorConfig does not read: its 1-based number, the section it stands in (null before the first), its text
    /// (trimmed) and whether it opens like a section header without closing like one.
    /// </summary>
    public sealed record UnreadLine(int Line, Section? Section, string Text, bool BrokenHeader);
}
