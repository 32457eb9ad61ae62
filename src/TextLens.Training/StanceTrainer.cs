using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Training.Evaluation;

namespace TextLens.Training;

/// <summary>Settings of a stance training run. The defaults are the settings of the shipped models.</summary>
public sealed record StanceTrainingOptions
{
    public int Seed { get; init; } = 1;

    public float L2 { get; init; } = 1f;

    public float L1 { get; init; } = 0.05f;

    public int Folds { get; init; } = 5;

    /// <summary>Weights dropped from the exported model when every class weight is smaller than this in absolute value.</summary>
    public float PruneBelow { get; init; } = 1e-4f;

    /// <summary>Polarity only: fit a regressor of the gold score (SDCA, squared loss) instead of a 3-class classifier.</summary>
    public bool Regression { get; init; }

    /// <summary>
    /// Polarity only: items whose raters disagreed weigh less. An item with rating standard deviation sd
    /// weighs (1 + c) / (c + sd²) with this c (items without a rating_sd weigh 1); 0 turns weighting off.
    /// </summary>
    public double AgreementWeighting { get; init; } = 1;

    /// <summary>
    /// Polarity classifier only: also weigh each item by the probability that its label is right given rater
    /// noise — Φ(distance of the mean rating from the edge of its label's band / standard error), the
    /// standard error being rating_sd / √<see cref="Raters"/>. Sentences whose mean sits on a band edge
    /// (a rating of 0.25 labelled positive) teach the classifier little.
    /// </summary>
    public bool LabelConfidenceWeighting { get; init; } = true;

    /// <summary>Raters per item behind the mean rating (20 in the VADER NYT set).</summary>
    public int Raters { get; init; } = 20;

    /// <summary>The neutral band of the polarity labels on the rating scale: positive ≥ +this, negative ≤ −this (the VADER data's ±0.05 on −1..1).</summary>
    public double LabelBand { get; init; } = 0.2;

    /// <summary>L2 weight of the polarity rating regressor (SDCA, squared loss, no L1).</summary>
    public float RatingL2 { get; init; } = 0.001f;

    /// <summary>
    /// Polarity only: the cuts on the rating scale (−4..4) between the bins of the ordinal rating model (a
    /// maximum-entropy classifier of the bin whose expected bin mean estimates the rating); empty for none.
    /// </summary>
    public IReadOnlyList<double> OrdinalCuts { get; init; } = [-1.5, -0.2, 0.2, 1.5];

    /// <summary>
    /// Polarity: the temperature of the classifier (below 1 sharpens its probabilities), folded into its weights in every
    /// fold and in the shipped model (<see cref="LinearStanceModel.WithTemperature"/>); a fixed setting, chosen by the
    /// log-likelihood of the pooled out-of-fold predictions on analysis prose. The labels do not change, only the confidences.
    /// </summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Classifiers: each class's rows weigh (largest class weight / class weight)^this more (0: no balancing).</summary>
    public double ClassBalance { get; init; }

    /// <summary>
    /// Polarity with analysis prose among the data: the analysis-prose rows (<see cref="StanceItem.InDomain"/>) are balanced
    /// by <see cref="ClassBalance"/> against the analysis-prose class counts alone, so that the opinion snippets' many polar
    /// rows do not hide how rare polar sentences are in reports; the other rows keep the pooled balance (balanced within their
    /// own genre, the opinion-prose figures fell: models/stance-polarity.md). The genre gate and the ordinal rating model keep
    /// the pooled balance. Tried, not shipped (the seed's neutral share fell below half).
    /// </summary>
    public bool ClassBalanceByGenre { get; init; }

    /// <summary>
    /// Epistemic with cross-validation: after the temperature, add to each class's logit the offset that maximises the
    /// out-of-fold macro-F1 (<see cref="StanceTrainer.FitClassOffsets"/>), folded into the shipped model's biases.
    /// </summary>
    public bool ClassOffsets { get; init; }

    /// <summary>
    /// Genre blends: the gate's logit of analysis prose is scaled by this (a sharper gate above 1), so each sentence is read
    /// mostly by the model of its likelier genre. Folded into the gate's weights (<see cref="LinearStanceModel.WithTemperature"/>).
    /// </summary>
    public double GateSharpness { get; init; } = 1;

