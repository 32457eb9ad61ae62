using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TextLens.Core.Features;
using TextLens.Core.Language;
using TextLens.Core.Models;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Features;

/// <summary>The model set: lazy, per-model loading, and a clear error for a bad file.</summary>
public sealed class ModelSetTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "textlens-models-" + Guid.NewGuid().ToString("N"));

    public ModelSetTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Opening_reads_nothing_and_each_model_loads_from_its_own_file()
    {
        // Only the part-of-speech model is present: tagging works, the background table reports its own file.
        File.Copy(TestPaths.Repo("models", PartOfSpeechTagger.FileName), Path.Combine(_folder, PartOfSpeechTagger.FileName));
        var models = new ModelSet(_folder);
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From("North Korea's leader met officials."), models);
        Assert.Equal(PartOfSpeech.Propn, doc.Tags[0]);
        ModelLoadException missing = Assert.Throws<ModelLoadException>(() => models.Background);
        Assert.Equal(BackgroundFrequencies.FileName, missing.FileName);
        Assert.Contains(BackgroundFrequencies.FileName, missing.Message, StringComparison.Ordinal);
        Assert.Contains("not found", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BackgroundFrequencies.FileName)]
    [InlineData(PartOfSpeechTagger.FileName)]
    [InlineData(ValenceLexicon.FileName)]
    [InlineData(StanceTagger.PolarityModelFile)]
    public void A_truncated_model_file_is_an_error_that_names_it(string file)
    {
        CopyAllModels();
        byte[] whole = File.ReadAllBytes(Path.Combine(_folder, file));
        File.WriteAllBytes(Path.Combine(_folder, file), whole[..(whole.Length * 2 / 3)]);
        var models = new ModelSet(_folder);
        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => Touch(models, file));
        Assert.Equal(file, ex.FileName);
        Assert.Contains($"'{file}'", ex.Message, StringComparison.Ordinal);
        Assert.Matches("truncated|corrupt", ex.Message);
    }

    [Theory]
    [InlineData(BackgroundFrequencies.FileName)]
    [InlineData(PartOfSpeechTagger.FileName)]
    [InlineData(ValenceLexicon.FileName)]
    [InlineData(StanceTagger.SubjectivityModelFile)]
    public void A_corrupt_model_file_is_an_error_that_names_it(string file)
    {
        CopyAllModels();
        byte[] bytes = File.ReadAllBytes(Path.Combine(_folder, file));
        for (int i = 0; i < Math.Min(64, bytes.Length); i++)
        {
            bytes[i] ^= 0x5A; // header and the start of the data
        }

        File.WriteAllBytes(Path.Combine(_folder, file), bytes);
        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => Touch(new ModelSet(_folder), file));
        Assert.Equal(file, ex.FileName);
        Assert.Matches("truncated|corrupt", ex.Message);
    }

    [Theory]
    [InlineData(StanceTagger.EpistemicModelFile)]
    [InlineData(StanceTagger.PolarityOrdinalModelFile)]
    public void A_stance_model_with_trailing_bytes_is_an_error_that_names_it(string file)
    {
        CopyAllModels();
        using (var stream = new FileStream(Path.Combine(_folder, file), FileMode.Append))
        {
            stream.Write([0, 0, 0, 0]);
        }

        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => Touch(new ModelSet(_folder), file));
        Assert.Equal(file, ex.FileName);
        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("trailing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_epistemic_trees_file_beside_the_models_is_an_error_that_names_it()
    {
        CopyAllModels();
        var trees = new EpistemicTrees(StanceTagger.EpistemicClasses, EpistemicTrees.FixedInputs, new float[4], [[new EpistemicTrees.Tree([4], [0.5f], [~0], [~1], [0f, 1f])], [], [], []]);
        using (var buffer = new MemoryStream())
        {
            trees.Save(buffer);
            File.WriteAllBytes(Path.Combine(_folder, EpistemicTrees.FileName), buffer.ToArray()[..^4]);
        }

        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance);
        Assert.Equal(EpistemicTrees.FileName, ex.FileName);
        Assert.Contains($"'{EpistemicTrees.FileName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_lets_a_model_error_through_instead_of_reporting_an_analyzer_bug()
    {
        CopyAllModels();
        File.Delete(Path.Combine(_folder, StanceTagger.SubjectivityModelFile));
        var models = new ModelSet(_folder);
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(models);
        ModelLoadException ex = Assert.Throws<ModelLoadException>(() =>
            engine.Analyze(SourceText.From("Officials said the talks may resume.", "a.txt"), AnalysisOptions.Default, DefaultSeverities.Instance));
        Assert.Equal(StanceTagger.SubjectivityModelFile, ex.FileName);
    }

    [Fact]
    public void Without_stance_the_stance_models_are_never_read()
    {
        File.Copy(TestPaths.Repo("models", PartOfSpeechTagger.FileName), Path.Combine(_folder, PartOfSpeechTagger.FileName));
        File.Copy(TestPaths.Repo("models", BackgroundFrequencies.FileName), Path.Combine(_folder, BackgroundFrequencies.FileName));
        var models = new ModelSet(_folder);
        AnalysisEngine engine = new([.. BuiltInAnalyzers.Create(models).Where(a => a is not StanceAnalyzer)], models);
        DocumentAnalysis analysis = engine.Analyze(SourceText.From("North Korea and Japan held talks in Tokyo about the abductions.", "a.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Id == "TL0007");
        Assert.NotEmpty(analysis.GetResult<TextLens.Core.Analyzers.Keywords.KeywordResult>()!.Keywords);
    }

    [Fact]
    public void Model_files_are_mapped_and_fixed_layouts_read_in_place_what_a_read_of_the_file_gives()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")))
        {
            ReadOnlyMemory<byte> mapped = MappedModelFile.Map(path);
            byte[] read = File.ReadAllBytes(path);
            Assert.True(mapped.Span.SequenceEqual(read), path);
            Assert.False(MemoryMarshal.TryGetArray(mapped, out _));

            // A fixed-layout reader takes the mapped bytes themselves; any other reads them as a stream.
            Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(mapped.Span), ref MemoryMarshal.GetReference(ModelBytes.ReadMemory(new ModelMemoryStream(mapped)).Span)));
            using var stream = new ModelMemoryStream(mapped);
            stream.Seek(read.Length / 3, SeekOrigin.Begin);
            Assert.Equal(read[(read.Length / 3)..], ModelBytes.ReadAll(stream));
            Assert.Equal(read, ModelBytes.ReadAll(new ModelMemoryStream(mapped)));
        }

        // Models loaded through the set (mapped) are the models read from the files' bytes: same rows, same outputs.
        var models = new ModelSet(TestPaths.Repo("models"));
        string[] words = ["the", "korea", "abduction", "talks", "zzzqx", "chongryon", "of", "japan"];
        BackgroundFrequencies background;
        using (FileStream file = File.OpenRead(models.PathOf(BackgroundFrequencies.FileName)))
        {
            background = BackgroundFrequencies.ReadBinary(file);
        }

        Assert.Equal((background.DocumentCount, background.Count), (models.Background.DocumentCount, models.Background.Count));
        Assert.Equal(words.Select(background.DocumentFrequency), words.Select(models.Background.DocumentFrequency));

        LinearStanceModel viaSet = models.Load(StanceTagger.PolarityModelFile, LinearStanceModel.Load);
        LinearStanceModel viaArray;
        using (var bytes = new MemoryStream(File.ReadAllBytes(models.PathOf(StanceTagger.PolarityModelFile))))
        {
            viaArray = LinearStanceModel.Load(bytes);
        }

        Assert.True(viaSet.Slots.SequenceEqual(viaArray.Slots));
        Assert.True(viaSet.Rows.SequenceEqual(viaArray.Rows));
        var random = new Random(15);
        int[] indices = [.. viaSet.Slots.ToArray().Where(_ => random.Next(50) == 0).Take(40)];
        float[] values = [.. indices.Select(_ => (float)random.NextDouble())];
        Assert.Equal(viaArray.Predict(indices, values), viaSet.Predict(indices, values));
    }

    [Fact]
    public void An_empty_model_file_is_an_error_that_names_it()
    {
        File.WriteAllBytes(Path.Combine(_folder, BackgroundFrequencies.FileName), []);
        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Background);
        Assert.Equal(BackgroundFrequencies.FileName, ex.FileName);
        Assert.Matches("truncated|corrupt", ex.Message);
    }

    [Theory]
    [InlineData("fifo", "is not a regular file (a FIFO, socket or device)")]
    [InlineData("folder", "is a folder, not a file")]
    public async Task A_model_file_that_is_not_a_file_is_an_error_that_names_it_and_is_never_opened(string kind, string problem)
    {
        CopyAllModels();
        string path = Path.Combine(_folder, PartOfSpeechTagger.FileName);
        File.Delete(path);
        Make(kind, path);

        // Opening a FIFO for reading blocks until something writes to it: the run hung.
        ModelLoadException ex = await Assert.ThrowsAsync<ModelLoadException>(() =>
            Task.Run(() => Touch(new ModelSet(_folder), PartOfSpeechTagger.FileName)).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(PartOfSpeechTagger.FileName, ex.FileName);
        Assert.Contains($"'{PartOfSpeechTagger.FileName}' {problem}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_model_that_is_a_fifo_is_an_error_that_names_it()
    {
        string languages = CopyLanguageModels();
        string trigrams = Path.Combine(languages, "ka", "trigrams.json.br");
        File.Delete(trigrams);
        Make("fifo", trigrams);

        ModelLoadException ex = await Assert.ThrowsAsync<ModelLoadException>(() =>
            Task.Run(() => new ModelSet(_folder).Languages.Identify(Georgian)).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("language/ka/trigrams.json.br", ex.FileName);
        Assert.Contains("is not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_truncated_or_corrupt_language_model_is_an_error_that_names_the_folder(bool truncate)
    {
        // Lingua gathers the failures of the languages it loads at once in an AggregateException, which passed the
        // model error handling: each non-English document got TL0007 "the analyzer failed", with no file named.
        // Hindi and Marathi, the two languages written in Devanagari: Lingua keeps the models it loaded for the whole
        // process, keyed by language, so these tests take languages no other test reads.
        string languages = CopyLanguageModels();
        foreach (string language in new[] { "hi", "mr" })
        {
            string trigrams = Path.Combine(languages, language, "trigrams.json.br");
            byte[] bytes = File.ReadAllBytes(trigrams);
            File.WriteAllBytes(trigrams, truncate ? bytes[..50] : [.. bytes.Select(b => (byte)(b ^ 0x5A))]);
        }

        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Languages.Identify(Hindi));
        Assert.Equal(LanguageIdentifier.FolderName, ex.FileName);
        Assert.Contains("could not be read", ex.Message, StringComparison.Ordinal);
    }

    private const string Georgian = "საქართველოს პარლამენტმა დღეს ბიუჯეტი დაამტკიცა. მთავრობამ მაშინვე უპასუხა.";

    private const string Hindi = "संसद ने आज बजट को मंजूरी दी। सरकार ने तुरंत जवाब दिया और विपक्ष ने विरोध किया।";

    private string CopyLanguageModels()
    {
        string source = TestPaths.Repo("models", LanguageIdentifier.FolderName);
        string target = Path.Combine(_folder, LanguageIdentifier.FolderName);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static void Make(string kind, string path)
    {
        if (kind == "folder")
        {
            Directory.CreateDirectory(path);
            return;
        }

        using var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, "this test needs mkfifo (Unix)");
    }

    private static void Touch(ModelSet models, string file)
    {
        switch (file)
        {
            case BackgroundFrequencies.FileName: _ = models.Background; break;
            case PartOfSpeechTagger.FileName: _ = models.PartOfSpeech; break;
            case ValenceLexicon.FileName: _ = models.Valence; break;
            default: _ = models.Stance; break;
        }
    }

    private void CopyAllModels()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")))
        {
            File.Copy(path, Path.Combine(_folder, Path.GetFileName(path)));
        }
    }
}
