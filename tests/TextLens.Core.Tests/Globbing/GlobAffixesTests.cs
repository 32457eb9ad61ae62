using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Globbing;

namespace TextLens.Core.Tests.Globbing;

/// <summary>
/// The literal tails and heads read off a glob (<see cref="Glob.Tails"/>, <see cref="Glob.Heads"/>,
/// <see cref="Glob.NameHeads"/>), by which an .editorconfig runs only the sections that could match a document:
/// they must hold for every path the glob matches (else a section would be skipped), and the file's properties must
/// be exactly those of running every section in order.
/// </summary>
public sealed class GlobAffixesTests
{
    /// <summary>The EditorConfig core suite's section names, and others: long literals, empty and nested branches, classes, ranges, slashes.</summary>
    private static readonly string[] Patterns =
    [
        "*", "**", "*.md", "*.{md,txt}", "*.{py,js,html}", "*.{pl, txt, htm}", "{single}.b", "{}.c", "a{b,c,}.d", "a{,b,,c,}.e",
        "{.f", "{word,{also},this}.g", "{{a,b},c}.k", "{a,{b,c}}.l", "{},b}.h", "{{,b,c{d}.i", "{a\\,b,cd}.txt", "{e,\\},f}.txt",
        "{g,\\\\,i}.txt", "{some,a{*c,b}[ef]}.j", "{3..120}", "{aardvark..antelope}", "[ab].a", "[!ab].b", "[d-g].c", "[!d-g].d",
        "[abd-g].e", "[-ab].f", "[]ab].g", "[ab]].g", "[!]ab].g", "[!ab]].g", "ab[e/]cd.i", "ab[/c", "a*e.c", "Bar/*", "som?.c",
        "a**z.c", "b/**z.c", "c**/z.c", "d/**/z.c", "/top.md", "docs/**", "docs/*.md", "docs/**.md", "README*", "README{,.md}",
        "file[0-9].txt", "file{1..3}.txt", "[Mm]akefile", "*.[mM][dD]", "x{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}y",
        "a-literal-name-much-longer-than-thirty-two-characters.md", "*-a-literal-tail-much-longer-than-thirty-two-characters",
        "{short,a-branch-much-longer-than-thirty-two-characters-here}.txt", "prefix-longer-than-thirty-two-characters-here*",
        "{a,b", "[z-a].md", "中文.txt", "*.md{,x}", "{*.md,notes/*}", "?", "[0-9]*", "*[0-9]", "{0..50000000}.md",
    ];

    private static readonly string[] Paths =
    [
        "a.md", "docs/a.md", "docs/sub/a.md", "a.txt", "x/a.txt", "README", "README.md", "READMEx", "docs/README.md", "top.md",
        "sub/top.md", "Makefile", "makefile", "sub/Makefile", "a.MD", "a.mD", "a.mdx", "notes/n.txt", "notes/sub/n.txt", "3", "15",
        "120", "121", "060", "7", "x/7", "file7.txt", "file2.txt", "file4.txt", "test.py", "test.pyc", "{single}.b", "{}.c", "a.d",
        "ab.d", "a.e", "word.g", "{also}.g", "b.k", "c.l", "{},b}.h", "{{,b,c{d}.i", "a,b.txt", "cd.txt", "}.txt", "\\.txt",
        "some.j", "abe.j", "acf.j", "abcf.j", "].g", "b].g", "c.g", "a.a", "c.b", "f.c", "h.d", "e.e", "-.f", "ab[e/]cd.i", "ab[/c",
        "ace.c", "a/e.c", "Bar/foo.txt", "Bar/.editorconfig", "some.c", "a/z.c", "amnz.c", "b/mn/z.c", "c/z.c", "d/mn/z.c",
        "a-literal-name-much-longer-than-thirty-two-characters.md", "x/a-literal-name-much-longer-than-thirty-two-characters.md",
        "q-a-literal-tail-much-longer-than-thirty-two-characters", "a-branch-much-longer-than-thirty-two-characters-here.txt",
        "short.txt", "prefix-longer-than-thirty-two-characters-here.txt", "prefix-longer-than-thirty-two-characters-her",
        "xacegikmy", "xbdfhjlny", "{a,b", "z.md", "中文.txt", "dir/中文.txt", "12345.md", "50000000.md", "a", "ab", "a/b", "",
    ];

