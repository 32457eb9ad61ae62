using TextLens.Core.Analysis.Configuration;

namespace TextLens.Core.Tests.Globbing;

/// <summary>
/// The glob cases of the EditorConfig core test suite (editorconfig-core-test, glob/*.in and glob/CMakeLists.txt):
/// each .in file is parsed as an .editorconfig and the properties applied to each test path are compared
/// with the suite's expected output.
/// </summary>
public sealed class EditorConfigCoreGlobTests
{
    private const string BracesFile = """
        root=true
        [*.{py,js,html}]
        choice=true
        [*.{pl, txt, htm}]
        choice=spaces
        [{single}.b]
        choice=single
        [{}.c]
        empty=all
        [a{b,c,}.d]
        empty=word
        [a{,b,,c,}.e]
        empty=words
        [{.f]
        closing=false
        [{word,{also},this}.g]
        nested=true
        [{{a,b},c}.k]
        nested_start=true
        [{a,{b,c}}.l]
        nested_end=true
        [{},b}.h]
        closing=inside
        [{{,b,c{d}.i]
        unmatched=true
        [{a\,b,cd}.txt]
        comma=yes
        [{e,\},f}.txt]
        closing=yes
        [{g,\\,i}.txt]
        backslash=yes
        [{some,a{*c,b}[ef]}.j]
        patterns=nested
        [{3..120}]
        number=true
        [{aardvark..antelope}]
        words=a
        """;

    private const string Brackets = """
        root=true
        [[ab].a]
        choice=true
        [[!ab].b]
        choice=false
        [[d-g].c]
        range=true
        [[!d-g].d]
        range=false
        [[abd-g].e]
        range_and_choice=true
        [[-ab].f]
        choice_with_dash=true
        [[]ab].g]
        close_inside=true
        [[ab]].g]
        close_outside=true
        [[!]ab].g]
        close_inside=false
        [[!ab]].g]
        close_outside=false
        [ab[e/]cd.i]
        slash_inside=true
        [ab[/c]
        slash_half_open=true
        """;

    private const string Stars = """
        root=true
        [a*e.c]
        key=value
        [Bar/*]
        keyb=valueb
        [*]
        keyc=valuec
        """;

    private const string Question = """
        root=true
        [som?.c]
        key=value
        """;

    private const string StarStar = """
        root=true
        [a**z.c]
        key1=value1
        [b/**z.c]
        key2=value2
        [c**/z.c]
        key3=value3
        [d/**/z.c]
        key4=value4
        """;

    [Theory]
    [InlineData("test.py", "choice=true")]
    [InlineData("test.js", "choice=true")]
    [InlineData("test.html", "choice=true")]
    [InlineData("test.pyc", "")]
    [InlineData("{single}.b", "choice=single")]
    [InlineData(".b", "")]
    [InlineData("{}.c", "empty=all")]
    [InlineData(".c", "")]
    [InlineData("a.d", "empty=word")]
    [InlineData("ab.d", "empty=word")]
    [InlineData("ac.d", "empty=word")]
    [InlineData("a,.d", "")]
    [InlineData("a.e", "empty=words")]
    [InlineData("ab.e", "empty=words")]
    [InlineData("ac.e", "empty=words")]
    [InlineData("a,.e", "")]
    [InlineData("{.f", "closing=false")]
    [InlineData(".f", "")]
    [InlineData("word,this}.g", "")]
    [InlineData("{also,this}.g", "")]
    [InlineData("word.g", "nested=true")]
    [InlineData("{also}.g", "nested=true")]
    [InlineData("this.g", "nested=true")]
    [InlineData("{{a,b},c}.k", "")]
    [InlineData("{a,b}.k", "")]
    [InlineData("a.k", "nested_start=true")]
    [InlineData("b.k", "nested_start=true")]
    [InlineData("c.k", "nested_start=true")]
    [InlineData("{a,{b,c}}.l", "")]
    [InlineData("{b,c}.l", "")]
    [InlineData("a.l", "nested_end=true")]
    [InlineData("b.l", "nested_end=true")]
    [InlineData("c.l", "nested_end=true")]
    [InlineData("{},b}.h", "closing=inside")]
    [InlineData("{{,b,c{d}.i", "unmatched=true")]
    [InlineData("{.i", "")]
    [InlineData("b.i", "")]
    [InlineData("c{d.i", "")]
    [InlineData(".i", "")]
    [InlineData("a,b.txt", "comma=yes")]
    [InlineData("a.txt", "")]
    [InlineData("cd.txt", "comma=yes")]
    [InlineData("e.txt", "closing=yes")]
    [InlineData("}.txt", "closing=yes")]
    [InlineData("f.txt", "closing=yes")]
    [InlineData("g.txt", "backslash=yes")]
    [InlineData("\\.txt", "backslash=yes")]
    [InlineData("i.txt", "backslash=yes")]
    [InlineData("some.j", "patterns=nested")]
    [InlineData("abe.j", "patterns=nested")]
    [InlineData("abf.j", "patterns=nested")]
    [InlineData("abg.j", "")]
    [InlineData("ace.j", "patterns=nested")]
    [InlineData("acf.j", "patterns=nested")]
    [InlineData("acg.j", "")]
    [InlineData("abce.j", "patterns=nested")]
    [InlineData("abcf.j", "patterns=nested")]
    [InlineData("abcg.j", "")]
    [InlineData("ae.j", "")]
    [InlineData(".j", "")]
    [InlineData("1", "")]
    [InlineData("3", "number=true")]
    [InlineData("15", "number=true")]
    [InlineData("60", "number=true")]
    [InlineData("5a", "")]
    [InlineData("120", "number=true")]
    [InlineData("121", "")]
    [InlineData("060", "")]
    [InlineData("{aardvark..antelope}", "words=a")]
    [InlineData("a", "")]
    [InlineData("aardvark", "")]
    [InlineData("agreement", "")]
    [InlineData("antelope", "")]
    [InlineData("antimatter", "")]
    public void Braces_alternatives_and_ranges(string path, string expected) => AssertProperties(BracesFile, path, expected);

