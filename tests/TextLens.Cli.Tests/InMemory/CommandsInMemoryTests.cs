using System.Text.Json;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;

namespace TextLens.Cli.Tests.InMemory;

/// <summary>
/// Every command, run through <see cref="Program.Run"/> with an in-memory file system, console, environment and
/// clock: no process, and nothing read from or written to the disk but the models.
/// </summary>
public class CommandsInMemoryTests
{
    private static readonly string Article = File.ReadAllText(TestPaths.SeedArticle);

    [Fact]
    public void Report_reads_standard_input_and_writes_json_to_standard_output()
    {
        var cli = new InMemoryCli { StandardInput = Article };
        InMemoryCli.Result result = cli.Run("report", "-", "-f", "json", "--top", "5");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement document = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("-", document.GetProperty("path").GetString());
        Assert.Equal(5, document.GetProperty("keywords").GetArrayLength());
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Report_writes_its_files_and_baseline_into_the_given_file_system()
    {
        var cli = new InMemoryCli { StandardInput = Article };
        InMemoryCli.Result result = cli.Run("report", "-", "-f", "markdown", "-o", "out/report.md", "-f", "sarif", "-o", "out/report.sarif", "--write-baseline", "baseline.json", "-q");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("\n# TextLens report\n", cli.Read("out/report.md"), StringComparison.Ordinal);
        using JsonDocument sarif = JsonDocument.Parse(cli.Read("out/report.sarif"));
        JsonElement invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.Equal(0, invocation.GetProperty("exitCode").GetInt32());
        Assert.False(invocation.TryGetProperty("startTimeUtc", out _));
        Assert.Contains("\"findings\"", cli.Read("baseline.json"), StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Files.AllFiles, f => f.EndsWith(".tmp", StringComparison.Ordinal));

        // The baseline read back from the same file system marks every finding as known.
        InMemoryCli.Result again = cli.Run("report", "-", "-f", "json", "--baseline", "baseline.json", "--fail-on", "suggestion");
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public void Report_output_does_not_depend_on_the_clock_sarif_included()
    {
        var cli = new InMemoryCli { StandardInput = Article };
        string[] formats = ["sarif", "json", "markdown", "html", "github"];
        string[] args = ["report", "-", "-q", .. formats.SelectMany(f => (string[])["-f", f, "-o", "out/report." + f])];

        InMemoryCli.Result run = cli.Run(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        string[] first = [.. formats.Select(f => cli.Read("out/report." + f))];
        cli.Clock = new FixedClock(InMemoryCli.Now.AddHours(5).AddMilliseconds(123));
        run = cli.Run(args);
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal(first, formats.Select(f => cli.Read("out/report." + f)));
    }

    [Fact]
    public void Index_reads_standard_input_writes_and_merges_in_memory_and_report_compares_with_it()
    {
        static string Record(string id, string text) => JsonSerializer.Serialize(new { id, text });
        string[] paragraphs = Article.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        string firstHalf = string.Join("\n\n", paragraphs.Take(paragraphs.Length / 2));
        string secondHalf = string.Join("\n\n", paragraphs.Skip(paragraphs.Length / 2));
        const string Farm = "The farm bill sets crop insurance subsidies and conservation programs for producers. Commodity support covers corn, wheat and soybeans.";

        var cli = new InMemoryCli { StandardInput = Record("seed-a.txt", firstHalf) + "\n" + Record("farm.txt", Farm) + "\n" };
        InMemoryCli.Result built = cli.Run("index", "-", "--stdin-format", "jsonl", "-o", "part-1.tlx", "-q");
        Assert.True(built.ExitCode == 0, built.Stderr);
        Assert.Equal(string.Empty, built.Stderr);

        cli.StandardInput = Record("other.txt", "Interest rates rose again as the central bank met in Frankfurt.") + "\n";
        Assert.Equal(0, cli.Run("index", "-", "--stdin-format", "jsonl", "-o", "part-2.tlx", "-q").ExitCode);
        Assert.Equal(0, cli.Run("index", "--merge", "part-1.tlx", "--merge", "part-2.tlx", "-o", "corpus.tlx", "-q").ExitCode);
        Assert.True(cli.Files.File.ReadAllBytes(cli.Files.Path.Combine(InMemoryCli.WorkingDirectory, "corpus.tlx")).Length > 0);

        cli.StandardInput = secondHalf;
        InMemoryCli.Result report = cli.Run("report", "-", "-f", "json", "--corpus", "corpus.tlx");
        Assert.Equal(0, report.ExitCode);
        using JsonDocument json = JsonDocument.Parse(report.Stdout);
        JsonElement nearest = json.RootElement.GetProperty("documents")[0].GetProperty("corpus").GetProperty("nearest");
        Assert.Equal("seed-a", nearest[0].GetProperty("name").GetString());

        InMemoryCli.Result missing = cli.Run("report", "-", "--corpus", "nowhere.tlx");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'nowhere.tlx' is neither a folder nor an index file", missing.Stderr, StringComparison.Ordinal);

        cli.Add("not-an-index.tlx", "plain text, not an index");
        InMemoryCli.Result bad = cli.Run("report", "-", "--corpus", "not-an-index.tlx");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not-an-index.tlx", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_to_merge_is_named_as_a_folder()
    {
        // It was "cannot read partial result 'parts': Access to the path '/work/parts' is denied."
        var cli = new InMemoryCli();
        cli.Add("parts/part-0.json", "{}");

        InMemoryCli.Result result = cli.Run("merge", "parts");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("textlens: partial result 'parts' is a folder; give the json or jsonl files in it.\n", result.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Report_searches_an_in_memory_folder_with_its_ignore_file_editorconfig_and_excludes()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/seed.md", Article);
        cli.Add("docs/notes/rates.txt", "Interest rates reportedly rose. The bank said nothing.");
        cli.Add("docs/notes/skip.csv", "not,a,document");
        cli.Add("docs/drafts/old.md", "An old draft that is ignored.");
        cli.Add("docs/private/secret.txt", "Excluded on the command line.");
        cli.Add("docs/.hidden/h.md", "Hidden folders are skipped.");
        cli.Add("docs/.textlensignore", "drafts/\n");
        cli.Add("docs/notes/.editorconfig", "[*.txt]\ntextlens_diagnostic.TL3003.severity = error\n");

        InMemoryCli.Result result = cli.Run("report", "docs", "--exclude", "private/**", "-f", "json", "-q");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        string[] paths = [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()!)];
        Assert.Equal(["docs/notes/rates.txt", "docs/seed.md"], paths);
        JsonElement rates = json.RootElement.GetProperty("documents")[0];
        Assert.Contains(rates.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "TL3003" && d.GetProperty("severity").GetString() == "error");
        JsonElement seed = json.RootElement.GetProperty("documents")[1];
        Assert.DoesNotContain(seed.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Report_names_an_in_memory_input_that_is_missing_or_a_folder_without_documents()
    {
        var cli = new InMemoryCli();
        cli.Add("empty/data.csv", "a,b");
        cli.Add("good.md", Article);

        InMemoryCli.Result result = cli.Run("report", "good.md", "missing.md", "empty", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Dictionary<string, string> status = json.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("path").GetString()!, d => d.GetProperty("status").GetString()!);
        Assert.Equal("analysed", status["good.md"]);
        Assert.Equal("failed", status["missing.md"]);
        Assert.Equal("failed", status["empty"]);
    }

    [Fact]
    public void Colour_follows_the_console_and_the_environment()
    {
        var cli = new InMemoryCli { StandardInput = Article, OutputRedirected = false };
        Assert.Contains("\u001b[", cli.Run("report", "-").Stdout, StringComparison.Ordinal);

        cli.Environment["NO_COLOR"] = "1";
        Assert.DoesNotContain("\u001b[", cli.Run("report", "-").Stdout, StringComparison.Ordinal);

        // no-color.org: NO_COLOR counts when it is present and not empty (audit of 2026-12-07).
        cli.Environment["NO_COLOR"] = "";
        Assert.Contains("\u001b[", cli.Run("report", "-").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dumb_terminal_gets_no_colour()
    {
        // Audit of 2026-12-07: under TERM=dumb on a terminal the console report was full of escape sequences.
        var cli = new InMemoryCli { StandardInput = Article, OutputRedirected = false };
        cli.Environment["TERM"] = "xterm-256color";
        Assert.Contains("\u001b[", cli.Run("report", "-").Stdout, StringComparison.Ordinal);

        cli.Environment["TERM"] = "dumb";
        string dumb = cli.Run("report", "-").Stdout;
        Assert.DoesNotContain("\u001b[", dumb, StringComparison.Ordinal);
        Assert.Contains("words", dumb, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_alone_prints_the_informational_version_without_building_the_commands()
    {
        // ReportEndToEndTests compares it with System.CommandLine's own --version (through a response file) on the
        // packed tool: in this process the parser would print the test host's version.
        InMemoryCli.Result version = new InMemoryCli().Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", Program.InformationalVersion);
        Assert.Equal(Program.InformationalVersion + "\n", version.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, version.Stderr);
    }

    [Fact]
    public void Report_usage_errors_go_to_the_context_standard_error()
    {
        var cli = new InMemoryCli();
        InMemoryCli.Result missing = cli.Run("report", "missing.md", "-f", "json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("TL0001", missing.Stdout, StringComparison.Ordinal);

        InMemoryCli.Result typo = cli.Run("reprot", "-");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("did you mean 'report'?", typo.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, typo.Stdout);

        cli.Add("baseline.json", "not json");
        InMemoryCli.Result badBaseline = cli.Run("report", "-", "--baseline", "baseline.json");
        Assert.Equal(2, badBaseline.ExitCode);
        Assert.Contains("baseline '/work/baseline.json' is malformed", badBaseline.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_of_an_in_memory_partial_equals_the_single_run()
    {
        var cli = new InMemoryCli { StandardInput = Article };
        Assert.Equal(0, cli.Run("report", "-", "-f", "json", "-o", "part.json").ExitCode);
        string single = cli.Run("report", "-", "-f", "markdown").Stdout;

        InMemoryCli.Result merged = cli.Run("merge", "part.json", "-f", "markdown");
        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(single, merged.Stdout);

        InMemoryCli.Result missing = cli.Run("merge", "nothing.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nothing.json", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_and_explain_write_to_the_context_console()
    {
        var cli = new InMemoryCli();
        InMemoryCli.Result rules = cli.Run("rules", "--format", "json");
        Assert.Equal(0, rules.ExitCode);
        using (JsonDocument json = JsonDocument.Parse(rules.Stdout))
        {
            Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == "TL0001");
        }

        InMemoryCli.Result badFormat = cli.Run("rules", "--format", "yaml");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("table, json or markdown", badFormat.Stderr, StringComparison.Ordinal);

        InMemoryCli.Result explain = cli.Run("explain", "tl0005");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("TL0005: ", explain.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, cli.Run("explain", "TL9999").ExitCode);
    }

    [Fact]
    public void Eval_stance_reads_its_data_and_writes_predictions_in_memory()
    {
        var cli = new InMemoryCli();
        cli.Add("gold.jsonl", string.Join('\n',
            """{"id": "a", "text": "Congress may wish to consider whether the program should continue.", "label": "suggestion"}""",
            """{"id": "b", "text": "The committee met on Monday in Brussels.", "label": "non_suggestion"}""") + "\n");

        InMemoryCli.Result result = cli.Run("eval", "stance", "--axis", "prescriptive", "--data", "gold.jsonl", "--predictions", "out/pred.jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("accuracy    1.0000", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["""{"id":"a","label":"suggestion"}""", """{"id":"b","label":"non_suggestion"}"""],
            cli.Read("out/pred.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, cli.Run("eval", "stance", "--axis", "prescriptive", "--data", "absent.jsonl").ExitCode);
    }

    /// <summary>
    /// Scored on rows the shipped model was trained on, 'eval stance' says the figure is an in-sample fit (models/*.rows); on
    /// other rows, and on held-out predictions, it says nothing. The training row is the repository's own
    /// data/stance/crs_more.jsonl, on which the epistemic model is trained.
    /// </summary>
    [Fact]
    public void Eval_stance_says_when_it_scores_the_models_own_training_rows()
    {
        string trained = File.ReadLines(RepositoryPaths.Combine("data", "stance", "crs_more.jsonl")).First(l => l.Contains("\"epistemic\": \"asserted\"", StringComparison.Ordinal));
        const string unseen = """{"id": "u", "text": "The committee met on a Monday in Brussels to read the minutes.", "epistemic": "asserted"}""";
        var cli = new InMemoryCli();
        cli.Add("mixed.jsonl", trained + "\n" + unseen + "\n");
        cli.Add("unseen.jsonl", unseen + "\n");

        InMemoryCli.Result mixed = cli.Run("eval", "stance", "--axis", "epistemic", "--data", "mixed.jsonl", "--gold-field", "epistemic");
        Assert.Equal(0, mixed.ExitCode);
        Assert.Contains("IN-SAMPLE: 1 of 2 rows of /work/mixed.jsonl (50.0%) are rows the shipped stance-epistemic.tlsm was trained on", mixed.Stdout, StringComparison.Ordinal);
        Assert.Contains("textlens: warning: 1 of 2 rows", mixed.Stderr, StringComparison.Ordinal);

        // The binary marks are the epistemic model's too; polarity's training rows are another set (this row is not in it).
        string text = JsonDocument.Parse(trained).RootElement.GetProperty("text").GetString()!;
        cli.Add("trained.jsonl", JsonSerializer.Serialize(new { id = "t", text, label = "certain" }) + "\n");
        Assert.Contains("IN-SAMPLE: 1 of 1", cli.Run("eval", "stance", "--axis", "hedged", "--data", "trained.jsonl").Stdout, StringComparison.Ordinal);

        InMemoryCli.Result clean = cli.Run("eval", "stance", "--axis", "epistemic", "--data", "unseen.jsonl", "--gold-field", "epistemic");
        Assert.Equal(0, clean.ExitCode);
        Assert.DoesNotContain("IN-SAMPLE", clean.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("in-sample", clean.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_stance_rows_only_writes_the_fingerprint_of_the_labelled_rows_and_no_model()
    {
        var cli = new InMemoryCli();
        cli.Add("set.jsonl", string.Join('\n',
            """{"id": "a", "text": "The court denied the motion.", "polarity": "neutral"}""",
            """{"id": "b", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "c", "text": "Labelled on another axis only.", "subjectivity": "objective"}""") + "\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "set.jsonl", "--out", "out/m.tlsm", "--rows-only");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wrote /work/out/m.rows: the fingerprint of 2 training rows, 28 bytes", result.Stdout, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/out/m.tlsm"));
        var rows = TrainingRows.Read(new MemoryStream(cli.Files.File.ReadAllBytes("/work/out/m.rows")));
        Assert.True(rows.Contains("Costs rose sharply."));
        Assert.False(rows.Contains("Labelled on another axis only."));

        // A folder as --out is a usage error naming it, before anything is written.
        cli.Files.AddDirectory("/work/models");
        InMemoryCli.Result folder = cli.Run("train", "stance", "--axis", "polarity", "--data", "set.jsonl", "--out", "models", "--rows-only");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("--out '/work/models' is a folder: name the model file", folder.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/models.rows"));
    }

    [Fact]
    public void Train_stance_drop_label_leaves_out_one_files_rows_of_that_class_only()
    {
        var cli = new InMemoryCli();
        cli.Add("dev.jsonl", string.Join('\n',
            """{"id": "a", "text": "The court denied the motion.", "polarity": "neutral"}""",
            """{"id": "b", "text": "The program helps rural hospitals.", "polarity": "positive"}""") + "\n");
        cli.Add("more.jsonl", string.Join('\n',
            """{"id": "c", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "d", "text": "The grants fund new clinics.", "polarity": "positive"}""") + "\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "more.jsonl", "--drop-label", "more.jsonl=positive", "--out", "m.tlsm", "--rows-only");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the fingerprint of 3 training rows", result.Stdout, StringComparison.Ordinal);
        var rows = TrainingRows.Read(new MemoryStream(cli.Files.File.ReadAllBytes("/work/m.rows")));
        Assert.True(rows.Contains("The program helps rural hospitals."));
        Assert.True(rows.Contains("Costs rose sharply."));
        Assert.False(rows.Contains("The grants fund new clinics."));

        // A file that is not --data, a label that is not a class, a value without '=': usage errors.
        Assert.Contains("must be one of the --data files", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "--drop-label", "more.jsonl=positive", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("not a class of the polarity axis", cli.Run("train", "stance", "--axis", "polarity", "--data", "more.jsonl", "--drop-label", "more.jsonl=objective", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        InMemoryCli.Result bare = cli.Run("train", "stance", "--axis", "polarity", "--data", "more.jsonl", "--drop-label", "positive", "--out", "n.tlsm", "--rows-only");
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("--drop-label takes FILE=LABEL", bare.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/n.rows"));
    }

    [Fact]
    public void Train_stance_keep_rows_keeps_one_files_rows_with_that_field_value_only()
    {
        var cli = new InMemoryCli();
        cli.Add("dev.jsonl", string.Join('\n',
            """{"id": "a", "text": "The court denied the motion.", "polarity": "neutral"}""",
            """{"id": "b", "text": "The program helps rural hospitals.", "polarity": "positive", "polarity_file": "neutral"}""") + "\n");
        cli.Add("more.jsonl", string.Join('\n',
            """{"id": "c", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "d", "text": "The grants fund new clinics.", "polarity": "neutral", "polarity_file": "positive"}""",
            """{"id": "e", "text": "The tax credit lowers costs for families.", "polarity": "positive", "polarity_file": "positive"}""",
            """{"id": "f", "text": "The office was created in 1998.", "polarity": "neutral", "polarity_file": "neutral"}""") + "\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "more.jsonl", "--keep-rows", "more.jsonl=polarity_file:positive", "--out", "m.tlsm", "--rows-only");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the fingerprint of 4 training rows", result.Stdout, StringComparison.Ordinal);
        var rows = TrainingRows.Read(new MemoryStream(cli.Files.File.ReadAllBytes("/work/m.rows")));
        Assert.True(rows.Contains("The court denied the motion."));
        Assert.True(rows.Contains("The program helps rural hospitals."));
        Assert.True(rows.Contains("The grants fund new clinics."));
        Assert.True(rows.Contains("The tax credit lowers costs for families."));
        Assert.False(rows.Contains("Costs rose sharply."));
        Assert.False(rows.Contains("The office was created in 1998."));

        // With --drop-label on the same file: the kept rows of that label are left out too.
        InMemoryCli.Result both = cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "more.jsonl", "--keep-rows", "more.jsonl=polarity_file:positive", "--drop-label", "more.jsonl=neutral", "--out", "b.tlsm", "--rows-only");
        Assert.Equal(0, both.ExitCode);
        Assert.Contains("the fingerprint of 3 training rows", both.Stdout, StringComparison.Ordinal);

        // A file that is not --data, a value not FILE=FIELD:VALUE: usage errors, nothing written.
        Assert.Contains("must be one of the --data files", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "--keep-rows", "more.jsonl=polarity_file:positive", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        foreach (string bad in new[] { "more.jsonl=polarity_file", "more.jsonl=:positive", "more.jsonl=polarity_file:", "polarity_file:positive" })
        {
            InMemoryCli.Result r = cli.Run("train", "stance", "--axis", "polarity", "--data", "more.jsonl", "--keep-rows", bad, "--out", "n.tlsm", "--rows-only");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("--keep-rows takes FILE=FIELD:VALUE", r.Stderr, StringComparison.Ordinal);
        }

        Assert.False(cli.Files.File.Exists("/work/n.rows"));
    }

    [Fact]
    public void Train_stance_negative_stage_lists_its_rows_in_the_fingerprint_and_needs_the_polarity_classifier_with_in_domain()
    {
        var cli = new InMemoryCli();
        cli.Add("dev.jsonl", """{"id": "a", "doc": "R1", "text": "The court denied the motion.", "polarity": "neutral"}""" + "\n");
        cli.Add("news.jsonl", """{"id": "n", "text": "Stocks fell again.", "polarity": "negative"}""" + "\n");
        cli.Add("more.jsonl", string.Join('\n',
            """{"id": "c", "doc": "R1", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "d", "doc": "R1", "text": "The grants fund new clinics.", "polarity": "positive"}""") + "\n");

        // The stage's own rows train a written file: the fingerprint lists them (positives too: they count as not negative).
        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage", "more.jsonl", "--out", "m.tlsm", "--rows-only");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the fingerprint of 4 training rows", result.Stdout, StringComparison.Ordinal);
        var rows = TrainingRows.Read(new MemoryStream(cli.Files.File.ReadAllBytes("/work/m.rows")));
        Assert.True(rows.Contains("Costs rose sharply."));
        Assert.True(rows.Contains("The grants fund new clinics."));

        // Without --in-domain, on another axis, or with another second stage: usage errors, nothing written.
        InMemoryCli.Result alone = cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "--negative-stage", "more.jsonl", "--out", "n.tlsm", "--rows-only");
        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("--negative-stage applies to the polarity classifier with --in-domain only", alone.Stderr, StringComparison.Ordinal);
        Assert.Contains("--negative-stage applies", cli.Run("train", "stance", "--axis", "subjectivity", "--data", "dev.jsonl", "--negative-stage", "more.jsonl", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("does not combine", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--polarity-trees", "--negative-stage", "more.jsonl", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-neutral-only", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-gate-squared", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-neutral-where-negative", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-lower-prospective", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-keep-positive", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.Contains("apply with --negative-stage only", cli.Run("train", "stance", "--axis", "polarity", "--data", "dev.jsonl", "news.jsonl", "--in-domain", "dev.jsonl", "--negative-stage-without-document", "--out", "n.tlsm", "--rows-only").Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/n.rows"));
    }

    [Fact]
    public void Eval_keyphrases_scores_an_in_memory_set()
    {
        var cli = new InMemoryCli();
        cli.Add("kp.jsonl", JsonSerializer.Serialize(new { id = "seed", text = Article, keyphrases = new[] { "chongryon", "north korea" } }) + "\n");

        InMemoryCli.Result result = cli.Run("eval", "keyphrases", "--data", "kp.jsonl", "--top", "10", "--predictions", "kp-pred.jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kp.jsonl", result.Stdout, StringComparison.Ordinal);
        using JsonDocument prediction = JsonDocument.Parse(cli.Read("kp-pred.jsonl"));
        Assert.Equal(10, prediction.RootElement.GetProperty("keyphrases").GetArrayLength());
    }

    [Fact]
    public void Eval_findings_reads_labels_and_documents_from_the_file_system()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/seed.md", Article);
        cli.Add("labels.jsonl", """{"doc": "seed", "rule": "TL3001", "sentence": "Chongryon is a pro-North Korean group.", "snippet": "x", "label": "useful"}""" + "\n");

        InMemoryCli.Result result = cli.Run("eval", "findings", "--data", "labels.jsonl", "--docs", "docs");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("labels.jsonl", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, cli.Run("eval", "findings", "--data", "labels.jsonl", "--docs", "nowhere").ExitCode);
    }

    [Fact]
    public void Train_background_writes_a_table_that_loads()
    {
        var cli = new InMemoryCli();
        cli.Add("df.tsv", "#N_DOCS\t100\nterm\tdf\nkorea\t7\njapan\t12\nthe\t100\n");

        InMemoryCli.Result result = cli.Run("train", "background", "--data", "df.tsv", "--out", "models/bg.bin");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 terms, N = 100", result.Stderr, StringComparison.Ordinal);
        using var stream = new MemoryStream(cli.Files.File.ReadAllBytes("/work/models/bg.bin"));
        BackgroundFrequencies table = BackgroundFrequencies.ReadBinary(stream);
        Assert.Equal(3, table.Count);
        Assert.Equal(100, table.DocumentCount);
        Assert.Equal(2, cli.Run("train", "background", "--data", "absent.tsv", "--out", "bg.bin").ExitCode);
    }

    [Fact]
    public void Train_pos_writes_the_model_and_scores_the_test_set_in_memory()
    {
        var cli = new InMemoryCli();
        const string Sentences = "# source=in-memory test\nThe\tDET\tDT\ncommittee\tNOUN\tNN\nmet\tVERB\tVBD\n.\tPUNCT\t.\n\nA\tDET\tDT\nreport\tNOUN\tNN\nfollowed\tVERB\tVBD\n.\tPUNCT\t.\n\n";
        cli.Add("train.tsv", Sentences);
        cli.Add("test.tsv", Sentences);

        InMemoryCli.Result result = cli.Run("train", "pos", "--data", "train.tsv", "--test", "test.tsv", "--out", "pos.bin.gz", "--iterations", "20");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("test.tsv\tUPOS accuracy ", result.Stdout, StringComparison.Ordinal);
        Assert.True(cli.Files.File.ReadAllBytes("/work/pos.bin.gz").Length > 0);
        Assert.Equal(2, cli.Run("train", "pos", "--data", "absent.tsv", "--out", "pos.bin.gz").ExitCode);
    }

    [Theory]
    [InlineData("--gate-shift", "-3")]
    [InlineData("--gate-sharpness", "4")]
    [InlineData("--gate-l2", "0.1")]
    public void Train_stance_refuses_a_gate_setting_without_a_genre_blend(string option, string value)
    {
        var cli = new InMemoryCli();
        cli.Add("p.jsonl", "{\"id\": \"a\", \"text\": \"The House passed H.R. 1156.\", \"label\": \"neutral\"}\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "p.jsonl", "--out", "p.tlsm", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--in-domain", result.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/p.tlsm"));
    }

    [Theory]
    [InlineData("--gate-sharpness", "0")]
    [InlineData("--gate-sharpness", "-1")]
    [InlineData("--gate-l2", "-0.5")]
    public void Train_stance_refuses_a_gate_setting_out_of_range(string option, string value)
    {
        var cli = new InMemoryCli();
        cli.Add("p.jsonl", "{\"id\": \"a\", \"text\": \"The House passed H.R. 1156.\", \"label\": \"neutral\"}\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", "polarity", "--data", "p.jsonl", "--in-domain", "p.jsonl", "--out", "p.tlsm", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/p.tlsm"));
    }

    [Theory]
    [InlineData("polarity", "0")]
    [InlineData("polarity", "-0.85")]
    [InlineData("subjectivity", "0.85")]
    public void Train_stance_refuses_a_temperature_out_of_range_or_off_the_polarity_axis(string axis, string value)
    {
        var cli = new InMemoryCli();
        cli.Add("p.jsonl", "{\"id\": \"a\", \"text\": \"The House passed H.R. 1156.\", \"label\": \"neutral\"}\n");

        InMemoryCli.Result result = cli.Run("train", "stance", "--axis", axis, "--data", "p.jsonl", "--out", "p.tlsm", "--temperature", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--temperature", result.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/p.tlsm"));
    }

    [Theory]
    [InlineData("eval", "stance")]
    [InlineData("eval", "findings")]
    [InlineData("eval", "keyphrases")]
    [InlineData("train", "stance")]
    [InlineData("train", "pos")]
    [InlineData("train", "background")]
    [InlineData("merge")]
    public void Help_of_a_command_with_required_options_is_shown_not_refused(params string[] command)
    {
        InMemoryCli.Result result = new InMemoryCli().Run([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(string.Join(' ', command), result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_missing_required_option_without_help_is_still_a_usage_error()
    {
        InMemoryCli.Result result = new InMemoryCli().Run("eval", "stance");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Option '--axis' is required.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The\tDET\tDT\n", "starts with a '# source=...' comment line")]
    [InlineData("# source=test\nThe DET\n", "Bad POS data line")]
    [InlineData("# source=test\nThe\tNOTATAG\tDT\n", "is not a Universal Dependencies part-of-speech tag")]
    public void Train_pos_on_data_that_is_not_pos_data_is_a_usage_error_naming_the_file(string content, string reason)
    {
        var cli = new InMemoryCli();
        string data = cli.Add("bad.tsv", content);

        InMemoryCli.Result result = cli.Run("train", "pos", "--data", "bad.tsv", "--out", "pos.bin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{data}' is not part-of-speech data", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists(cli.Files.Path.Combine(InMemoryCli.WorkingDirectory, "pos.bin")));
    }
}
