using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training.Evaluation;

namespace TextLens.Training;

/// <summary>
/// The epistemic second stage (<see cref="StanceTrainingOptions.SecondStage"/>): one-vs-rest FastTree ensembles stacked on the
/// linear model, exported to <see cref="EpistemicTrees"/> (the tool evaluates them without ML.NET's tree trainer).
/// </summary>
public static partial class StanceTrainer
{
    /// <summary>The largest temperature searched for the trees' output (boosted scores can be far sharper than a linear model's).</summary>
    private const double StackTemperatureLimit = 20;

    /// <summary>
    /// The second stage trained on all of <paramref name="items"/>: the linear stage's scores of every row come from the
    /// linear models of the other inner folds (grouped by document), as a new sentence's come from the whole.
    /// </summary>
    public static EpistemicTrees TrainSecondStage(IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon)
    {
        SecondStageOptions stage = options.SecondStage ?? throw new ArgumentException("No second stage in the options.", nameof(options));
        IReadOnlyList<string> classes = ClassesOf(StanceAxis.Epistemic);
        Row[] rows = Featurize(StanceAxis.Epistemic, items, classes, lexicon, "label", options);
        double[][] linear = CachedInnerOutOfFold(-1, rows, classes, options, stage.Cache);
        return FitTrees(rows, linear, classes, options);
    }

    /// <summary>The linear stage's out-of-fold probabilities of every row of <paramref name="train"/> (inner folds grouped by document).</summary>
    private static double[][] InnerOutOfFold(Row[] train, IReadOnlyList<string> classes, StanceTrainingOptions options)
    {
        int folds = options.Folds;
        int[] inner = [.. train.Select(r => (int)(StableHash("stack:" + r.Group) % (uint)folds))];
        var p = new double[train.Length][];
        for (int k = 0; k < folds; k++)
        {
            LinearStanceModel model = Fit(StanceAxis.Epistemic, [.. train.Where((_, i) => inner[i] != k)], classes, options);
            for (int i = 0; i < train.Length; i++)
            {
                if (inner[i] == k)
                {
                    p[i] = model.Predict(train[i].Features.GetIndices(), train[i].Features.GetValues());
                }
            }
        }

        return p;
    }

