using System.Text;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Globbing;
using TextLens.Core.Loading;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Fuzz;

/// <summary>
/// One fuzz target per parser that reads what a repository can contain. Each takes the fuzzer's bytes and must
/// return normally for every input: an exception that escapes is a crash (the contract of issue 13 is that every
/// bad input becomes a diagnostic or a usage error). The only exceptions caught are the documented "this input is
/// malformed" ones that the callers turn into messages.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["loader"] = Loader,
        ["markdown"] = Markdown,
        ["sentences"] = Sentences,
        ["editorconfig"] = EditorConfig,
        ["ignore"] = Ignore,
        ["baseline"] = BaselineFile,
    };

    /// <summary>Bytes to text: BOMs, UTF-8/16/32, binary detection, the size limit.</summary>
    public static void Loader(byte[] input)
    {
        foreach (DocumentFormat format in (DocumentFormat[])[DocumentFormat.PlainText, DocumentFormat.Markdown])
        {
            _ = DocumentLoader.FromBytes("fuzz", input, 1 << 20, format);
        }
    }

    /// <summary>The Markdown prose map (Markdig, its depth limits, HTML spans, front matter, tables) and its invariants.</summary>
    public static void Markdown(byte[] input)
    {
        string text = Text(input);
        ProseLayout layout = ProseLayout.FromMarkdown(text);
        Check(layout.Text.Length == text.Length, "prose map changed the length");
        foreach (ProseBlock block in layout.Blocks)
        {
            Check(block.Span.Start >= 0 && block.Span.End <= text.Length && block.Span.Length >= 0, "block outside the text");
        }

        foreach (TextSpan span in ProseLayout.HtmlSpans(text))
        {
            Check(span.Start >= 0 && span.End <= text.Length, "HTML span outside the text");
        }
    }

    /// <summary>Tokens, sentences and paragraphs of plain text and Markdown (no models: tagging is lazy).</summary>
    public static void Sentences(byte[] input)
    {
        string text = Text(input);
        foreach (string path in (string[])["fuzz.txt", "fuzz.md"])
        {
            ParsedDocument document = ParsedDocument.Parse(SourceText.From(text, path));
            int previousEnd = 0;
            foreach (Sentence sentence in document.Sentences)
            {
                Check(sentence.Span.Start >= previousEnd && sentence.Span.End <= text.Length, $"{path}: sentence {sentence.Index} at {sentence.Span} overlaps the previous one (ending at {previousEnd}) or leaves the text ({text.Length})");
                Check(sentence.FirstToken + sentence.TokenCount <= document.Tokens.Count, "sentence tokens out of range");
                previousEnd = sentence.Span.End;
            }

            foreach (Token token in document.Tokens)
            {
                Check(token.Span.Start >= 0 && token.Span.End <= text.Length && token.Span.Length > 0, "token outside the text");
            }
        }
    }

    /// <summary>
    /// .editorconfig: sections (globs with braces and ranges) and properties, then a few look-ups; then the file as the
    /// severity configuration reads it (the nearest .editorconfig of a document): a severity, and the TL0010 problems.
    /// </summary>
    public static void EditorConfig(byte[] input)
    {
        string text = Text(input);
        EditorConfigFile file = EditorConfigFile.Parse(text, "/repo");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in (string[])["/repo/a.md", "/repo/docs/b/c.txt", "/repo/x-123.markdown"])
        {
            file.Apply(path, properties);
        }

        // Made here, not in a static field: instrumented code run before the fuzzer maps its coverage memory (a static
        // constructor under Fuzzer.Run's caller) is an access violation.
        var rule = new RuleDescriptor("TL3001", "Prescriptive statement", "m", "Stance", Severity.Suggestion, "h");
        var configuration = new SeverityConfiguration(readConfiguration: path => path == "/repo/.editorconfig" ? new ConfigurationRead(text, null) : ConfigurationRead.None);
        _ = configuration.GetSeverity(rule, "/repo/docs/a.md");
        foreach ((string _, string problem) in configuration.Problems([rule]))
        {
            Check(problem.StartsWith("line ", StringComparison.Ordinal) && problem.Length < 1000, $"problem without its line, or too long: {problem.Length} characters");
        }
    }

    /// <summary>Ignore patterns (the gitignore dialect of the glob engine), each line matched against a few paths.</summary>
    public static void Ignore(byte[] input)
    {
        foreach (string line in Text(input).Split('\n'))
        {
            Glob glob = Glob.Parse(line.TrimEnd('\r'), GlobSyntax.Gitignore, anyDirectory: true);
            foreach (string path in (string[])["a.md", "docs/b/c.txt", "x/y/z/aaaaaaaaaaaaaaaaaaaaaaaaaaaaab.md"])
            {
                _ = glob.IsMatch(path);
            }
        }
    }

    /// <summary>A baseline file: malformed JSON is a <see cref="BaselineFormatException"/>, nothing else.</summary>
    public static void BaselineFile(byte[] input)
    {
        try
        {
            _ = Baseline.Parse(Text(input));
        }
        catch (BaselineFormatException)
        {
        }
    }

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