    /// <summary>
    /// Genre blends: the gate's logit of analysis prose before <see cref="GateSharpness"/> is shifted by this (positive: a
    /// sentence needs more evidence to be read as analysis prose). Folded into the gate's biases.
    /// </summary>
    public double GateShift { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the named features of an in-domain polar vocabulary (<see cref="PolarVocabulary"/>)
    /// built from the analysis-prose rows of its training data — in cross-validation from the training folds only, and each
    /// training row's own features from a vocabulary of the other inner folds (grouped by document), so no row's label reaches
    /// its own features. The shipped vocabulary is built from all analysis-prose rows.
    /// </summary>
    public PolarVocabularyUse PolarVocabulary { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the document context (<see cref="PolarityContext"/>): the mean tone of the other
    /// sentences of the row's document (<see cref="StanceItem.Document"/>: the rows with the same <c>doc</c>), computed from
    /// their text. Like the previous sentence's features, only the classifier reads it (not the gate, the other-genre model or
    /// the rating models). Epistemic: the classifier reads the document's cue rates and a question's run back to its lead-in
    /// (<see cref="EpistemicDocument"/>, <see cref="StanceItem.Discourse"/>); tried, not shipped (models/stance-epistemic.md).
    /// </summary>
    public bool DocumentContext { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the frames of the sentence's polar words and budget changes
    /// (<see cref="OutcomeFrames"/>: a positive word as a purpose or a realised outcome, a budget level going up or down).
    /// Only the classifier reads them (not the gate, the other-genre model or the rating models).
    /// </summary>
    public bool OutcomeFrames { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the stance of the sentence's sources and the progress it reports
    /// (<see cref="SourceStance"/>: "Supporters claim…", "Critics argue…", "will accelerate this program"). Only the
    /// classifier reads them (not the gate, the other-genre model or the rating models).
    /// </summary>
    public bool SourceStance { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the sentence's realised good outcomes, supporters' views and described features
    /// (<see cref="GoodNews"/>: "achieved initial operational capability", "Supporters claim…", "will be equipped with…").
    /// Only the classifier reads them (not the gate, the other-genre model or the rating models).
    /// </summary>
    public bool GoodNews { get; init; }

    /// <summary>
    /// Polarity: the classifier does not read the previous sentence's bad news (<see cref="PolarityContext"/>: `prev:bad`,
    /// `prev:vneg`; read since the sixth version). The file says so (<see cref="LinearStanceModel.ReadsPrevious"/>), so
    /// 'report' and 'eval stance' leave them out too.
    /// </summary>
    public bool NoPrevious { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the valence of the sentence's clause parts (<see cref="ClauseZones"/>: the part a
    /// concession or contrast concedes, with <see cref="ClauseParts.Conditions"/> the part a condition sets up, and the main
    /// clause). Only the classifier reads them (not the gate, the other-genre model or the rating models).
    /// </summary>
    public ClauseParts Clauses { get; init; }

    /// <summary>
    /// Polarity: the classifier also reads the words of the sentence's conceded and conditional parts, each part a block of
    /// its own (<see cref="ClauseZones.Words"/>; twentieth round). Only the classifier reads them.
    /// </summary>
    public bool ClauseWords { get; init; }

    /// <summary>The context features the polarity classifier reads with these options (<see cref="PolarityContext"/>), as its file will say.</summary>
    public PolarityInputs PolarityInputs =>
        (NoPrevious ? PolarityInputs.None : PolarityInputs.Previous)
        | (DocumentContext ? PolarityInputs.Document : PolarityInputs.None)
        | (OutcomeFrames ? PolarityInputs.OutcomeFrames : PolarityInputs.None)
        | (SourceStance ? PolarityInputs.SourceStance : PolarityInputs.None)
        | (GoodNews ? PolarityInputs.GoodNews : PolarityInputs.None)
        | ((Clauses & ClauseParts.Concessions) != 0 ? PolarityInputs.Clauses : PolarityInputs.None)
        | ((Clauses & ClauseParts.Conditions) != 0 ? PolarityInputs.ClauseConditions : PolarityInputs.None)
        | (ClauseWords ? PolarityInputs.ClauseWords : PolarityInputs.None);

    /// <summary>
    /// Polarity: the classifier and the other-genre model of its blend also read the sentence's static embedding
    /// (<see cref="EmbeddingFeatures"/>, from these token vectors; `train stance --embeddings`); null: not read. The gate and
    /// the rating models do not read it.
    /// </summary>
    public SentenceEmbeddings? Embeddings { get; init; }

    /// <summary>Which polarity models read <see cref="Embeddings"/>: the classifier, the other-genre model, or both (the default).</summary>
    public EmbeddingReaders EmbeddingReaders { get; init; } = EmbeddingReaders.Both;

    /// <summary>The embedding is of the sentence's words outside names (`--embedding-words common`; <see cref="SentenceEmbeddings.Embed(string, bool)"/>).</summary>
    public bool EmbeddingWithoutNames { get; init; }

    /// <summary>
    /// Epistemic: a second stage of boosted trees (<see cref="EpistemicTrees"/>) stacked on the linear model, trained on the
    /// linear model's out-of-fold class scores (inner folds grouped by document, so no row's label reaches its own inputs),
    /// the cue strengths and the named features; null: the linear model alone.
    /// </summary>
    public SecondStageOptions? SecondStage { get; init; }

    /// <summary>
    /// Polarity: a second stage of boosted trees (<see cref="PolarityTrees"/>, `--polarity-trees`, twenty-first round) over the
    /// blend's out-of-fold probabilities (inner folds grouped by document) and the sentence's dense inputs
    /// (<see cref="PolarityStage"/>); always residual (<see cref="SecondStageOptions.Residual"/> and
    /// <see cref="SecondStageOptions.RuleWeight"/> are not read); null: the blend alone.
    /// </summary>
    public SecondStageOptions? PolarityStack { get; init; }

    /// <summary>
    /// Polarity with <see cref="StanceItem.InDomain"/> rows: train the negative-vs-rest stage
    /// (<see cref="StanceTagger.PolarityNegativeStage"/>) on the in-domain rows plus these rows (which train nothing else);
    /// null: no stage (as shipped). Models/stance-polarity.md, twenty-fourth round.
    /// </summary>
    public IReadOnlyList<StanceItem>? NegativeStage { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: the stage's lowered P(negative) goes to neutral alone (file flag; twenty-eighth round).</summary>
    public bool NegativeStageNeutralOnly { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: the stage is mixed in by the gate's probability of analysis prose squared (file flag; twenty-eighth round).</summary>
    public bool NegativeStageGateSquared { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: the stage's lowered P(negative) goes to neutral alone where the blend read the sentence negative (file flag; twenty-ninth round).</summary>
    public bool NegativeStageNeutralWhereNegative { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: the stage lowers P(negative) only in a prospective frame (<see cref="ProspectiveFrame"/>; file flag; twenty-ninth round).</summary>
    public bool NegativeStageLowerProspective { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: a sentence the blend read positive is left to the blend (file flag; thirtieth round).</summary>
    public bool NegativeStageKeepPositive { get; init; }

    /// <summary>With <see cref="NegativeStage"/>: the stage is trained and applied without the document's bad news (`doc:bad`; file flag; thirty-third round).</summary>
    public bool NegativeStageWithoutDocument { get; init; }

    /// <summary>Genre blends: the L2 weight of the gate (null: <see cref="L2"/>).</summary>
    public float? GateL2 { get; init; }

    /// <summary>Genre blends: the L1 weight of the gate (null: <see cref="L1"/>).</summary>
    public float? GateL1 { get; init; }
}

/// <summary>
/// Settings of the epistemic second stage (<see cref="StanceTrainingOptions.SecondStage"/>): one-vs-rest FastTree ensembles of
/// <paramref name="Trees"/> trees of at most <paramref name="Leaves"/> leaves, each leaf with at least <paramref name="MinLeaf"/>
/// rows, shrinkage <paramref name="LearningRate"/>; the named features seen in at least <paramref name="MinCount"/> people-labelled
/// training rows are inputs; the rule-labelled rows weigh <paramref name="RuleWeight"/> times their linear-stage weight
/// (0: left out). With <paramref name="Residual"/> each class's trees are a regression ensemble of the Newton step from the
/// linear model's log-odds (LogitBoost's working response (y − p) / (p (1 − p)), clipped to ±4, weighted p (1 − p)) and add
/// to them; otherwise binary classifiers whose scores replace them. <paramref name="Cache"/> (screening only) keeps the
/// linear stage's out-of-fold scores and fold models between runs.
/// </summary>
public sealed record SecondStageOptions(int Trees = 200, int Leaves = 20, double LearningRate = 0.1, int MinLeaf = 10, int MinCount = 10, double RuleWeight = 1, string? Cache = null, bool Residual = false, bool AnalysisOnly = false, bool Offsets = false);

/// <summary>Cross-validated predictions: pooled over folds, one per item of the scored set.</summary>
public sealed record CrossValidationResult(StanceEvaluationResult Scores, int Folds, int Groups)
{
    /// <summary>The held-out tagging of every scored item (in its order), for scoring other axes and calibration.</summary>
    public IReadOnlyList<SentenceStance> Stances { get; init; } = [];

    /// <summary>Epistemic: the held-out tagging without the temperature (for the calibration before and after); else <see cref="Stances"/>.</summary>
    public IReadOnlyList<SentenceStance> Uncalibrated { get; init; } = [];

    /// <summary>Epistemic: the temperature fitted on all out-of-fold predictions, which the shipped model carries; 1 for the other axes.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Epistemic with <see cref="StanceTrainingOptions.ClassOffsets"/>: the per-class logit offsets fitted on all out-of-fold predictions (after the temperature); null otherwise.</summary>
    public IReadOnlyList<double>? ClassOffsets { get; init; }

    /// <summary>Epistemic with a second stage: the temperature of the trees' output, fitted on all out-of-fold predictions; 1 otherwise.</summary>
    public double StackTemperature { get; init; } = 1;

    /// <summary>Epistemic with a second stage: the held-out tagging of the linear model alone (calibrated as without the second stage), on the same folds.</summary>
    public IReadOnlyList<SentenceStance> Linear { get; init; } = [];

    /// <summary>Polarity trees with class offsets: the held-out tagging by the same trees without the offsets, on the same folds; else empty.</summary>
    public IReadOnlyList<SentenceStance> WithoutOffsets { get; init; } = [];

    /// <summary>Polarity trees: each fold's class offsets (fitted on its training rows only); else empty.</summary>
    public IReadOnlyList<IReadOnlyList<double>> PolarityOffsets { get; init; } = [];

    /// <summary>Polarity: the held-out parts of each scored item's reading (null for items without a usable label), for tuning the decision rule on the out-of-fold predictions.</summary>
    public IReadOnlyList<PolarityParts?> PolarityParts { get; init; } = [];

    /// <summary>With <see cref="StanceTrainingOptions.NegativeStage"/>: per fold, the groups (documents) of the stage's own rows that trained the fold's stage.</summary>
    public IReadOnlyList<IReadOnlySet<string>> NegativeStageGroups { get; init; } = [];
}

/// <summary>
/// The parts of one held-out polarity reading: the class probabilities (negative / neutral / positive) of the model of
/// every source, of the other-genre model and the gate's P(analysis prose) when a genre blend was trained, and the
/// rating models' score on −1..1.
/// </summary>
/// <summary>Which polarity models read the sentence embedding (`train stance --embeddings`).</summary>
[Flags]
public enum EmbeddingReaders
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The classifier (the analysis-prose model of the blend).</summary>
    Classifier = 1,

    /// <summary>The other-genre model of the blend.</summary>
    Other = 2,

    /// <summary>Both.</summary>
    Both = Classifier | Other,
}

public sealed record PolarityParts(IReadOnlyList<double> Analysis, IReadOnlyList<double>? Other, double? AnalysisProbability, double RatingScore);

/// <summary>
/// Trains the polarity and subjectivity models of the stance tagger with ML.NET's L-BFGS maximum
/// entropy trainer (explicit L1/L2, one thread, fixed seed: reproducible) on <see cref="StanceFeaturizer"/>
/// vectors, and exports the weights to a <see cref="LinearStanceModel"/>. Cross-validation is grouped
/// (by article where the ids carry one), so sentences of one article never straddle folds.
/// </summary>
public static partial class StanceTrainer
{
    public static IReadOnlyList<string> ClassesOf(StanceAxis axis) => axis switch
    {
        StanceAxis.Epistemic => StanceTagger.EpistemicClasses,
        StanceAxis.Polarity => ["negative", "neutral", "positive"],
        StanceAxis.Subjectivity => ["objective", "subjective"],
        _ => throw new NotSupportedException(
            $"The {axis.ToString().ToLowerInvariant()} axis is one class of the epistemic tag: train --axis epistemic (see models/stance-epistemic.md)."),
    };

    /// <summary>The cross-validation group of an item: its document (<c>doc</c>) where the data set gives one, else <see cref="GroupOf(string)"/> of its id.</summary>
    public static string GroupOf(StanceItem item) => item.Doc is { } doc ? "doc:" + doc : GroupOf(item.Id);

    /// <summary>The cross-validation group of an id: the article for NYT ids (nyt:ARTICLE_SENTENCE), else the item itself.</summary>
    public static string GroupOf(string id)
    {
        if (id.StartsWith("nyt:", StringComparison.Ordinal) && id.IndexOf('_', StringComparison.Ordinal) is > 4 and int u)
        {
            return id[..u];
        }

        return id;
    }

    /// <summary>
    /// Epistemic only: <paramref name="items"/> labelled by the cue rules (<see cref="StanceTagger.RuleDecision"/>) with
    /// <paramref name="weight"/> — text of other genres that teaches the model to follow the rules where the in-domain
    /// data says nothing (distillation of the rules). The items' own labels are ignored.
    /// </summary>
    public static IReadOnlyList<StanceItem> RuleLabelled(IEnumerable<StanceItem> items, double weight) =>
        [.. items.Select(item =>
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(item.Text, new TextSpan(0, item.Text.Length), tokens);
            EpistemicStance rule = StanceTagger.RuleDecision(StanceTagger.Inspect(item.Text, CollectionsMarshal.AsSpan(tokens)).Scores);
            return item with
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["label"] = StanceTagger.EpistemicClasses[(int)rule] },
                Score = null,
                RatingSd = null,
                Weight = weight,
                RuleLabelled = true,
            };
        })];

    public static LinearStanceModel Train(StanceAxis axis, IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon, string labelField = "label")
        => Train(axis, items, options, lexicon, out _, labelField);

    /// <summary>The model of <see cref="Train(StanceAxis, IReadOnlyList{StanceItem}, StanceTrainingOptions, ValenceLexicon, string)"/> and, with <see cref="StanceTrainingOptions.PolarVocabulary"/>, the polar vocabulary it reads (else null).</summary>
    public static LinearStanceModel Train(StanceAxis axis, IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon, out PolarVocabulary? vocabulary, string labelField = "label")
    {
        IReadOnlyList<string> classes = ClassesOf(axis);
        Row[] rows = Featurize(axis, items, classes, lexicon, labelField, options);
        vocabulary = null;
        if (UsesVocabulary(axis, options))
        {
            rows = WithVocabulary(rows, options.Folds, options.PolarVocabulary, out PolarVocabulary built);
            vocabulary = built;
        }

        return Tempered(axis, Fit(axis, rows, classes, options), options);
    }

    private static bool UsesVocabulary(StanceAxis axis, StanceTrainingOptions options) => axis == StanceAxis.Polarity && options.PolarVocabulary != PolarVocabularyUse.None && !options.Regression;

    /// <summary>
    /// <paramref name="train"/> with the polar vocabulary's features added to the classifier's: the vocabulary of all the
    /// analysis-prose rows is returned and gives the other rows' features; each analysis-prose row's features come from the
    /// vocabulary of the other inner folds (grouped by document), as a held-out sentence's come from the whole.
    /// </summary>
    private static Row[] WithVocabulary(Row[] train, int folds, PolarVocabularyUse use, out PolarVocabulary vocabulary)
    {
        Row[] counted = [.. train.Where(r => r.InDomain && r.Terms is not null)];
        vocabulary = PolarVocabulary.Build(counted.Select(r => ((IReadOnlyList<string>)r.Terms!, (int)r.Label, r.Group)), use);
        int InnerFold(Row r) => (int)(StableHash("inner:" + r.Group) % (uint)folds);
        var inner = new PolarVocabulary[folds];
        for (int k = 0; k < folds; k++)
        {
            inner[k] = PolarVocabulary.Build(counted.Where(r => InnerFold(r) != k).Select(r => ((IReadOnlyList<string>)r.Terms!, (int)r.Label, r.Group)), use);
        }

        PolarVocabulary all = vocabulary;
        return [.. train.Select(r => r.Terms is null ? r : r.WithFeatures(VocabularyFeatures(r, r.InDomain ? inner[InnerFold(r)] : all)))];
    }

    /// <summary>A row's classifier features (the sentence's and the previous sentence's) plus <paramref name="vocabulary"/>'s named features of its terms.</summary>
    private static VBuffer<float> VocabularyFeatures(Row r, PolarVocabulary vocabulary)
    {
        (int[] idx, float[] val) = StanceFeaturizer.WithContext((r.BaseFeatures.GetIndices().ToArray(), r.BaseFeatures.GetValues().ToArray()), vocabulary.ContextFeatures(r.Terms!, r.PreviousTerms!));
        return new VBuffer<float>(StanceFeaturizer.Dimension, idx.Length, val, idx);
    }

    /// <summary>The polarity classifier with <see cref="StanceTrainingOptions.Temperature"/> folded in; other models unchanged.</summary>
    private static LinearStanceModel Tempered(StanceAxis axis, LinearStanceModel model, StanceTrainingOptions options)
    {
        bool polarityClassifier = axis == StanceAxis.Polarity && !model.IsRegression;
        model = polarityClassifier && options.Temperature != 1 ? model.WithTemperature(options.Temperature) : model;
        model = (polarityClassifier || axis == StanceAxis.Epistemic) && options.DocumentContext ? model.WithDocumentContext() : model;
        model = polarityClassifier && options.OutcomeFrames ? model.WithOutcomeFrames() : model;
        model = polarityClassifier && options.Embeddings is not null && options.EmbeddingReaders.HasFlag(EmbeddingReaders.Classifier)
            ? options.EmbeddingWithoutNames ? model.WithEmbeddingWithoutNames() : model.WithEmbeddings()
            : model;
        model = polarityClassifier && options.GoodNews ? model.WithGoodNews() : model;
        model = polarityClassifier && options.NoPrevious ? model.WithoutPrevious() : model;
        model = polarityClassifier ? model.WithClauses(options.Clauses) : model;
        model = polarityClassifier && options.ClauseWords ? model.WithClauseWords() : model;
        return polarityClassifier && options.SourceStance ? model.WithSourceStance() : model;
    }

    /// <summary>
    /// The genre blend of <paramref name="axis"/> (<see cref="GenreBlend"/>) when <paramref name="items"/> mix analysis prose
    /// (<see cref="StanceItem.InDomain"/>) with other prose, else null: the model of <see cref="Train"/>, a model of
    /// the other prose alone (the same settings without class balancing: its classes keep their own shares), and a
    /// class-balanced gate of analysis versus other prose.
    /// </summary>
    public static GenreBlend? TrainBlend(StanceAxis axis, LinearStanceModel analysis, IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon, string labelField = "label")
    {
        IReadOnlyList<string> classes = ClassesOf(axis);
        return FitBlend(axis, analysis, Featurize(axis, items, classes, lexicon, labelField, options), classes, options);
    }

    private static GenreBlend? FitBlend(StanceAxis axis, LinearStanceModel analysis, Row[] rows, IReadOnlyList<string> classes, StanceTrainingOptions options)
    {
        if (!rows.Any(r => r.InDomain) || rows.All(r => r.InDomain))
        {
            return null;
        }

        bool embedded = axis == StanceAxis.Polarity && options.Embeddings is not null && options.EmbeddingReaders.HasFlag(EmbeddingReaders.Other);
        LinearStanceModel other = Fit(axis, [.. rows.Where(r => !r.InDomain).Select(r => embedded ? r.WithOtherFeatures() : r.WithOwnFeatures())], classes, options with { ClassBalance = 0 });
        other = !embedded ? other : options.EmbeddingWithoutNames ? other.WithEmbeddingWithoutNames() : other.WithEmbeddings();
        Row[] genreRows = [.. rows.Select(r => new Row { Features = r.OwnFeatures, OwnFeatures = r.OwnFeatures, Label = r.InDomain ? 1u : 0u, Weight = 1, ClassWeight = 1, InDomain = r.InDomain })];
        LinearStanceModel genre = Fit(axis, genreRows, GenreBlend.GenreClasses, options with { ClassBalance = 1, ClassBalanceByGenre = false, L2 = options.GateL2 ?? options.L2, L1 = options.GateL1 ?? options.L1 });
        if (options.GateSharpness != 1 || options.GateShift != 0)
        {
            // logit' = k (logit − t): the other class's logit is shifted by +t first, then both are scaled by k.
            genre = genre.WithClassOffsets([options.GateShift, 0]).WithTemperature(1 / options.GateSharpness);
        }

        return new GenreBlend(analysis, other, genre);
    }

    /// <summary>
    /// The estimators of the mean reader rating that the tagger blends into the polarity classifier's score,
    /// trained on the items that carry a score: an SDCA regressor (squared loss, agreement-weighted) and,
    /// unless <see cref="StanceTrainingOptions.OrdinalCuts"/> is empty, an ordinal model of the rating bins.
    /// </summary>
    public static IReadOnlyList<LinearStanceModel> TrainPolarityRating(IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon, string labelField = "label")
    {
        IReadOnlyList<string> classes = ClassesOf(StanceAxis.Polarity);
        Row[] rows = Featurize(StanceAxis.Polarity, [.. items.Where(i => i.Score is not null)], classes, lexicon, labelField, options);
        return FitRatingModels(rows, options);
    }

    /// <summary>
    /// The negative-vs-rest stage (<see cref="StanceTrainingOptions.NegativeStage"/>): a binary classifier (negative / rest) on
    /// the analysis classifier's features, fitted on the in-domain rows of <paramref name="items"/> and all of the stage's own
    /// rows, each weighing 1, class-balanced by <see cref="StanceTrainingOptions.ClassBalance"/> against the stage's counts,
    /// with the classifier's input flags and temperature.
    /// </summary>
    public static LinearStanceModel TrainNegativeStage(IReadOnlyList<StanceItem> items, StanceTrainingOptions options, ValenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> classes = ClassesOf(StanceAxis.Polarity);
        Row[] rows = Featurize(StanceAxis.Polarity, items, classes, lexicon, "label", options);
        Row[] own = Featurize(StanceAxis.Polarity, options.NegativeStage ?? [], classes, lexicon, "label", options);
        return FitNegativeStage([.. rows.Where(r => r.InDomain), .. own], options);
    }

    private static LinearStanceModel FitNegativeStage(Row[] rows, StanceTrainingOptions options)
    {
        if (rows.Length == 0)
        {
            throw new ArgumentException("The negative stage has no analysis-prose rows to train on.", nameof(rows));
        }

        int negative = IndexOf(ClassesOf(StanceAxis.Polarity), "negative");
        Row[] binary = [.. rows.Select(r => new Row { Features = options.NegativeStageWithoutDocument ? r.StageFeatures : r.Features, OwnFeatures = r.OwnFeatures, BaseFeatures = r.BaseFeatures, Group = r.Group, Label = r.Label == negative ? 0u : 1u, Weight = 1, ClassWeight = 1, InDomain = true, Balanced = true, Item = r.Item })];
        LinearStanceModel stage = Tempered(StanceAxis.Polarity, Fit(StanceAxis.Polarity, binary, StanceTagger.NegativeStageClasses, options with { ClassBalanceByGenre = false }), options);
        stage = options.NegativeStageNeutralOnly ? stage.WithStageNeutralOnly() : stage;
        stage = options.NegativeStageNeutralWhereNegative ? stage.WithStageNeutralWhereNegative() : stage;
        stage = options.NegativeStageLowerProspective ? stage.WithStageLowerProspective() : stage;
        stage = options.NegativeStageKeepPositive ? stage.WithStageKeepPositive() : stage;
        stage = options.NegativeStageWithoutDocument ? stage.WithStageWithoutDocument() : stage;
        return options.NegativeStageGateSquared ? stage.WithStageGateSquared() : stage;
    }

    /// <summary>The cross-validation fold of a group (<see cref="GroupOf(StanceItem)"/>).</summary>
    private static int FoldOf(string group, int folds) => (int)(StableHash(group) % (uint)folds);

    /// <summary>
    /// K-fold cross-validation on <paramref name="scored"/>: each fold's model is trained on the other
    /// folds plus <paramref name="alwaysTrain"/> (less its rows of the held-out fold's documents: rows with a
    /// <c>doc</c> are grouped with the scored rows of the same document), and predicts the held-out fold through the same
    /// label mapping as 'textlens eval stance'. For polarity, <paramref name="subjectivity"/> (the shipped
    /// subjectivity model, trained on other data) takes part as it does in the tagger.
    /// </summary>
    public static CrossValidationResult CrossValidate(StanceAxis axis, IReadOnlyList<StanceItem> scored, IReadOnlyList<StanceItem> alwaysTrain, StanceTrainingOptions options, ValenceLexicon lexicon, string labelField = "label", LinearStanceModel? subjectivity = null)
    {
        IReadOnlyList<string> classes = ClassesOf(axis);
        Row[] rows = Featurize(axis, scored, classes, lexicon, labelField, options);
        Row[] extra = Featurize(axis, alwaysTrain, classes, lexicon, labelField, options);
        int[] fold = [.. scored.Select(i => FoldOf(GroupOf(i), options.Folds))];

        // Fold f trains on the other folds and on the other files, less their rows of the documents that fold f scores (a row
        // whose doc is the doc of a held-out row): more labelled sentences of the scored reports never train the model scored
        // on them, and the other files' rows of documents the scored file does not hold train every fold (scoring news
        // sentences, no report's rows are dropped).
        HashSet<string>[] heldOutDocs = [.. Enumerable.Range(0, options.Folds).Select(f => scored.Where((i, n) => fold[n] == f && i.Doc is not null).Select(GroupOf).ToHashSet(StringComparer.Ordinal))];
        Row[] TrainingRows(int f) =>
            [.. rows.Where(r => fold[r.Item] != f), .. extra.Where(r => !heldOutDocs[f].Contains(r.Group))];
        // The negative stage's own rows follow the same rule: none of a held-out document trains the fold's stage.
        bool negativeStage = options.NegativeStage is not null && axis == StanceAxis.Polarity && !options.Regression;
        Row[] stageRows = negativeStage ? Featurize(axis, options.NegativeStage!, classes, lexicon, labelField, options) : [];
        var foldNegativeStages = new LinearStanceModel?[options.Folds];
        var negativeStageGroups = new IReadOnlySet<string>[negativeStage ? options.Folds : 0];
        for (int f = 0; negativeStage && f < options.Folds; f++)
        {
            Row[] own = NegativeStageTrainingRows(stageRows, heldOutDocs[f]);
            negativeStageGroups[f] = own.Select(r => r.Group).ToHashSet(StringComparer.Ordinal);
            foldNegativeStages[f] = FitNegativeStage([.. TrainingRows(f).Where(r => r.InDomain), .. own], options);
        }

        bool rating = axis == StanceAxis.Polarity && !options.Regression;
        var predictions = new StancePrediction[scored.Count];
        var stances = new SentenceStance[scored.Count];
        var uncalibrated = new SentenceStance[scored.Count];
        bool calibrate = axis == StanceAxis.Epistemic;
        var foldModels = new LinearStanceModel[options.Folds];
        var foldBlends = new GenreBlend?[options.Folds];
        var foldRatings = new LinearStanceModel[options.Folds][];
        var foldVocabularies = new PolarVocabulary?[options.Folds];
        for (int f = 0; f < options.Folds; f++)
        {
            Row[] train = TrainingRows(f);
            if (UsesVocabulary(axis, options))
            {
                train = WithVocabulary(train, options.Folds, options.PolarVocabulary, out PolarVocabulary built);
                foldVocabularies[f] = built;
            }

            foldModels[f] = CachedFoldModel(f, options.SecondStage?.Cache, () => Tempered(axis, Fit(axis, train, classes, options), options));
            foldBlends[f] = axis == StanceAxis.Epistemic ? null : FitBlend(axis, foldModels[f], train, classes, options);
            foldRatings[f] = rating ? [.. FitRatingModels([.. train.Where(r => r.HasScore)], options)] : [];
        }

        // Epistemic: the out-of-fold class probabilities of every scored row, for the temperature. The temperature that
        // tags fold f is fitted on the other folds' rows only (its labels never enter the fit); the shipped one on all.
        (double[] P, int Gold, int Fold)[] heldOut = calibrate
            ? [.. rows.Select(r => (foldModels[fold[r.Item]].Predict(r.Features.GetIndices(), r.Features.GetValues()), (int)r.Label, fold[r.Item]))]
            : [];
        double temperature = calibrate ? FitTemperature([.. heldOut.Select(h => (h.P, h.Gold))]) : 1;
        bool offsets = calibrate && options.ClassOffsets;
        double[]? classOffsets = offsets ? FitClassOffsets([.. heldOut.Select(h => (Soften(h.P, temperature), h.Gold))], classes.Count) : null;

        // Epistemic with a second stage: each fold's trees are trained on its training rows with the linear stage's scores from
        // inner folds; they read the fold's linear model (without temperature) on the held-out rows. The trees' temperature that
        // tags fold f is fitted on the other folds' held-out tree outputs only; the shipped one on all.
        bool stack = calibrate && options.SecondStage is not null;
        var foldTrees = new EpistemicTrees?[options.Folds];
        for (int f = 0; stack && f < options.Folds; f++)
        {
            Row[] train = TrainingRows(f);
            foldTrees[f] = FitTrees(train, CachedInnerOutOfFold(f, train, classes, options, options.SecondStage!.Cache), classes, options);
        }

        (double[] P, int Gold, int Fold)[] stackHeldOut = stack
            ? [.. rows.Select((r, i) => (EpistemicTrees.Softmax(foldTrees[fold[r.Item]]!.Scores(foldTrees[fold[r.Item]]!.InputsOf(heldOut[i].P, r.Scores, r.Named!)), 1), (int)r.Label, fold[r.Item]))]
            : [];
        double stackTemperature = stack ? FitTemperature([.. stackHeldOut.Select(h => (h.P, h.Gold))], StackTemperatureLimit) : 1;
        // Polarity with a second stage: each fold's trees are trained on its training rows with the blend's probabilities from
        // inner folds, and read the fold's blend on the held-out rows; the blend alone is kept for comparison.
        bool polarityStack = axis == StanceAxis.Polarity && options.PolarityStack is not null && !options.Regression;
        var foldPolarityTrees = new PolarityTrees?[options.Folds];
        for (int f = 0; polarityStack && f < options.Folds; f++)
        {
            Row[] train = TrainingRows(f);
            foldPolarityTrees[f] = FitPolarityTrees(train, CachedInnerStages(f, train, options, lexicon), options);
        }

        var linearStances = new SentenceStance[stack || polarityStack ? scored.Count : 0];
        // Polarity trees with class offsets: the same trees without them, on the same folds (the offsets' share of the figure).
        bool withoutOffsets = polarityStack && options.PolarityStack!.Offsets;
        var plainStances = new SentenceStance[withoutOffsets ? scored.Count : 0];
        for (int f = 0; f < options.Folds; f++)
        {
            LinearStanceModel model = foldModels[f];
            StanceTagger foldTagger = axis switch
            {
                StanceAxis.Polarity => new StanceTagger(lexicon, model, subjectivity, foldRatings[f]) { PolarityBlend = foldBlends[f], PolarityVocabulary = foldVocabularies[f], Embeddings = options.Embeddings, PolarityStack = foldPolarityTrees[f], PolarityNegativeStage = foldNegativeStages[f] },
                StanceAxis.Epistemic => new StanceTagger(lexicon, null, null)
                {
                    EpistemicModel = FoldCalibrated(model, [.. heldOut.Where(h => h.Fold != f).Select(h => (h.P, h.Gold))], offsets, classes.Count),
                },
                _ => new StanceTagger(lexicon, null, model) { SubjectivityBlend = foldBlends[f] },
            };
            StanceTagger? rawTagger = calibrate ? new StanceTagger(lexicon, null, null) { EpistemicModel = model } : null;
            StanceTagger? linearTagger = polarityStack
                ? new StanceTagger(lexicon, model, subjectivity, foldRatings[f]) { PolarityBlend = foldBlends[f], PolarityVocabulary = foldVocabularies[f], Embeddings = options.Embeddings }
                : null;
            StanceTagger? plainTagger = withoutOffsets
                ? new StanceTagger(lexicon, model, subjectivity, foldRatings[f]) { PolarityBlend = foldBlends[f], PolarityVocabulary = foldVocabularies[f], Embeddings = options.Embeddings, PolarityStack = foldPolarityTrees[f]!.WithOffsets(null) }
                : null;
            if (stack)
            {
                linearTagger = foldTagger;
                double t = FitTemperature([.. stackHeldOut.Where(h => h.Fold != f).Select(h => (h.P, h.Gold))], StackTemperatureLimit);
                foldTagger = new StanceTagger(lexicon, null, null) { EpistemicModel = model, EpistemicStack = foldTrees[f]!.WithTemperature(t) };
                rawTagger = new StanceTagger(lexicon, null, null) { EpistemicModel = model, EpistemicStack = foldTrees[f] };
            }

            for (int i = 0; i < scored.Count; i++)
            {
                if (fold[i] == f)
                {
                    if (linearTagger is not null)
                    {
                        linearStances[i] = StanceEvaluation.Tag(linearTagger, scored[i].Text, scored[i].Context);
                    }

                    if (plainTagger is not null)
                    {
                        plainStances[i] = StanceEvaluation.Tag(plainTagger, scored[i].Text, scored[i].Context);
                    }

                    SentenceStance tagged = StanceEvaluation.Tag(foldTagger, scored[i].Text, scored[i].Context);
                    predictions[i] = StanceEvaluation.Predict(axis, scored[i].Id, tagged);
                    stances[i] = tagged;
                    uncalibrated[i] = rawTagger is null ? tagged : StanceEvaluation.Tag(rawTagger, scored[i].Text, scored[i].Context);
                }
            }
        }

        // The parts of each held-out reading: polarity's always; subjectivity's when a genre blend was trained (the analysis
        // model's, the other model's and the gate's), for studying which component moves a label.
        bool withParts = axis == StanceAxis.Polarity || (axis == StanceAxis.Subjectivity && foldBlends.All(b => b is not null));
        var parts = new PolarityParts?[withParts ? scored.Count : 0];
        foreach (Row r in withParts ? rows : [])
        {
            int f = fold[r.Item];
            VBuffer<float> features = foldVocabularies[f] is { } v ? VocabularyFeatures(r, v) : r.Features;
            ReadOnlySpan<int> idx = features.GetIndices();
            ReadOnlySpan<float> val = features.GetValues();
            ReadOnlySpan<int> own = r.OwnFeatures.GetIndices();
            ReadOnlySpan<float> ownValues = r.OwnFeatures.GetValues();
            GenreBlend? blend = foldBlends[f];
            double ratingScore = 0;
            foreach (LinearStanceModel m in foldRatings[f])
            {
                ratingScore += Math.Clamp(m.Expected(own, ownValues) / StanceTagger.RatingSpan, -1, 1) / foldRatings[f].Length;
            }

            PolarityParts part = new(foldModels[f].Predict(idx, val), blend?.Other.Predict(own, ownValues), blend?.AnalysisProbability(own, ownValues), ratingScore);
            parts[r.Item] = blend is { } b && b.Other.ReadsEmbeddings ? part with { Other = b.Other.Predict(r.OtherFeatures.GetIndices(), r.OtherFeatures.GetValues()) } : part;
        }

        StanceEvaluationResult scores = StanceEvaluation.Score(axis, scored, predictions, labelField);
        return new CrossValidationResult(scores, options.Folds, scored.Select(GroupOf).Distinct().Count()) { Stances = stances, Uncalibrated = uncalibrated, Temperature = temperature, ClassOffsets = classOffsets, PolarityParts = parts, StackTemperature = stackTemperature, Linear = linearStances, WithoutOffsets = plainStances, PolarityOffsets = [.. foldPolarityTrees.Where(t => t is not null).Select(t => t!.Offsets)], NegativeStageGroups = negativeStageGroups };
    }

    /// <summary>The negative stage's own rows that may train a fold: those of no document the fold scores (<paramref name="heldOutDocs"/>).</summary>
    private static Row[] NegativeStageTrainingRows(Row[] stageRows, HashSet<string> heldOutDocs) => [.. stageRows.Where(r => !heldOutDocs.Contains(r.Group))];

    /// <summary>A fold's model with the temperature (and, with <paramref name="offsets"/>, the class offsets) fitted on the other folds' held-out predictions only.</summary>
    private static LinearStanceModel FoldCalibrated(LinearStanceModel model, IReadOnlyList<(double[] P, int Gold)> others, bool offsets, int classes)
    {
        double t = FitTemperature(others);
        LinearStanceModel calibrated = model.WithTemperature(t);
        return offsets ? calibrated.WithClassOffsets(FitClassOffsets([.. others.Select(h => (Soften(h.P, t), h.Gold))], classes)) : calibrated;
    }

    /// <summary>The probabilities softmax(log p / T).</summary>
    private static double[] Soften(double[] p, double temperature)
    {
        double[] z = [.. p.Select(v => Math.Log(Math.Max(v, 1e-300)) / temperature)];
        double max = z.Max();
        double[] e = [.. z.Select(v => Math.Exp(v - max))];
        double total = e.Sum();
        return [.. e.Select(v => v / total)];
    }

    /// <summary>
    /// The offsets δ (class 0 fixed at 0, the others on the grid −1.5, −1.4 … 1.5) added to the log-probabilities of
    /// <paramref name="heldOut"/> that maximise the macro-F1 of the argmax tags over the classes present in gold; ties
    /// keep the offsets of smaller total size (deterministic). Per-class decision thresholds chosen by cross-validation.
    /// </summary>
    public static double[] FitClassOffsets(IReadOnlyList<(double[] P, int Gold)> heldOut, int classes) => FitClassOffsets(heldOut, classes, null);

    /// <summary>
    /// <see cref="FitClassOffsets(IReadOnlyList{ValueTuple{double[], int}}, int)"/> where row i's offsets are scaled by
    /// <paramref name="scales"/>[i] (null: 1), as the polarity trees mixed by the genre gate apply them (g·δ).
    /// </summary>
    public static double[] FitClassOffsets(IReadOnlyList<(double[] P, int Gold)> heldOut, int classes, IReadOnlyList<double>? scales)
    {
        double[] best = new double[classes];
        if (heldOut.Count == 0 || classes < 2)
        {
            return best;
        }

        double[][] logs = [.. heldOut.Select(h => h.P.Select(p => Math.Log(Math.Max(p, 1e-300))).ToArray())];
        int[] gold = [.. heldOut.Select(h => h.Gold)];
        bool[] present = new bool[classes];
        foreach (int g in gold)
        {
            present[g] = true;
        }

        const int Steps = 31;
        double Grid(int k) => (k - 15) / 10.0;
        double bestF1 = -1, bestSize = double.MaxValue;
        int combos = (int)Math.Pow(Steps, classes - 1);
        double[] delta = new double[classes];
        int[] tp = new int[classes], predicted = new int[classes], support = new int[classes];
        foreach (int g in gold)
        {
            support[g]++;
        }

        for (int combo = 0; combo < combos; combo++)
        {
            int rest = combo;
            double size = 0;
            for (int c = 1; c < classes; c++)
            {
                delta[c] = Grid(rest % Steps);
                rest /= Steps;
                size += Math.Abs(delta[c]);
            }

            Array.Clear(tp);
            Array.Clear(predicted);
            for (int i = 0; i < logs.Length; i++)
            {
                int arg = 0;
                for (int c = 1; c < classes; c++)
                {
                    double scale = scales is null ? 1 : scales[i];
                    arg = logs[i][c] + (scale * delta[c]) > logs[i][arg] + (scale * delta[arg]) ? c : arg;
                }

                predicted[arg]++;
                tp[arg] += arg == gold[i] ? 1 : 0;
            }

            double f1 = 0;
            int n = 0;
            for (int c = 0; c < classes; c++)
            {
                if (present[c])
                {
                    f1 += 2.0 * tp[c] / (predicted[c] + support[c]);
                    n++;
                }
            }

            f1 /= n;
            if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && size < bestSize))
            {
                (bestF1, bestSize) = (f1, size);
                Array.Copy(delta, best, classes);
            }
        }

        return best;
    }

    /// <summary>
    /// The temperature T that minimises the negative log-likelihood of <paramref name="heldOut"/>'s gold classes under
    /// softmax(log p / T) (Guo et al. 2017), searched on the grid 0.50, 0.51 … 5.00 (deterministic); 1 for no items.
    /// </summary>
    public static double FitTemperature(IReadOnlyList<(double[] P, int Gold)> heldOut) => FitTemperature(heldOut, 5);

    /// <summary><see cref="FitTemperature(IReadOnlyList{ValueTuple{double[], int}})"/> on the grid 0.50, 0.51 … <paramref name="largest"/>.</summary>
    public static double FitTemperature(IReadOnlyList<(double[] P, int Gold)> heldOut, double largest)
    {
        if (heldOut.Count == 0)
        {
            return 1;
        }

        double[][] logits = [.. heldOut.Select(h => h.P.Select(p => Math.Log(Math.Max(p, 1e-300))).ToArray())];
        double best = 1, bestLoss = double.PositiveInfinity;
        for (int step = 50; step <= (int)Math.Round(largest * 100); step++)
        {
            double t = step / 100.0;
            double loss = 0;
            for (int i = 0; i < logits.Length; i++)
            {
                double[] z = logits[i];
                double max = z.Max() / t;
                double total = 0;
                foreach (double v in z)
                {
                    total += Math.Exp((v / t) - max);
                }

                loss += max + Math.Log(total) - (z[heldOut[i].Gold] / t);
            }

            if (loss < bestLoss)
            {
                (best, bestLoss) = (t, loss);
            }
        }

        return best;
    }

    /// <summary>
    /// The field that holds a row's gold for <paramref name="axis"/> in a file labelled on every axis at once (<c>epistemic</c>,
    /// <c>polarity</c>, <c>subjectivity</c>, as in <c>analysis_prose_crs.dev.jsonl</c> and <c>data/stance/crs_more.jsonl</c>): the
    /// trainer reads it where a row has no <c>label</c>.
    /// </summary>
    public static string AxisField(StanceAxis axis) => axis.ToString().ToLowerInvariant();

    /// <summary>
    /// The texts of the rows that training on <paramref name="axis"/> fits: those with a label among the axis's classes (the
    /// field <paramref name="labelField"/>, else the field named after the axis). What <see cref="TrainingRows"/> fingerprints.
    /// </summary>
    public static IEnumerable<string> TrainedTexts(StanceAxis axis, IEnumerable<StanceItem> items, string labelField = "label")
    {
        ArgumentNullException.ThrowIfNull(items);
        IReadOnlyList<string> classes = ClassesOf(axis);
        return items.Where(item => LabelIndex(axis, item, classes, labelField) >= 0).Select(item => item.Text);
    }

    /// <summary>
    /// The items whose gold label on <paramref name="axis"/>, as training reads it (the field <c>label</c>, else the field named
    /// after the axis), is not <paramref name="label"/>, in order (<c>train stance --drop-label</c>: one data file's rows of a
    /// class left out). The items kept keep their document context, which was read from the whole file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a class of <paramref name="axis"/>.</exception>
    public static IReadOnlyList<StanceItem> WithoutLabel(StanceAxis axis, IEnumerable<StanceItem> items, string label)
    {
        ArgumentNullException.ThrowIfNull(items);
        IReadOnlyList<string> classes = ClassesOf(axis);
        int drop = IndexOf(classes, StanceScorer.NormalizeLabel(label) ?? "");
        if (drop < 0)
        {
            throw new ArgumentException($"'{label}' is not a class of the {AxisField(axis)} axis ({string.Join(", ", classes)}).", nameof(label));
        }

        return [.. items.Where(item => LabelIndex(axis, item, classes, "label") != drop)];
    }

    /// <summary>
    /// The items whose string field <paramref name="field"/> (<see cref="StanceItem.Field"/>) equals <paramref name="value"/>
    /// (ordinal), in order (<c>train stance --keep-rows</c>: one data file's rows kept by a field, e.g. <c>polarity_file</c>).
    /// Rows without the field are left out. The items kept keep their document context, which was read from the whole file.
    /// </summary>
    public static IReadOnlyList<StanceItem> WithField(IEnumerable<StanceItem> items, string field, string value)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        return [.. items.Where(item => string.Equals(item.Field(field), value, StringComparison.Ordinal))];
    }

    /// <summary>The index of the item's label in <paramref name="classes"/>, or −1 when it has none of them (the row is not trained on).</summary>
    private static int LabelIndex(StanceAxis axis, StanceItem item, IReadOnlyList<string> classes, string labelField)
    {
        string? label = StanceScorer.NormalizeLabel(item.Label(labelField) ?? (labelField == "label" ? item.Label(AxisField(axis)) : null));
        return label is null ? -1 : IndexOf(classes, label);
    }

    private static Row[] Featurize(StanceAxis axis, IReadOnlyList<StanceItem> items, IReadOnlyList<string> classes, ValenceLexicon lexicon, string labelField, StanceTrainingOptions options)
    {
        var rows = new List<Row>(items.Count);
        int dim = StanceFeaturizer.Dimension;
        int version = StanceFeaturizer.VersionFor(axis.ToString().ToLowerInvariant());
        double c = axis == StanceAxis.Polarity ? options.AgreementWeighting : 0;
        for (int n = 0; n < items.Count; n++)
        {
            StanceItem item = items[n];
            int k = LabelIndex(axis, item, classes, labelField);
            if (k < 0)
            {
                continue;
            }

            var tokens = new List<Token>();
            Tokenizer.Tokenize(item.Text, new TextSpan(0, item.Text.Length), tokens);
            ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
            StanceEvidence evidence = StanceTagger.Inspect(item.Text, span);
            StanceContext context = item.Context;
            IReadOnlyList<(string, float)>? named = version == StanceFeaturizer.EpistemicVersion
                ? EpistemicFeatures.Of(span, evidence, context, PreviousSentence.Of(context), options.DocumentContext)
                : null;
            (int[] own, float[] ownValues) = StanceFeaturizer.Featurize(span, evidence.Quoted, evidence.Scores, lexicon, version, named);
            IReadOnlyList<(string Name, float Value)> embedded = version == StanceFeaturizer.PolarityVersion && options.Embeddings is { } table
                ? EmbeddingFeatures.Of(table, item.Text, options.EmbeddingWithoutNames)
                : [];
            IReadOnlyList<(string Name, float Value)> polarityNamed = version == StanceFeaturizer.PolarityVersion ? PolarityContext.Of(context, lexicon, span, options.PolarityInputs) : [];
            (int[] idx, float[] val) = version == StanceFeaturizer.PolarityVersion
                ? StanceFeaturizer.WithContext((own, ownValues), [.. polarityNamed, .. options.EmbeddingReaders.HasFlag(EmbeddingReaders.Classifier) ? embedded : []])
                : (own, ownValues);
            // The negative stage's vector without the document's bad news (--negative-stage-without-document; it takes no embedding).
            (int[] si, float[] sv) = version == StanceFeaturizer.PolarityVersion && options.NegativeStageWithoutDocument
                ? StanceFeaturizer.WithContext((own, ownValues), PolarityContext.WithoutDocument(polarityNamed))
                : (idx, val);
            (int[] oi, float[] ov) = embedded.Count > 0 ? StanceFeaturizer.WithContext((own, ownValues), embedded) : (own, ownValues);

            double weight = item.Weight * (c > 0 && item.RatingSd is double sd ? (1 + c) / (c + (sd * sd)) : 1);
            double labelWeight = axis == StanceAxis.Polarity && options.LabelConfidenceWeighting && item.Score is double score && item.RatingSd is double sd2
                ? LabelConfidence(classes[k], score, sd2, options)
                : 1;
            // LoadFromEnumerable takes key values 0-based (it stores k + 1; 0 is the missing key).
            var withContext = new VBuffer<float>(dim, idx.Length, val, idx);
            rows.Add(new Row
            {
                Features = withContext,
                BaseFeatures = withContext,
                StageFeatures = ReferenceEquals(si, idx) ? withContext : new VBuffer<float>(dim, si.Length, sv, si),
                Terms = version == StanceFeaturizer.PolarityVersion && options.PolarVocabulary != PolarVocabularyUse.None ? PolarVocabulary.Terms(span) : null,
                PreviousTerms = version == StanceFeaturizer.PolarityVersion && options.PolarVocabulary != PolarVocabularyUse.None ? PolarVocabulary.PreviousTerms(context) : null,
                Group = GroupOf(item),
                OwnFeatures = new VBuffer<float>(dim, own.Length, ownValues, own),
                OtherFeatures = new VBuffer<float>(dim, oi.Length, ov, oi),
                Label = (uint)k,
                Score = (float)(item.Score ?? 0),
                HasScore = item.Score is not null,
                Weight = (float)weight,
                ClassWeight = (float)(weight * labelWeight),
                InDomain = item.InDomain,
                Balanced = !item.RuleLabelled,
                Item = n,
                Named = named,
                Scores = evidence.Scores,
                Source = item,
            });
        }

        return [.. rows];
    }

    /// <summary>P(the label is right) under rater noise: Φ(distance of the mean rating inside its label's band / its standard error).</summary>
    internal static double LabelConfidence(string label, double score, double ratingSd, StanceTrainingOptions options)
    {
        double se = Math.Max(0.05, ratingSd / Math.Sqrt(options.Raters));
        double b = options.LabelBand;
        double inside = label switch
        {
            "positive" => score - b,
            "negative" => -b - score,
            _ => Math.Min(b - score, score + b),
        };
        return NormalCdf(inside / se);
    }

    /// <summary>Φ(z) by Abramowitz &amp; Stegun 7.1.26 (absolute error below 1.5e-7).</summary>
    internal static double NormalCdf(double z)
    {
        double x = Math.Abs(z) / Math.Sqrt(2);
        double t = 1 / (1 + (0.3275911 * x));
        double poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        double erf = 1 - (poly * Math.Exp(-x * x));
        return 0.5 * (1 + (z >= 0 ? erf : -erf));
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i] == label)
            {
                return i;
            }
        }

        return -1;
    }

    private static LinearStanceModel Fit(StanceAxis axis, Row[] rows, IReadOnlyList<string> classes, StanceTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        if (options.Regression)
        {
            return FitRating(rows, options);
        }

        rows = ClassBalanced(rows, classes.Count, options);
        IDataView data = Load(ml, rows, classes.Count);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.ClassWeight),
            L2Regularization = options.L2,
            L1Regularization = options.L1,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
        });
        MaximumEntropyModelParameters model = trainer.Fit(data).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int numClasses);
        float[] bias = [.. model.GetBiases()];
        var rowsOut = new Dictionary<int, float[]>();
        for (int c = 0; c < numClasses; c++)
        {
            foreach (var (index, value) in weights[c].Items())
            {
                if (value == 0)
                {
                    continue;
                }

                if (!rowsOut.TryGetValue(index, out float[]? row))
                {
                    row = new float[numClasses];
                    rowsOut[index] = row;
                }

                row[c] = value;
            }
        }

        foreach (int index in rowsOut.Where(kv => kv.Value.All(v => Math.Abs(v) < options.PruneBelow)).Select(kv => kv.Key).ToList())
        {
            rowsOut.Remove(index);
        }

        return new LinearStanceModel(axis.ToString().ToLowerInvariant(), classes, bias, rowsOut);
    }

    /// <summary>The rows with <see cref="StanceTrainingOptions.ClassBalance"/> applied to their class weights (in order).</summary>
    private static Row[] ClassBalanced(Row[] rows, int classCount, StanceTrainingOptions options)
    {
        if (options.ClassBalance > 0)
        {
            // Rarer classes weigh (largest class count / class count)^β more, so the minority tags are not swamped by asserted sentences.
            // Rule-labelled rows (other genres) neither count nor are reweighted: the balance is that of the people's labels.
            // With ClassBalanceByGenre the analysis-prose rows are balanced against the analysis-prose counts alone (total[1]).
            int Genre(Row r) => options.ClassBalanceByGenre && r.InDomain ? 1 : 0;
            double[][] total = [new double[classCount], new double[classCount]];
            foreach (Row r in rows.Where(r => r.Balanced))
            {
                total[0][r.Label] += r.ClassWeight;
                total[1][r.Label] += r.InDomain ? r.ClassWeight : 0;
            }

            double[] largest = [total[0].Max(), total[1].Max()];
            rows = [.. rows.Select(r => r.Balanced ? r.WithClassWeight((float)(r.ClassWeight * Math.Pow(largest[Genre(r)] / Math.Max(total[Genre(r)][r.Label], 1e-9), options.ClassBalance))) : r)];
        }

        return rows;
    }

    private static IReadOnlyList<LinearStanceModel> FitRatingModels(Row[] rows, StanceTrainingOptions options)
    {
        // The rating models read the sentence's own features, as the tagger gives them.
        rows = [.. rows.Select(r => r.WithOwnFeatures())];
        LinearStanceModel regressor = FitRating(rows, options with { L2 = options.RatingL2, L1 = 0 });
        return options.OrdinalCuts.Count == 0 ? [regressor] : [regressor, FitOrdinal(rows, options)];
    }

    /// <summary>
    /// The ordinal rating model: a maximum-entropy classifier (agreement-weighted) of the rating bin between
    /// <see cref="StanceTrainingOptions.OrdinalCuts"/>, each class valued at the mean rating of its training items.
    /// </summary>
    private static LinearStanceModel FitOrdinal(Row[] rows, StanceTrainingOptions options)
    {
        IReadOnlyList<double> cuts = options.OrdinalCuts;
        int Bin(float score)
        {
            int b = 0;
            while (b < cuts.Count && score >= cuts[b])
            {
                b++;
            }

            return b;
        }

        string Name(int b) => string.Create(CultureInfo.InvariantCulture, $"rating {(b == 0 ? "-inf" : cuts[b - 1].ToString(CultureInfo.InvariantCulture))}..{(b == cuts.Count ? "inf" : cuts[b].ToString(CultureInfo.InvariantCulture))}");
        string[] names = [.. Enumerable.Range(0, cuts.Count + 1).Select(Name)];
        Row[] binned = [.. rows.Select(r => new Row { Features = r.Features, Label = (uint)Bin(r.Score), Score = r.Score, HasScore = true, Weight = r.Weight, ClassWeight = r.Weight })];
        double[] values = new double[names.Length];
        for (int b = 0; b < values.Length; b++)
        {
            float[] inBin = [.. binned.Where(r => r.Label == b).Select(r => r.Score)];
            values[b] = inBin.Length == 0 ? (b == 0 ? cuts[0] : b == cuts.Count ? cuts[^1] : (cuts[b - 1] + cuts[b]) / 2) : inBin.Average(x => (double)x);
        }

        LinearStanceModel classifier = Fit(StanceAxis.Polarity, binned, names, options with { ClassBalanceByGenre = false });
        return classifier.WithClassValues(values);
    }

    /// <summary>An SDCA regressor (squared loss) of the gold score, as a one-output <see cref="LinearStanceModel"/> of the polarity axis.</summary>
    private static LinearStanceModel FitRating(Row[] rows, StanceTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        IDataView data = Load(ml, rows, ClassesOf(StanceAxis.Polarity).Count);
        var sdca = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            LabelColumnName = nameof(Row.Score),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = options.L2,
            L1Regularization = options.L1,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 200,
            Shuffle = true,
        });
        LinearRegressionModelParameters reg = sdca.Fit(data).Model;
        var regRows = new Dictionary<int, float[]>();
        for (int i = 0; i < reg.Weights.Count; i++)
        {
            if (Math.Abs(reg.Weights[i]) >= options.PruneBelow)
            {
                regRows[i] = [reg.Weights[i]];
            }
        }

        return new LinearStanceModel("polarity", ["score"], [reg.Bias], regRows, regression: true);
    }

    private static IDataView Load(MLContext ml, Row[] rows, int classCount)
    {
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, StanceFeaturizer.Dimension);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static uint StableHash(string s) => Fnv1a.Hash32(s);

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }

        public float Score { get; set; }

        /// <summary>Agreement weight (the rating regressor's example weight).</summary>
        public float Weight { get; set; } = 1;

        /// <summary>Agreement × label-confidence weight (the classifier's example weight).</summary>
        public float ClassWeight { get; set; } = 1;

        /// <summary>The negative stage's features (<see cref="StanceTrainingOptions.NegativeStageWithoutDocument"/>: without `doc:bad`; otherwise the same as <see cref="BaseFeatures"/>).</summary>
        [NoColumn]
        public VBuffer<float> StageFeatures { get; set; }

        /// <summary>
        /// The sentence's own features, without the previous sentence's (<see cref="PolarityContext"/>): what the genre gate,
        /// the other-genre model and the rating models read, so that having a previous sentence (analysis rows do, the
        /// opinion snippets do not) never tells the genre.
        /// </summary>
        [NoColumn]
        public VBuffer<float> OwnFeatures { get; set; }

        /// <summary>What the other-genre model reads: <see cref="OwnFeatures"/>, with the sentence embedding when it is trained with one.</summary>
        [NoColumn]
        public VBuffer<float> OtherFeatures { get; set; }

        [NoColumn]
        public bool HasScore { get; set; }

        /// <summary>The index of the row's item in the featurized list.</summary>
        [NoColumn]
        public int Item { get; set; }

        [NoColumn]
        public bool InDomain { get; set; }

        /// <summary>Takes part in class balancing (a person's label, not the cue rules').</summary>
        [NoColumn]
        public bool Balanced { get; set; } = true;

        /// <summary>The classifier's features before the polar vocabulary's (<see cref="StanceTrainingOptions.PolarVocabulary"/>): the sentence's and the previous sentence's.</summary>
        [NoColumn]
        public VBuffer<float> BaseFeatures { get; set; }

        /// <summary>The sentence's terms for the polar vocabulary (<see cref="PolarVocabulary.Terms"/>); null when the vocabulary is not used.</summary>
        [NoColumn]
        public string[]? Terms { get; set; }

        /// <summary>The previous sentence's terms (<see cref="PolarVocabulary.PreviousTerms"/>); null when the vocabulary is not used.</summary>
        [NoColumn]
        public string[]? PreviousTerms { get; set; }

        /// <summary>The row's cross-validation group (<see cref="GroupOf(StanceItem)"/>).</summary>
        [NoColumn]
        public string Group { get; set; } = string.Empty;

        /// <summary>Epistemic: the named features of <see cref="EpistemicFeatures"/> (the second stage's inputs).</summary>
        [NoColumn]
        public IReadOnlyList<(string Name, float Value)>? Named { get; set; }

        /// <summary>Epistemic: the sentence's cue strengths.</summary>
        [NoColumn]
        public CueScores Scores { get; set; }

        /// <summary>The item the row was featurized from (its text and context, for tagging it as 'report' would).</summary>
        [NoColumn]
        public StanceItem? Source { get; set; }

        /// <summary>The row with its own features in place of the features with context.</summary>
        public Row WithOwnFeatures() => Copy(OwnFeatures, ClassWeight);

        /// <summary>The row with the other-genre model's features (<see cref="OtherFeatures"/>) in place of the features with context.</summary>
        public Row WithOtherFeatures() => Copy(OtherFeatures, ClassWeight);

        public Row WithClassWeight(float weight) => Copy(Features, weight);

        /// <summary>The row with <paramref name="features"/> as the classifier's features.</summary>
        public Row WithFeatures(VBuffer<float> features) => Copy(features, ClassWeight);

        private Row Copy(VBuffer<float> features, float classWeight) => new() { Features = features, OwnFeatures = OwnFeatures, OtherFeatures = OtherFeatures, BaseFeatures = BaseFeatures, StageFeatures = StageFeatures, Terms = Terms, PreviousTerms = PreviousTerms, Group = Group, Label = Label, Score = Score, Weight = Weight, ClassWeight = classWeight, HasScore = HasScore, InDomain = InDomain, Balanced = Balanced, Item = Item, Named = Named, Scores = Scores, Source = Source };
    }
}