    [Theory]
    [InlineData("].g", "close_inside=true")]
    [InlineData("b].g", "close_outside=true")]
    [InlineData("c.g", "close_inside=false")]
    [InlineData("c].g", "close_outside=false")]
    [InlineData("a.a", "choice=true")]
    [InlineData("c.a", "")]
    [InlineData("c.b", "choice=false")]
    [InlineData("a.b", "")]
    [InlineData("f.c", "range=true")]
    [InlineData("h.c", "")]
    [InlineData("h.d", "range=false")]
    [InlineData("f.d", "")]
    [InlineData("e.e", "range_and_choice=true")]
    [InlineData("-.f", "choice_with_dash=true")]
    [InlineData("ab/cd.i", "")]
    [InlineData("abecd.i", "")]
    [InlineData("ab[e/]cd.i", "slash_inside=true")]
    [InlineData("ab[/c", "slash_half_open=true")]
    public void Brackets_and_ranges(string path, string expected) => AssertProperties(Brackets, path, expected);

    [Theory]
    [InlineData(Stars, "ace.c", "key=value keyc=valuec")]
    [InlineData(Stars, "ae.c", "key=value keyc=valuec")]
    [InlineData(Stars, "abcde.c", "key=value keyc=valuec")]
    [InlineData(Stars, "a/e.c", "keyc=valuec")]
    [InlineData(Stars, "Bar/foo.txt", "keyb=valueb keyc=valuec")]
    [InlineData(Stars, "Bar/.editorconfig", "keyb=valueb keyc=valuec")]
    [InlineData(Stars, ".editorconfig", "keyc=valuec")]
    [InlineData(Question, "some.c", "key=value")]
    [InlineData(Question, "som.c", "")]
    [InlineData(Question, "something.c", "")]
    [InlineData(Question, "som/.c", "")]
    [InlineData(StarStar, "a/z.c", "key1=value1")]
    [InlineData(StarStar, "amnz.c", "key1=value1")]
    [InlineData(StarStar, "am/nz.c", "key1=value1")]
    [InlineData(StarStar, "a/mnz.c", "key1=value1")]
    [InlineData(StarStar, "amn/z.c", "key1=value1")]
    [InlineData(StarStar, "a/mn/z.c", "key1=value1")]
    [InlineData(StarStar, "b/z.c", "key2=value2")]
    [InlineData(StarStar, "b/mnz.c", "key2=value2")]
    [InlineData(StarStar, "b/mn/z.c", "key2=value2")]
    [InlineData(StarStar, "bmnz.c", "")]
    [InlineData(StarStar, "bm/nz.c", "")]
    [InlineData(StarStar, "bmn/z.c", "")]
    [InlineData(StarStar, "c/z.c", "key3=value3")]
    [InlineData(StarStar, "cmn/z.c", "key3=value3")]
    [InlineData(StarStar, "c/mn/z.c", "key3=value3")]
    [InlineData(StarStar, "cmnz.c", "")]
    [InlineData(StarStar, "cm/nz.c", "")]
    [InlineData(StarStar, "c/mnz.c", "")]
    [InlineData(StarStar, "d/z.c", "key4=value4")]
    [InlineData(StarStar, "d/mn/z.c", "key4=value4")]
    [InlineData(StarStar, "dmnz.c", "")]
    [InlineData(StarStar, "dm/nz.c", "")]
    [InlineData(StarStar, "d/mnz.c", "")]
    [InlineData(StarStar, "dmn/z.c", "")]
    public void Stars_and_question_marks(string file, string path, string expected) => AssertProperties(file, path, expected);

    [Fact]
    public void Non_ascii_names_match()
    {
        AssertProperties("root=true\n[中文.txt]\nkey=value\n", "中文.txt", "key=value");
    }

    private static void AssertProperties(string editorConfig, string path, string expected)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ec-core");
        EditorConfigFile file = EditorConfigFile.Parse(editorConfig.Replace("\r", string.Empty), directory);
        var into = new Dictionary<string, string>(StringComparer.Ordinal);
        file.Apply(Path.Combine(directory, path), into);
        string actual = string.Join(' ', into.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(expected, actual);
    }
}