    [Fact]
    public void Every_path_a_glob_matches_has_one_of_its_tails_and_heads()
    {
        int matches = 0;
        foreach (string pattern in Patterns)
        {
            foreach (Glob glob in new[]
            {
                EditorConfigFile.CompileSection(pattern),
                Glob.Parse(pattern, GlobSyntax.EditorConfig),
                Glob.Parse(pattern, GlobSyntax.Gitignore),
                Glob.Parse(pattern, GlobSyntax.Gitignore, anyDirectory: true),
            })
            {
                foreach (string path in Paths)
                {
                    if (!glob.IsMatch(path))
                    {
                        continue;
                    }

                    matches++;
                    string name = path[(path.LastIndexOf('/') + 1)..];
                    Assert.True(glob.Tails is null || glob.Tails.Any(t => path.EndsWith(t, StringComparison.Ordinal)), $"[{pattern}] matches {path}, which ends with none of {string.Join(' ', glob.Tails ?? [])}");
                    Assert.True(glob.Heads is null || glob.Heads.Any(h => path.StartsWith(h, StringComparison.Ordinal)), $"[{pattern}] matches {path}, which begins with none of {string.Join(' ', glob.Heads ?? [])}");
                    Assert.True(glob.NameHeads is null || glob.NameHeads.Any(h => name.StartsWith(h, StringComparison.Ordinal)), $"[{pattern}] matches {path}, whose name begins with none of {string.Join(' ', glob.NameHeads ?? [])}");
                }
            }
        }

        Assert.True(matches > 200, $"only {matches} matches: the check checked little");
    }

    [Theory]
    [InlineData("*.md", ".md", null, null)]
    [InlineData("*.{md,txt}", ".md .txt", null, null)]
    [InlineData("*.[mM][dD]", ".MD .Md .mD .md", null, null)]
    [InlineData("README*", null, null, "README")]
    [InlineData("{README,NOTES}*", null, null, "NOTES README")]
    [InlineData("docs/**", null, "docs/", null)]
    [InlineData("/top*", null, "top", null)]
    [InlineData("*", null, null, null)]
    [InlineData("*.md{,x}", ".md .mdx", null, null)]
    [InlineData("{*.md,notes/*}", null, null, null)]
    [InlineData("a-literal-name-much-longer-than-thirty-two-characters.md", "er-than-thirty-two-characters.md", null, "a-literal-name-much-longer-than-")]
    [InlineData("{3..120}", null, null, null)]
    public void What_a_section_is_filed_under(string pattern, string? tails, string? heads, string? nameHeads)
    {
        Glob glob = EditorConfigFile.CompileSection(pattern);
        Assert.Equal(tails, Shown(glob.Tails));
        Assert.Equal(heads, Shown(glob.Heads));
        Assert.Equal(nameHeads, Shown(glob.NameHeads));
    }

    [Fact]
    public void A_rejected_glob_is_filed_under_nothing_and_matches_nothing()
    {
        Glob glob = EditorConfigFile.CompileSection(new string('a', Glob.MaxPatternLength + 1));
        Assert.False(glob.IsValid);
        Assert.False(glob.IsMatch(new string('a', Glob.MaxPatternLength + 1)));
        Assert.Empty(glob.Tails!);
        Assert.Empty(glob.Heads!);
    }

    [Fact]
    public void Applying_the_indexed_sections_gives_what_running_every_section_in_order_gives()
    {
        // Every pattern twice (a repeated glob is run once per path), in two orders, with a key each section sets, so
        // that which section wins shows; and many sections of the pathological kind the index is for.
        var text = new System.Text.StringBuilder("root = true\n");
        int n = 0;
        foreach (string pattern in Patterns.Concat(Patterns.Reverse()).Concat(Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? $"*{i}" : $"{i}*")))
        {
            text.Append($"[{pattern}]\nwinner = {n++}\nk{n % 7} = {n}\n");
        }

        string directory = Path.Combine(Path.GetTempPath(), "ec-index");
        EditorConfigFile file = EditorConfigFile.Parse(text.ToString(), directory);
        int matched = 0;
        foreach (string path in Paths.Where(p => p.Length > 0).Concat(["10", "x/11", "12a", "13.txt", "d/299x", "298"]))
        {
            var indexed = new Dictionary<string, string>(StringComparer.Ordinal);
            file.Apply(Path.Combine(directory, path), indexed);
            var everySection = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (EditorConfigFile.Section section in file.Sections.Where(s => s.Matcher.IsMatch(path)))
            {
                foreach ((string k, string v) in section.Properties)
                {
                    everySection[k] = v;
                }
            }

            Assert.Equal(everySection.OrderBy(p => p.Key, StringComparer.Ordinal), indexed.OrderBy(p => p.Key, StringComparer.Ordinal));
            matched += indexed.Count > 0 ? 1 : 0;
        }

        Assert.True(matched > 50, $"only {matched} paths matched a section");
    }

    private static string? Shown(IReadOnlyList<string>? affixes) =>
        affixes is null ? null : string.Join(' ', affixes.Order(StringComparer.Ordinal));
}
