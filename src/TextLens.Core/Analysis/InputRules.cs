
namespace TextLens.Core.Analysis;

/// <summary>TL0xxx: problems with an input file itself. Reported by the loader, before any analyzer runs.</summary>
public static class InputRules
{
    public const string Category = "Input";

    public static readonly RuleDescriptor Unreadable = new(
        "TL0001", "File cannot be read", "Cannot read '{0}': {1}", Category, Severity.Error,
        "The path does not exist, is not a file, or could not be opened (permissions, a lock, an I/O error). The file is skipped and the run exits with code 2; the other files are still analysed.",
        "textlens report missing.md");

    public static readonly RuleDescriptor Binary = new(
        "TL0002", "Not a text file", "'{0}' looks like a binary file (a NUL or control byte at byte {1}); it was skipped", Category, Severity.Error,
        "TextLens reads plain text and Markdown. A file with NUL bytes, or with more than 10% control characters in its first 8 KiB, is treated as binary and skipped. Exclude such files with --exclude or .textlensignore.",
        "textlens report picture.png");

    public static readonly RuleDescriptor InvalidEncoding = new(
        "TL0003", "Invalid text encoding", "'{0}' is not valid {1}: the first bad byte is at byte offset {2}", Category, Severity.Error,
        "Files must be UTF-8 (with or without a byte-order mark), or UTF-16 or UTF-32 with a byte-order mark. Re-save the file as UTF-8; the offset points at the first byte that is not valid.",
        "A Latin-1 file with 'café' encoded as 0x63 0x61 0x66 0xE9.");

    public static readonly RuleDescriptor TooLarge = new(
        "TL0004", "File too large", "'{0}' is {1:N0} bytes, over the limit of {2:N0} bytes; it was skipped", Category, Severity.Error,
        "Files over the size limit (10 MiB by default) are skipped so that one stray file cannot stall a CI run. Raise the limit with --max-file-size.",
        "textlens report --max-file-size 1000 big.txt");

    public static readonly RuleDescriptor Empty = new(
        "TL0005", "Empty document", "'{0}' has no prose to analyse", Category, Severity.Warning,
        "The file is empty, holds only white space, or (Markdown) only code, HTML or front matter. It is reported with no keywords, themes or stance.",
        "An empty README.md.");

    public static readonly RuleDescriptor NoInputs = new(
        "TL0006", "No matching input files", "'{0}' matched no files to analyse", Category, Severity.Error,
        "A directory or glob matched no file with an included extension (*.txt, *.md, *.markdown by default, see --include) that is not excluded. Check the path and the --include/--exclude patterns.",
        "textlens report empty-folder/");

    public static readonly RuleDescriptor AnalyzerFailed = new(
        "TL0007", "Analyzer failed", "The {0} analyzer failed on '{1}': {2}", "Internal", Severity.Error,
        "An analyzer threw an exception on this document. Its results are missing from the report; every other analyzer and document is still reported. This is a bug in TextLens: please report it with the document that triggers it.",
        null);

    public static readonly RuleDescriptor NotEnglish = new(
        "TL0008", "Not English", "'{0}' appears to be written in {1}, not English; its English analyses (keywords, themes, stance, summary) were skipped", Category, Severity.Warning,
        "TextLens analyses English prose; on other languages its keywords, themes and stance would be wrong (function words as keywords, every sentence 'asserted'). A document whose prose has few English function words, and in which the language identifier (Lingua, trigram models) names another language with confidence, gets this warning and no keywords, themes, stance or summary; the other documents are unaffected. English with quoted passages in another language is English. Documents with fewer than 200 letters (a Chinese or Japanese character counts as three) are not checked. To analyse a document anyway, set textlens_diagnostic.TL0008.severity = none for it in .editorconfig.",
        "Le gouvernement a annoncé mardi une série de mesures destinées à soutenir les ménages.");

