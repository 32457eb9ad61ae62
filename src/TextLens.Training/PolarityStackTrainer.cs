using System.Globalization;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training.Evaluation;

namespace TextLens.Training;

/// <summary>
/// The polarity second stage (<see cref="StanceTrainingOptions.PolarityStack"/>, `train stance --polarity-trees`): residual
/// FastTree ensembles, one per class, over the blend's out-of-fold probabilities and the sentence's dense inputs, exported to
/// <see cref="PolarityTrees"/> (the tool evaluates them without ML.NET's tree trainer).
/// </summary>
public static partial class StanceTrainer
{
    /// <summary>
    /// The second stage trained on all of <paramref name="items"/>: every row's stage-1 probabilities come from the blend of
    /// the other inner folds (grouped by document), as a new sentence's come from the whole.
    /// </summary>
    public static PolarityTrees TrainPolarityStack(IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PolarityStack is null || options.Regression)
        {
            throw new ArgumentException("No polarity second stage in the options.", nameof(options));
        }

        Row[] rows = Featurize(StanceAxis.Polarity, items, ClassesOf(StanceAxis.Polarity), lexicon, "label", options);
        return FitPolarityTrees(rows, CachedInnerStages(-1, rows, options, lexicon), options);
    }

    /// <summary>
    /// What the second stage reads of every row of <paramref name="train"/>, with the stage-1 probabilities out of fold: inner
    /// folds grouped by document; each inner fold's classifier and blend fitted as the shipped ones on the other inner folds,
    /// and the row tagged by a tagger built from them (the same code as 'report').
    /// </summary>
    private static PolarityStage[] InnerStages(Row[] train, StanceTrainingOptions options, ValenceLexicon lexicon)
    {
        IReadOnlyList<string> classes = ClassesOf(StanceAxis.Polarity);
        int folds = options.Folds;
        int[] inner = [.. train.Select(r => (int)(StableHash("stack:" + r.Group) % (uint)folds))];
        var stages = new PolarityStage[train.Length];
        for (int k = 0; k < folds; k++)
        {
            Row[] fit = [.. train.Where((_, i) => inner[i] != k)];
            if (fit.Length == train.Length)
            {
                continue;
            }

            LinearStanceModel model = Tempered(StanceAxis.Polarity, Fit(StanceAxis.Polarity, fit, classes, options), options);
            GenreBlend? blend = FitBlend(StanceAxis.Polarity, model, fit, classes, options);
            var tagger = new StanceTagger(lexicon, model, null) { PolarityBlend = blend, Embeddings = options.Embeddings, CollectPolarityStage = true };
            for (int i = 0; i < train.Length; i++)
            {
                if (inner[i] == k)
                {
                    StanceItem item = train[i].Source ?? throw new InvalidOperationException("A polarity row without its item.");
                    stages[i] = StanceEvaluation.Tag(tagger, item.Text, item.Context).PolarityStage
                        ?? throw new InvalidOperationException("The inner tagger collected no polarity stage.");
                }
            }
        }

        return stages;
    }

    /// <summary>
    /// <see cref="InnerStages"/>, kept in the screening cache (<see cref="SecondStageOptions.Cache"/>: the stage-1 blend does
    /// not depend on the trees' settings) under the key of outer fold <paramref name="outer"/> (−1: all rows).
    /// </summary>
    private static PolarityStage[] CachedInnerStages(int outer, Row[] train, StanceTrainingOptions options, ValenceLexicon lexicon)
    {
        string? path = options.PolarityStack?.Cache is { } cache ? $"{cache}.polarity.{outer + 1}.tsv" : null;
        if (path is not null && ReadCached(path, stream =>
            {
                using var reader = new StreamReader(stream);
                string[] lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                PolarityStage?[] read = [.. lines.Select(ParseStage)];
                return read.Length == train.Length && read.All(r => r is not null) ? read.Select(r => r!).ToArray() : null;
            }) is { } cached)
        {
            return cached;
        }

        PolarityStage[] stages = InnerStages(train, options, lexicon);
        if (path is not null)
        {
            WriteCached(path, stream =>
            {
                using var writer = new StreamWriter(stream);
                foreach (PolarityStage st in stages)
                {
                    writer.Write(FormatStage(st));
                    writer.Write('\n');
                }
            });
        }

        return stages;
    }

    /// <summary>One cache line: the three probabilities, the fixed inputs, then name=value of each named feature, tab-separated (round-trip formats).</summary>
    private static string FormatStage(PolarityStage stage) => string.Join('\t',
        stage.Probabilities.Select(v => v.ToString("R", CultureInfo.InvariantCulture))
            .Concat(stage.Fixed.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
            .Concat(stage.Named.Select(n => n.Name + "=" + n.Value.ToString("R", CultureInfo.InvariantCulture))));

    private static PolarityStage? ParseStage(string line)
    {
        string[] parts = line.Split('\t');
        int k = ClassesOf(StanceAxis.Polarity).Count, m = PolarityTrees.FixedInputs.Count;
        if (parts.Length < k + m)
        {
            return null;
        }

        double[] p = [.. parts[..k].Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        float[] x = [.. parts[k..(k + m)].Select(v => float.Parse(v, CultureInfo.InvariantCulture))];
        var named = new List<(string Name, float Value)>();
        foreach (string part in parts[(k + m)..])
        {
            int eq = part.LastIndexOf('=');
            if (eq <= 0)
            {
                return null;
            }

            named.Add((part[..eq], float.Parse(part[(eq + 1)..], CultureInfo.InvariantCulture)));
        }

        return new PolarityStage(p, x, named);
    }

    /// <summary>
    /// The second stage over <paramref name="train"/> with the stage-1 out-of-fold readings <paramref name="stages"/> (one per
    /// row). With <see cref="SecondStageOptions.AnalysisOnly"/> (twenty-second round) the trees are fitted on the analysis-prose
    /// rows with a document only, class-balanced against those rows' counts, and read a sentence only with its document, mixed
    /// with the blend by the genre gate; with <see cref="SecondStageOptions.Offsets"/> the class offsets of the decision are
    /// fitted on the inner out-of-fold readings of those rows (trees of the other inner folds, grouped by document as stage 1's),
    /// so the rows a fold holds out never enter them.
    /// </summary>
    private static PolarityTrees FitPolarityTrees(Row[] train, PolarityStage[] stages, StanceTrainingOptions options)
    {
        SecondStageOptions stage = options.PolarityStack!;
        if (!stage.AnalysisOnly)
        {
            return FitPolarityEnsembles(train, stages, options, 0);
        }

        int[] use = [.. Enumerable.Range(0, train.Length).Where(i => train[i].InDomain && PolarityTrees.HasDocument(stages[i].Named))];
        Row[] rows = [.. use.Select(i => train[i])];
        PolarityStage[] read = [.. use.Select(i => stages[i])];
        const int Flags = PolarityTrees.DocumentOnly | PolarityTrees.MixedByGate;
        PolarityTrees trees = FitPolarityEnsembles(rows, read, options, Flags);
        return stage.Offsets ? trees.WithOffsets(InnerOffsets(rows, read, options, Flags)) : trees;
    }

    /// <summary>
    /// The class offsets that maximise the macro-F1 of the inner out-of-fold decisions on <paramref name="rows"/>: each inner
    /// fold (the `stack:` document hash) read by trees fitted on the other inner folds, mixed by the gate as the tagger mixes.
    /// </summary>
    private static double[] InnerOffsets(Row[] rows, PolarityStage[] stages, StanceTrainingOptions options, int flags)
    {
        int folds = options.Folds;
        int[] inner = [.. rows.Select(r => (int)(StableHash("stack:" + r.Group) % (uint)folds))];
        var readings = new List<(double[] P, int Gold)>(rows.Length);
        var scales = new List<double>(rows.Length);
        for (int k = 0; k < folds; k++)
        {
            int[] fit = [.. Enumerable.Range(0, rows.Length).Where(i => inner[i] != k)];
            if (fit.Length == rows.Length)
            {
                continue;
            }

            PolarityTrees trees = FitPolarityEnsembles([.. fit.Select(i => rows[i])], [.. fit.Select(i => stages[i])], options, flags);
            for (int i = 0; i < rows.Length; i++)
            {
                if (inner[i] == k)
                {
                    double[] p = trees.Decide(stages[i], out _);
                    readings.Add((p, (int)rows[i].Label));
                    scales.Add(Math.Clamp((double)stages[i].Fixed[3], 0, 1));
                }
            }
        }

        return FitClassOffsets(readings, ClassesOf(StanceAxis.Polarity).Count, scales);
    }

    /// <summary>
    /// The residual tree ensembles over <paramref name="train"/> with the stage-1 out-of-fold readings <paramref name="stages"/>
    /// (one per row): inputs are the fixed ones and the named features seen in at least <see cref="SecondStageOptions.MinCount"/>
    /// people-labelled rows; each class's trees fit LogitBoost's working response from the stage-1 probability, weighted by
    /// the stage-1 class-balanced row weight.
    /// </summary>
    private static PolarityTrees FitPolarityEnsembles(Row[] train, PolarityStage[] stages, StanceTrainingOptions options, int flags)
    {
        SecondStageOptions stage = options.PolarityStack! with { Residual = true };
        IReadOnlyList<string> classes = ClassesOf(StanceAxis.Polarity);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < train.Length; i++)
        {
            if (train[i].Balanced)
            {
                foreach (string name in stages[i].Named.Select(f => f.Name).Distinct(StringComparer.Ordinal))
                {
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
            }
        }

        string[] inputs = [.. PolarityTrees.FixedInputs, .. counts.Where(kv => kv.Value >= stage.MinCount).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = PolarityTrees.FixedInputs.Count; i < inputs.Length; i++)
        {
            named[inputs[i]] = i;
        }

        Row[] weighted = ClassBalanced(train, classes.Count, options);
        var x = new float[train.Length][];
        for (int i = 0; i < train.Length; i++)
        {
            x[i] = PolarityTrees.InputsOf(inputs, named, stages[i]);
        }

        float[] bias = new float[classes.Count];
        var ensembles = new List<EpistemicTrees.Tree>[classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            TreeRow[] data = [.. Enumerable.Range(0, train.Length).Where(i => weighted[i].ClassWeight > 0)
                .Select(i => WorkingResponse(x[i], stages[i].Probabilities[c], train[i].Label == c, weighted[i].ClassWeight))];
            (bias[c], ensembles[c]) = FitEnsemble(data, inputs.Length, stage, options.Seed);
        }

        return new PolarityTrees(classes, inputs, bias, ensembles, flags: flags);
    }
}
