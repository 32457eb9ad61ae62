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
    private EditorConfigFile(string directory, bool isRoot, IReadOnlyList<Section> sections, IReadOnlyList<(string Key, int Line)> preamble, IReadOnlyList<UnreadLine> unread, bool repeatedGlobs)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
        Preamble = preamble;
        Unread = unread;
        _index = new SectionIndex(sections, repeatedGlobs);
    }

    private readonly SectionIndex _index;

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
        var compiled = new Dictionary<string, Glob>(StringComparer.Ordinal);   // a glob repeated in many sections is compiled once
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
                if (!compiled.TryGetValue(glob, out Glob? matcher))
                {
                    matcher = CompileSection(glob);
                    compiled.Add(glob, matcher);
                }

                current = new Section(glob, matcher, []) { Line = number };
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

        return new EditorConfigFile(directory, isRoot, sections, preamble, unread, repeatedGlobs: compiled.Count < sections.Count);
    }

    /// <summary>
    /// The properties that apply to a file, later sections overriding earlier ones. Only the sections that could match
    /// the path are run (<see cref="SectionIndex"/>), and a glob shared by several sections is run once: a file of
    /// 100,000 sections costs each document about what its few candidate sections cost.
    /// </summary>
    public void Apply(string fullPath, IDictionary<string, string> into)
    {
        string relative = Path.GetRelativePath(Directory, fullPath);
        if (Path.DirectorySeparatorChar != '/')
        {
            relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        Dictionary<Glob, bool>? seen = null;
        foreach (int i in _index.Candidates(relative))
        {
            Section section = Sections[i];
            bool matches;
            if (!_index.HasRepeatedGlobs)
            {
                matches = section.Matcher.IsMatch(relative);
            }
            else
            {
                seen ??= new Dictionary<Glob, bool>(ReferenceEqualityComparer.Instance);
                if (!seen.TryGetValue(section.Matcher, out matches))
                {
                    matches = section.Matcher.IsMatch(relative);
                    seen.Add(section.Matcher, matches);
                }
            }

            if (matches)
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

    /// <summary>
    /// The sections by what every path their globs match must end with (<see cref="Glob.Tails"/>), or failing that begin
    /// with (<see cref="Glob.Heads"/>), or failing that what its file name must begin with (<see cref="Glob.NameHeads"/>);
    /// and the sections with none of these. The candidates for a path are the sections filed under its last, its first
    /// or its file name's first 1..<see cref="GlobAffixes.MaxLength"/> characters, and the unfiled ones, in file order:
    /// each costs a dictionary look-up, so a file of 100,000 sections such as <c>[*.md]</c> or <c>[README*]</c> costs a
    /// document its few candidates, not 100,000 glob runs. A section whose glob matches nothing (rejected) is never one.
    /// </summary>
    private sealed class SectionIndex
    {
        private readonly Affixes _tails = new(atEnd: true);
        private readonly Affixes _heads = new(atEnd: false);
        private readonly Affixes _nameHeads = new(atEnd: false);
        private readonly int[] _unfiled;

        /// <param name="repeatedGlobs">Whether two sections share one compiled glob (the same pattern written twice).</param>
        public SectionIndex(IReadOnlyList<Section> sections, bool repeatedGlobs)
        {
            HasRepeatedGlobs = repeatedGlobs;
            var unfiled = new List<int>();
            for (int i = 0; i < sections.Count; i++)
            {
                Glob glob = sections[i].Matcher;
                if (glob.Tails is { } tails)
                {
                    _tails.Add(tails, i);
                }
                else if (glob.Heads is { } heads)
                {
                    _heads.Add(heads, i);
                }
                else if (glob.NameHeads is { } nameHeads)
                {
                    _nameHeads.Add(nameHeads, i);
                }
                else
                {
                    unfiled.Add(i);
                }
            }

            _unfiled = [.. unfiled];
        }

        /// <summary>Whether two sections share one compiled glob: each is then run once per path.</summary>
        public bool HasRepeatedGlobs { get; }

        /// <summary>The indexes of the sections that could match the path, ascending, each once.</summary>
        public IEnumerable<int> Candidates(string path)
        {
            var filed = new List<int>();
            _tails.Collect(path, filed);
            _heads.Collect(path, filed);
            _nameHeads.Collect(path.AsSpan(path.LastIndexOf('/') + 1), filed);
            if (filed.Count == 0)
            {
                return _unfiled;
            }

            filed.Sort();
            return Merge(filed, _unfiled);
        }

        /// <summary>Two ascending lists merged, ascending, with repeats dropped (a section can be under two of a path's tails).</summary>
        private static IEnumerable<int> Merge(List<int> a, int[] b)
        {
            int i = 0, j = 0, last = -1;
            while (i < a.Count || j < b.Length)
            {
                int next = j >= b.Length || (i < a.Count && a[i] < b[j]) ? a[i++] : b[j++];
                if (next != last)
                {
                    yield return next;
                    last = next;
                }
            }
        }

        /// <summary>
        /// Sections filed under literal strings that end (<c>atEnd</c>) or begin a text. Most strings name one section
        /// (a file of 100,000 <c>[*N]</c>): its index is the value; a string shared by several sections has a list.
        /// </summary>
        private sealed class Affixes(bool atEnd)
        {
            private readonly Dictionary<string, int> _sections = new(StringComparer.Ordinal);
            private readonly List<List<int>> _shared = [];
            private int _longest;

            public void Add(IReadOnlyList<string> affixes, int section)
            {
                foreach (string affix in affixes)
                {
                    if (!_sections.TryGetValue(affix, out int filed))
                    {
                        _sections.Add(affix, section);
                    }
                    else if (filed >= 0)
                    {
                        _shared.Add([filed, section]);
                        _sections[affix] = ~(_shared.Count - 1);
                    }
                    else
                    {
                        _shared[~filed].Add(section);
                    }

                    _longest = Math.Max(_longest, affix.Length);
                }
            }

            /// <summary>Adds the sections filed under each of the text's last (first) 1..longest characters.</summary>
            public void Collect(ReadOnlySpan<char> text, List<int> into)
            {
                if (_sections.Count == 0)
                {
                    return;
                }

                var lookup = _sections.GetAlternateLookup<ReadOnlySpan<char>>();
                for (int length = 1; length <= Math.Min(text.Length, _longest); length++)
                {
                    if (lookup.TryGetValue(atEnd ? text[^length..] : text[..length], out int filed))
                    {
                        if (filed >= 0)
                        {
                            into.Add(filed);
                        }
                        else
                        {
                            into.AddRange(_shared[~filed]);
                        }
                    }
                }
            }
        }
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