    public static readonly RuleDescriptor MalformedRecord = new(
        "TL0009", "Malformed JSON Lines record", "Line {0} of the JSON Lines input was skipped: {1}", Category, Severity.Error,
        "With --stdin-format jsonl, each line of standard input must be one JSON object with a string \"id\" (unique; the document's path in the report), a string \"text\" and optionally \"format\" (\"text\" or \"markdown\"). A line that is not is reported under its id, or as '-:LINE' when it has none, and the run exits with code 2; the other lines are still analysed.",
        "{\"id\": \"a.txt\", \"text\": 42}");

    public static readonly RuleDescriptor BadConfiguration = new(
        "TL0010", "Configuration entry ignored", "'{0}': {1}", Category, Severity.Warning,
        "An .editorconfig entry for TextLens names an unknown rule id or category, or an unknown severity, or is a key under textlens_diagnostic. other than <rule id or category-Name>.severity (a misspelt severity), or sets a TextLens rule or category, or an id of TextLens's form (TL and four digits) that no rule has, under the .NET compilers' dotnet_diagnostic. prefix, which TextLens does not read, or stands before the first [section], where it applies to no file, or has no '=' after its key (dotnet_diagnostic.TL3001.severity warning); or a line opens a section with '[' but does not end in ']', so the TextLens entries after it stay in the section before it; or a section's glob is too long or nested too deep. The message gives the line; the entry is ignored (the rule keeps its other configuration) and the rest of the file still applies. Check the spelling: severities are none, suggestion, warning and error; 'textlens rules' lists rule ids and categories. Also an .editorconfig or .textlensignore that cannot be used at all: larger than 1 MiB, a folder or another kind of file that is not a regular one, unreadable, or binary (it is not read); or one that is not valid UTF-8 (it is read with each invalid byte as U+FFFD, so that its entries still apply; save it as UTF-8).",
        "[*.md]\ntextlens_diagnostic.TL0005.severity = eror");

    public static readonly RuleDescriptor BadSuppression = new(
        "TL0011", "Suppression directive not understood", "textlens-{0} names {1}; {2}", Category, Severity.Warning,
        "A textlens-disable, textlens-enable or textlens-disable-next-line directive names words that are not rule ids, such as a misspelt id (TL303), or rule ids that no rule of the run has (TL3010 for TL3001; 'textlens rules' lists them). The directive applies to the known rule ids it does name, and to no rule if it names none: only a directive with no words at all applies to every rule. Separate ids with spaces or commas; a note may follow ' -- '.",
        "<!-- textlens-disable TL303 -->");

    public static readonly RuleDescriptor ReadAsPlainText = new(
        "TL0012", "Markdown read as plain text", "'{0}' was analysed as plain text: {1}", Category, Severity.Warning,
        "The Markdown parser (Markdig) is not given a document that would take it too long: one whose block quotes and lists nest deeper than its limit of 128 levels, which it refuses only after time cubic in the depth, or one with more than 64 inline links whose tail ('](' and what follows) is still open 2,048 characters on, which it reads again from every opening, in time quadratic in the length; or one Markdig refuses, such as thousands of emphasis marks in one paragraph. Such a document is analysed as plain text: every word is still read, but Markdown syntax (headings, code, tables, link targets, HTML tags) is read as prose, so keywords and stance may include it; only its closed HTML comments (<!-- ... -->) are left out, as in a parsed document, and a suppression directive anywhere in it counts. Close the links or flatten the nesting; or set textlens_diagnostic.TL0012.severity = none for the file in .editorconfig.",
        "[a]([a]([a]([a]( … repeated 5,000 times in one paragraph of a .md file");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [Unreadable, Binary, InvalidEncoding, TooLarge, Empty, NoInputs, AnalyzerFailed, NotEnglish, MalformedRecord, BadConfiguration, BadSuppression, ReadAsPlainText];

    /// <summary>Load failures mean the file could not be analysed: the run exits with code 2. (An empty document and an analyzer failure are ordinary findings.)</summary>
    public static bool IsLoadFailure(RuleDescriptor rule) =>
        rule == Unreadable || rule == Binary || rule == InvalidEncoding || rule == TooLarge || rule == NoInputs || rule == MalformedRecord;
}