    /// <summary>
    /// <see cref="InnerOutOfFold"/>, kept in <paramref name="cache"/> (a screening aid: the linear stage does not depend on the
    /// second stage's settings) under the key of outer fold <paramref name="outer"/> (−1: all rows).
    /// </summary>
    private static double[][] CachedInnerOutOfFold(int outer, Row[] train, IReadOnlyList<string> classes, StanceTrainingOptions options, string? cache)
    {
        string? path = cache is null ? null : $"{cache}.{outer + 1}.tsv";
        if (path is not null && ReadCached(path, stream =>
            {
                using var reader = new StreamReader(stream);
                string[] lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                double[][] rows = [.. lines.Select(l => l.Split('\t').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
                return rows.Length == train.Length && rows.All(r => r.Length == classes.Count) ? rows : null;
            }) is { } cached)
        {
            return cached;
        }

        double[][] p = InnerOutOfFold(train, classes, options);
        if (path is not null)
        {
            WriteCached(path, stream =>
            {
                using var writer = new StreamWriter(stream);
                foreach (double[] v in p)
                {
                    writer.Write(string.Join('\t', v.Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
                    writer.Write('\n');
                }
            });
        }

        return p;
    }

    /// <summary>The linear model of outer fold <paramref name="fold"/>, kept in <paramref name="cache"/> (screening only, as <see cref="CachedInnerOutOfFold"/>).</summary>
    private static LinearStanceModel CachedFoldModel(int fold, string? cache, Func<LinearStanceModel> fit)
    {
        string? path = cache is null ? null : $"{cache}.fold{fold}.tlsm";
        if (path is not null && ReadCached(path, LinearStanceModel.Load) is { } cached)
        {
            return cached;
        }

        LinearStanceModel model = fit();
        if (path is not null)
        {
            WriteCached(path, model.Save);
        }

        return model;
    }

    /// <summary>The largest screening-cache file read back; anything larger is treated as absent.</summary>
    private const long MaxCacheBytes = 256L << 20;

    /// <summary>
    /// A screening-cache entry read by <paramref name="read"/>, or null when there is none or it cannot be used (too large,
    /// unreadable, malformed, from other rows): the caller then computes it again, so a stale or damaged cache costs time only.
    /// </summary>
    private static T? ReadCached<T>(string path, Func<Stream, T?> read)
        where T : class
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxCacheBytes)
            {
                return null;
            }

            using FileStream stream = File.OpenRead(path);
            return read(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Writes a screening-cache entry whole or not at all (a temporary file renamed over it), so an interrupted run leaves no half entry.</summary>
    private static void WriteCached(string path, Action<Stream> write)
    {
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (FileStream stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The one-vs-rest tree ensembles over <paramref name="train"/> with the linear stage's out-of-fold probabilities
    /// <paramref name="linear"/> (one per row): the named features seen in at least <see cref="SecondStageOptions.MinCount"/>
    /// people-labelled rows are inputs; the class weights are those of the linear stage.
    /// </summary>
    private static EpistemicTrees FitTrees(Row[] train, double[][] linear, IReadOnlyList<string> classes, StanceTrainingOptions options)
    {
        SecondStageOptions stage = options.SecondStage!;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Row r in train.Where(r => r.Balanced))
        {
            foreach (string name in r.Named!.Select(f => f.Name).Distinct(StringComparer.Ordinal))
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        string[] inputs = [.. EpistemicTrees.FixedInputs, .. counts.Where(kv => kv.Value >= stage.MinCount).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = EpistemicTrees.FixedInputs.Count; i < inputs.Length; i++)
        {
            named[inputs[i]] = i;
        }

        Row[] weighted = ClassBalanced(train, classes.Count, options);
        var x = new float[train.Length][];
        var w = new float[train.Length];
        for (int i = 0; i < train.Length; i++)
        {
            x[i] = EpistemicTrees.InputsOf(inputs, named, linear[i], 1, train[i].Scores, train[i].Named!);
            w[i] = weighted[i].ClassWeight * (float)(train[i].Balanced ? 1 : stage.RuleWeight);
        }

        float[] bias = new float[classes.Count];
        var ensembles = new List<EpistemicTrees.Tree>[classes.Count];
        for (int c = 0; c < classes.Count; c++)
        {
            TreeRow[] data = stage.Residual
                ? [.. Enumerable.Range(0, train.Length).Where(i => w[i] > 0).Select(i => WorkingResponse(x[i], linear[i][c], train[i].Label == c, w[i]))]
                : [.. Enumerable.Range(0, train.Length).Where(i => w[i] > 0).Select(i => new TreeRow { Features = x[i], Label = train[i].Label == c, Weight = w[i] })];
            (bias[c], ensembles[c]) = FitEnsemble(data, inputs.Length, stage, options.Seed);
        }

        return new EpistemicTrees(classes, inputs, bias, ensembles, residual: stage.Residual);
    }

    /// <summary>LogitBoost's working response of one row for one class: (y − p) / (p (1 − p)) clipped to ±4, weighted p (1 − p).</summary>
    private static TreeRow WorkingResponse(float[] x, double p, bool positive, float weight)
    {
        double q = Math.Clamp(p * (1 - p), 1e-6, 0.25);
        double z = Math.Clamp(((positive ? 1 : 0) - p) / q, -4, 4);
        return new TreeRow { Features = x, Target = (float)z, Weight = (float)(weight * q) };
    }

    /// <summary>
    /// The FastTree options both kinds of ensemble share (the residual stage's regression, the binary one's log-loss): the
    /// row's features and weight, the stage's size and learning rate, one thread and the seed; <paramref name="label"/>: the
    /// row's column the trees fit.
    /// </summary>
    private static TOptions Configured<TOptions>(TOptions options, string label, SecondStageOptions stage, int seed)
        where TOptions : BoostedTreeOptions
    {
        options.LabelColumnName = label;
        options.FeatureColumnName = nameof(TreeRow.Features);
        options.ExampleWeightColumnName = nameof(TreeRow.Weight);
        options.NumberOfLeaves = stage.Leaves;
        options.NumberOfTrees = stage.Trees;
        options.LearningRate = stage.LearningRate;
        options.MinimumExampleCountPerLeaf = stage.MinLeaf;
        options.NumberOfThreads = 1;
        options.Seed = seed;
        return options;
    }

    /// <summary>One class's FastTree ensemble (binary, log-loss), exported as its bias and trees (tree weights folded into the leaves) and checked against ML.NET's own scores.</summary>
    private static (float Bias, List<EpistemicTrees.Tree> Trees) FitEnsemble(TreeRow[] rows, int inputs, SecondStageOptions stage, int seed)
    {
        var ml = new MLContext(seed: seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(TreeRow));
        schema[nameof(TreeRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, inputs);
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        ITransformer fitted;
        RegressionTreeEnsemble ensemble;
        if (stage.Residual)
        {
            var regression = ml.Regression.Trainers.FastTree(Configured(new FastTreeRegressionTrainer.Options(), nameof(TreeRow.Target), stage, seed)).Fit(data);
            (fitted, ensemble) = (regression, regression.Model.TrainedTreeEnsemble);
        }
        else
        {
            var binary = ml.BinaryClassification.Trainers.FastTree(Configured(new FastTreeBinaryTrainer.Options(), nameof(TreeRow.Label), stage, seed)).Fit(data);
            (fitted, ensemble) = (binary, binary.Model.SubModel.TrainedTreeEnsemble);
        }

        var trees = new List<EpistemicTrees.Tree>(ensemble.Trees.Count);
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            RegressionTree tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(f => f))
            {
                throw new InvalidOperationException("A FastTree tree has a categorical split, which the tree format does not hold.");
            }

            double weight = ensemble.TreeWeights[t];
            trees.Add(new EpistemicTrees.Tree(
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues.Select(v => (float)(v * weight))]));
        }

        float bias = (float)ensemble.Bias;

        // The exported trees must score as ML.NET does (the tool reads only the export).
        float[] scores = [.. fitted.Transform(data).GetColumn<float>("Score")];
        for (int i = 0; i < rows.Length; i++)
        {
            double mine = bias + trees.Sum(tr => tr.Evaluate(rows[i].Features));
            if (Math.Abs(mine - scores[i]) > 1e-3 * Math.Max(1, Math.Abs(scores[i])))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The exported trees score row {i} {mine}, ML.NET {scores[i]}."));
            }
        }

        return (bias, trees);
    }

    private sealed class TreeRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        /// <summary>The regression target of residual trees (<see cref="SecondStageOptions.Residual"/>).</summary>
        public float Target { get; set; }

        public float Weight { get; set; } = 1;
    }
}
