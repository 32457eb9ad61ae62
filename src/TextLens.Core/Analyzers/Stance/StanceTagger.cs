using TextLens.Core.Features;
using TextLens.Core.Models;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>The evidence the tagger reads off one sentence: the quotation mask, the cues and their combined strengths, and where each cue matched.</summary>
public sealed record StanceEvidence(bool[] Quoted, IReadOnlyList<StanceCue> Cues, CueScores Scores, TextSpan? Figure)
{
    /// <summary>The cue matches by token (the learned epistemic model reads them as features), in sentence order.</summary>
    public IReadOnlyList<CueHit> Hits { get; init; } = [];

    /// <summary>The sentence closes a quotation opened in an earlier sentence.</summary>
    public bool ContinuesQuotation { get; init; }

    /// <summary>Quoted words in the sentence.</summary>
    public int QuotedWords { get; init; }
}

/// <summary>One cue match: its first token, length in tokens, kind, the cue words, its strength after discounts, and whether it was discounted as reported.</summary>
public readonly record struct CueHit(int Token, int Length, StanceCueKind Kind, string Words, double Weight, bool Reported);

/// <summary>
/// Tags one sentence on the three stance axes. The epistemic tag comes from the learned epistemic model
/// (<see cref="EpistemicModel"/>, models/stance-epistemic.md), whose features include the cue matches of
/// <see cref="StanceCues"/> (the displayed evidence) and the cue rules' decision; without it, from the cue rules
/// (noisy-or of the strengths of the cues in the author's voice — words inside quotation marks belong to the
/// quoted source); polarity and subjectivity come from linear models
/// trained with ML.NET on permissively licensed data (<see cref="LinearStanceModel"/>). The same
/// method serves 'textlens report' and 'textlens eval stance'. Thread-safe.
/// </summary>
public sealed class StanceTagger
{
    public const string PolarityModelFile = "stance-polarity.tlsm";
    public const string SubjectivityModelFile = "stance-subjectivity.tlsm";

    /// <summary>The learned epistemic classifier (asserted / hedged / attributed / prescriptive).</summary>
    public const string EpistemicModelFile = "stance-epistemic.tlsm";

    /// <summary>The epistemic model's classes, in the order of <see cref="EpistemicStance"/>.</summary>
    public static IReadOnlyList<string> EpistemicClasses { get; } = ["asserted", "hedged", "attributed", "prescriptive"];

    /// <summary>The regressor of the mean reader rating (−4..4) that sharpens the polarity score.</summary>
    public const string PolarityRatingModelFile = "stance-polarity-rating.tlsm";

    /// <summary>The ordinal model of the mean reader rating (rating bins, each with its mean rating) that sharpens the polarity score.</summary>
    public const string PolarityOrdinalModelFile = "stance-polarity-ordinal.tlsm";

    /// <summary>The subjectivity model of news prose alone and the genre gate of the subjectivity <see cref="GenreBlend"/>.</summary>
    public const string SubjectivityOtherModelFile = "stance-subjectivity-other.tlsm", SubjectivityGenreModelFile = "stance-subjectivity-genre.tlsm";

    /// <summary>The polarity model of news and opinion prose alone and the genre gate of the polarity <see cref="GenreBlend"/>.</summary>
    public const string PolarityOtherModelFile = "stance-polarity-other.tlsm", PolarityGenreModelFile = "stance-polarity-genre.tlsm";

    /// <summary>
    /// The negative-vs-rest stage of the polarity classifier for analysis prose (`train stance --negative-stage`,
    /// models/stance-polarity.md, twenty-fourth round); read only if present.
    /// </summary>
    public const string PolarityNegativeModelFile = "stance-polarity-negative.tlsm";

    /// <summary>The classes of the negative-vs-rest stage (<see cref="PolarityNegativeStage"/>), in order.</summary>
    public static readonly IReadOnlyList<string> NegativeStageClasses = ["negative", "rest"];

    /// <summary>
    /// With rating models, the polarity score is the mean of their rating estimates, each clamped to
    /// ±this on the −4..4 rating scale and scaled to ±1 (without them, P(positive) − P(negative)). Chosen by
    /// grouped 5-fold cross-validation on the polarity DEV set, as was scoring by the ratings alone rather
    /// than blending in the classifier's probabilities (see models/stance-polarity.md).
    /// </summary>
    public const double RatingSpan = 2;


    /// <summary>A prescription or hedge reported from someone else ("officials said the U.S. should…") counts this much.</summary>
    private const double ReportedDiscount = 0.35;

    /// <summary>Polarity scores within ±this are neutral (VADER's ±0.05 on −1..1, the threshold of the polarity DEV labels).</summary>
    public const double NeutralBand = 0.05;

    /// <summary>
    /// A sentence is subjective at P(subjective) ≥ this. Below 0.5 because the model, trained on NewsSD
    /// (37% subjective), under-calls the minority class; chosen by grouped 5-fold cross-validation on the
    /// NewsSD DEV set (see models/stance-subjectivity.md).
    /// </summary>
    public const double SubjectiveThreshold = 0.4;

    private readonly LinearStanceModel? _polarity;
    private readonly LinearStanceModel[] _ratingModels;
    private readonly LinearStanceModel? _subjectivity;
    private readonly LinearStanceModel? _epistemic;
    private readonly EpistemicTrees? _stack;

    /// <param name="lexicon">The valence lexicon.</param>
    /// <param name="polarity">The polarity classifier (or a regressor of the rating); null for the lexicon baseline.</param>
    /// <param name="subjectivity">The subjectivity classifier; null for the cue baseline.</param>
    /// <param name="ratingModels">Estimators of the mean rating (a regressor, or a classifier with class values) whose mean is the polarity score.</param>
    public StanceTagger(ValenceLexicon lexicon, LinearStanceModel? polarity, LinearStanceModel? subjectivity, params LinearStanceModel[] ratingModels)
    {
        if (ratingModels.Length > 0 && (polarity is null || polarity.IsRegression))
        {
            throw new ArgumentException("Rating models need a polarity classifier to blend with.", nameof(ratingModels));
        }

        if (ratingModels.Any(m => !m.IsRegression && m.ClassValues is null))
        {
            throw new ArgumentException("A rating model must be a regressor or a classifier with class values.", nameof(ratingModels));
        }

        Lexicon = lexicon;
        _polarity = polarity;
        _ratingModels = ratingModels;
        _subjectivity = subjectivity;
        _shared = new Lazy<SharedFeatureRows?>(ShareRows);
    }

    /// <summary>
    /// The models that read a sentence's own features (the polarity gate, other-genre and rating models, and the subjectivity
    /// models), scored in one pass over the sentence's features; built once <see cref="ShareAfter"/> sentences have been
    /// tagged, after the init-only blends are set.
    /// </summary>
    private readonly Lazy<SharedFeatureRows?> _shared;

    /// <summary>
    /// The sentences tagged before the shared rows are built: until then each model scores alone (the same doubles). Their
    /// build (about 7 MB of joint rows zeroed and filled, 20–30 ms of CPU) saves some 15 µs a sentence, so it pays only
    /// after a thousand or two sentences: a short report never builds them, a corpus or a long document once.
    /// </summary>
    internal const int ShareAfter = 1000;

    /// <summary>Sentences tagged so far, counted until <see cref="ShareAfter"/>.</summary>
    private int _tagged;

    public ValenceLexicon Lexicon { get; }

    /// <summary>
    /// The shipped tagger: the polarity classifier with its two rating models, and the polarity and subjectivity models
    /// each blended by genre with its news-only model and gate (models/stance-polarity.md, models/stance-subjectivity.md).
    /// </summary>
    public static StanceTagger Shipped(ValenceLexicon lexicon, GenreBlend polarity, LinearStanceModel rating, LinearStanceModel ordinal, GenreBlend subjectivity, LinearStanceModel epistemic, PolarVocabulary? polarityVocabulary = null, EpistemicTrees? epistemicStack = null, PolarityTrees? polarityStack = null, LinearStanceModel? polarityNegative = null)
        => new(lexicon, polarity.Analysis, subjectivity.Analysis, rating, ordinal) { PolarityBlend = polarity, SubjectivityBlend = subjectivity, EpistemicModel = epistemic, PolarityVocabulary = polarityVocabulary, EpistemicStack = epistemicStack, PolarityStack = polarityStack, PolarityNegativeStage = polarityNegative };

    /// <summary>The polarity classifier blended with a news-only model by a genre gate (its <see cref="GenreBlend.Analysis"/> is the polarity model); null: the polarity model alone.</summary>
    public GenreBlend? PolarityBlend
    {
        get;
        init => field = value is null || ReferenceEquals(value.Analysis, _polarity) ? value
            : throw new ArgumentException("The polarity blend must extend the tagger's polarity model.", nameof(value));
    }

    /// <summary>The subjectivity classifier blended with a news-only model by a genre gate (its <see cref="GenreBlend.Analysis"/> is the subjectivity model); null: the subjectivity model alone.</summary>
    public GenreBlend? SubjectivityBlend
    {
        get;
        init => field = value is null || ReferenceEquals(value.Analysis, _subjectivity) ? value
            : throw new ArgumentException("The subjectivity blend must extend the tagger's subjectivity model.", nameof(value));
    }

    /// <summary>
    /// The in-domain polar vocabulary whose named features (<see cref="PolarVocabulary.ContextFeatures"/>) the polarity
    /// classifier reads beside the previous sentence's; null: none (a model trained without `--polar-vocabulary`, as shipped).
    /// </summary>
    public PolarVocabulary? PolarityVocabulary { get; init; }

    /// <summary>
    /// The static token vectors whose sentence embedding (<see cref="EmbeddingFeatures"/>) a polarity model trained with
    /// `--embeddings` reads (<see cref="LinearStanceModel.ReadsEmbeddings"/>: the classifier, the other-genre model of its blend, or
    /// both); null: none (the models loaded by <see cref="StanceModels"/> get the table whenever one of them reads it).
    /// </summary>
    public SentenceEmbeddings? Embeddings { get; init; }

    /// <summary>The same tagger with <paramref name="embeddings"/> as its <see cref="Embeddings"/>.</summary>
    public StanceTagger WithEmbeddings(SentenceEmbeddings embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return new(Lexicon, _polarity, _subjectivity, _ratingModels)
        {
            PolarityBlend = PolarityBlend,
            SubjectivityBlend = SubjectivityBlend,
            EpistemicModel = EpistemicModel,
            PolarityVocabulary = PolarityVocabulary,
            EpistemicStack = EpistemicStack,
            PolarityStack = PolarityStack,
            CollectPolarityStage = CollectPolarityStage,
            Embeddings = embeddings,
        };
    }

    /// <summary>Whether any polarity model reads the sentence embedding (so the tagger needs <see cref="Embeddings"/>).</summary>
    public bool NeedsEmbeddings => _polarity?.ReadsEmbeddings == true || PolarityBlend?.Other.ReadsEmbeddings == true;

    /// <summary>
    /// The polarity classifier reads the document context (<see cref="PolarityContext"/>: the mean tone of the document's other
    /// sentences, <see cref="StanceContext.Document"/>): a model trained with `--document-context` (<see cref="LinearStanceModel.ReadsDocument"/>).
    /// </summary>
    public bool PolarityDocumentContext => _polarity?.ReadsDocument == true;

    /// <summary>
    /// The polarity classifier reads the frames of the sentence's polar words and budget changes (<see cref="OutcomeFrames"/>):
    /// a model trained with `--outcome-frames` (<see cref="LinearStanceModel.ReadsOutcomeFrames"/>).
    /// </summary>
    public bool PolarityOutcomeFrames => _polarity?.ReadsOutcomeFrames == true;

    /// <summary>
    /// The polarity classifier reads the stance of the sentence's sources and the progress it reports (<see cref="SourceStance"/>):
    /// a model trained with `--source-stance` (<see cref="LinearStanceModel.ReadsSourceStance"/>).
    /// </summary>
    public bool PolaritySourceStance => _polarity?.ReadsSourceStance == true;

    /// <summary>
    /// The polarity classifier reads the sentence's realised good outcomes, supporters' views and described features
    /// (<see cref="GoodNews"/>): a model trained with `--good-news` (<see cref="LinearStanceModel.ReadsGoodNews"/>).
    /// </summary>
    public bool PolarityGoodNews => _polarity?.ReadsGoodNews == true;

    /// <summary>
    /// The clause parts of the polar evidence the polarity classifier reads (<see cref="ClauseZones"/>): a model trained with
    /// `--clauses` (<see cref="LinearStanceModel.ClauseParts"/>); <see cref="ClauseParts.None"/> otherwise.
    /// </summary>
    public ClauseParts PolarityClauses => _polarity?.ClauseParts ?? ClauseParts.None;

    /// <summary>The polarity classifier reads the words of the conceded and conditional parts (<see cref="ClauseZones.Words"/>): a model trained with `--clause-words`.</summary>
    public bool PolarityClauseWords => _polarity?.ReadsClauseWords == true;

    /// <summary>
    /// The polarity classifier reads the previous sentence's bad news (<see cref="PolarityContext"/>): every model but one
    /// trained with `--no-previous` (<see cref="LinearStanceModel.ReadsPrevious"/>).
    /// </summary>
    public bool PolarityPreviousSentence => _polarity?.ReadsPrevious != false;

    /// <summary>
    /// The epistemic classifier reads the document context (<see cref="EpistemicDocument"/>: the document's cue rates over its other sentences,
    /// a question run after a lead-in; <see cref="StanceContext.Discourse"/>): a model trained with `--document-context`
    /// (<see cref="LinearStanceModel.ReadsDocument"/>).
    /// </summary>
    public bool EpistemicDocumentContext => _epistemic?.ReadsDocument == true;

    /// <summary>The learned epistemic classifier (classes <see cref="EpistemicClasses"/>); null: the cue rules decide.</summary>
    public LinearStanceModel? EpistemicModel
    {
        get => _epistemic;
        init
        {
            if (value is not null && (value.IsRegression || !value.Classes.SequenceEqual(EpistemicClasses)))
            {
                throw new ArgumentException("The epistemic model must classify " + string.Join('/', EpistemicClasses) + ".", nameof(value));
            }

            _epistemic = value;
        }
    }

    /// <summary>
    /// The second stage of the epistemic tagger (<see cref="EpistemicTrees"/>): boosted trees over <see cref="EpistemicModel"/>'s
    /// class scores and the named features, whose probabilities replace the linear model's; null: the linear model decides.
    /// </summary>
    public EpistemicTrees? EpistemicStack
    {
        get => _stack;
        init
        {
            if (value is not null && !value.Classes.SequenceEqual(EpistemicClasses))
            {
                throw new ArgumentException("The epistemic trees must classify " + string.Join('/', EpistemicClasses) + ".", nameof(value));
            }

            _stack = value;
        }
    }

    /// <summary>
    /// The second stage of the polarity tagger (<see cref="PolarityTrees"/>, `train stance --polarity-trees`): boosted trees over
    /// the blend's probabilities and a small dense vector of the sentence, whose probabilities replace the blend's for the
    /// label and its confidence (the score still comes from the rating models); format 2 trees read only a sentence with its
    /// document, mixed with the blend by the gate, and their class offsets pick the label (the confidence stays the label's
    /// probability); null: the blend decides (as shipped).
    /// </summary>
    public PolarityTrees? PolarityStack
    {
        get;
        init => field = value is null || (_polarity is { IsRegression: false } polarity && value.Classes.SequenceEqual(polarity.Classes)) ? value
            : throw new ArgumentException("The polarity trees must classify the polarity classifier's classes.", nameof(value));
    }

    /// <summary>
    /// The negative-vs-rest stage (<see cref="PolarityNegativeModelFile"/>): a binary classifier on the polarity classifier's
    /// features, trained on analysis prose only. For a sentence whose document is known (the named input `doc:bad` present)
    /// its P(negative) replaces the blend's in proportion to the genre gate's probability of analysis prose g:
    /// p_neg' = g·p_stage + (1 − g)·p_neg, with neutral and positive rescaled to the rest (their ratio kept); without a
    /// document the blend decides (as shipped). Null: none (as shipped).
    /// </summary>
    public LinearStanceModel? PolarityNegativeStage
    {
        get;
        init => field = value is null || NegativeStageMismatch(value, _polarity) is not { } why ? value
            : throw new ArgumentException("The negative stage " + why + ".", nameof(value));
    }

    /// <summary>Why <paramref name="stage"/> cannot be the negative-vs-rest stage of <paramref name="polarity"/>; null when it can.</summary>
    public static string? NegativeStageMismatch(LinearStanceModel stage, LinearStanceModel? polarity)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.IsRegression || !stage.Classes.SequenceEqual(NegativeStageClasses))
        {
            return $"classifies {string.Join('/', stage.Classes)}, not {string.Join('/', NegativeStageClasses)}";
        }

        if (polarity is null || polarity.IsRegression)
        {
            return "needs a polarity classifier";
        }

        if (stage.FeatureVersion != polarity.FeatureVersion || stage.PolarityInputs != polarity.PolarityInputs || stage.ReadsEmbeddings)
        {
            return "does not read the polarity classifier's features (feature version or inputs differ)";
        }

        return null;
    }

    /// <summary>
    /// The blend's probabilities <paramref name="p"/> with the negative stage's P(negative) mixed in by the gate's probability of
    /// analysis prose <paramref name="g"/>; neutral and positive share the rest in their own ratio (all to neutral if both are 0).
    /// </summary>
    public static double[] MixNegative(double[] p, double stageNegative, double g, int negative, int neutral, int positive)
        => MixNegative(p, stageNegative, g, negative, neutral, positive, neutralOnly: false);

    /// <summary>
    /// <see cref="MixNegative(double[], double, double, int, int, int)"/>; with <paramref name="neutralOnly"/> (twenty-eighth
    /// round), where the mix lowers P(negative) the freed mass goes to neutral alone (positive keeps its probability); where it
    /// raises P(negative), neutral and positive give in their ratio as without it.
    /// </summary>
    public static double[] MixNegative(double[] p, double stageNegative, double g, int negative, int neutral, int positive, bool neutralOnly)
        => MixNegative(p, stageNegative, g, negative, neutral, positive, neutralOnly ? StageMixing.NeutralOnly : StageMixing.None);

    /// <summary>
    /// <see cref="MixNegative(double[], double, double, int, int, int)"/> with the stage file's mixing flags (<paramref name="mixing"/>):
    /// <see cref="StageMixing.NeutralOnly"/> (twenty-eighth round) as above; <see cref="StageMixing.NeutralWhereNegative"/>
    /// (twenty-ninth round) the same only where the blend's label is negative (p_neg ≥ p_neu and p_neg &gt; p_pos, the tagger's
    /// argmax), the ratio-keeping rescale elsewhere; <see cref="StageMixing.LowerInFrameOnly"/> (twenty-ninth round): where the
    /// stage would lower P(negative) and the sentence is not <see cref="StageMixing.InFrame"/> (<see cref="ProspectiveFrame"/>),
    /// the blend's probabilities stand (a copy of <paramref name="p"/>); <see cref="StageMixing.KeepPositive"/> (thirtieth round):
    /// where the blend's label is positive, the blend's probabilities stand.
    /// </summary>
    public static double[] MixNegative(double[] p, double stageNegative, double g, int negative, int neutral, int positive, StageMixing mixing)
    {
        ArgumentNullException.ThrowIfNull(p);
        g = Math.Clamp(g, 0, 1);
        double pNeg = Math.Clamp((g * stageNegative) + ((1 - g) * p[negative]), 0, 1);
        if (pNeg < p[negative] && (mixing & StageMixing.LowerInFrameOnly) != 0 && (mixing & StageMixing.InFrame) == 0)
        {
            return [.. p];
        }

        if ((mixing & StageMixing.KeepPositive) != 0 && p[positive] >= p[negative] && p[positive] >= p[neutral])
        {
            // The blend's label is positive (the tagger's argmax): the stage, whose "rest" merges neutral and positive, has no say.
            return [.. p];
        }

        bool blendNegative = p[negative] >= p[neutral] && p[negative] > p[positive];
        bool neutralOnly = (mixing & StageMixing.NeutralOnly) != 0 || ((mixing & StageMixing.NeutralWhereNegative) != 0 && blendNegative);
        double rest = p[neutral] + p[positive];
        var q = new double[p.Length];
        q[negative] = pNeg;
        if (neutralOnly && pNeg <= p[negative])
        {
            q[positive] = p[positive];
            q[neutral] = p[neutral] + (p[negative] - pNeg);
            return q;
        }

        q[neutral] = rest > 0 ? (1 - pNeg) * p[neutral] / rest : 1 - pNeg;
        q[positive] = rest > 0 ? (1 - pNeg) * p[positive] / rest : 0;
        return q;
    }

    /// <summary>Each tagged sentence carries what a polarity second stage reads (<see cref="SentenceStance.PolarityStage"/>): for training the trees.</summary>
    public bool CollectPolarityStage { get; init; }

    public SentenceStance Tag(int index, string text, ReadOnlySpan<Token> tokens) => Tag(index, text, tokens, StanceContext.None);

    /// <summary>Tags one sentence in its <paramref name="context"/> (the previous sentence, heading status).</summary>
    public SentenceStance Tag(int index, string text, ReadOnlySpan<Token> tokens, StanceContext context) => Tag(index, text, tokens, context, out _);

    /// <summary>
    /// Tags one sentence in its <paramref name="context"/> and gives its cue <paramref name="evidence"/>, which the next
    /// sentence's <see cref="PreviousSentence"/> may read instead of inspecting this sentence again (<see cref="StanceContext.Inspected"/>).
    /// </summary>
    internal SentenceStance Tag(int index, string text, ReadOnlySpan<Token> tokens, StanceContext context, out StanceEvidence evidence)
    {
        evidence = Inspect(text, tokens, context.BlockQuote);
        var features = new StanceFeaturizer.Sentence(tokens, evidence.Quoted, Lexicon);
        CueScores s = evidence.Scores;
        (double hedged, double attributed, double prescriptive) = (s.Hedge, s.Attribution, s.Prescription);
        EpistemicStance epistemic;
        double tagProbability = 0;
        EpistemicParts? parts = null;
        if (_epistemic is not null)
        {
            var named = EpistemicFeatures.Of(tokens, evidence, context, PreviousSentence.Of(context), EpistemicDocumentContext);
            (int[] ei, float[] ev) = features.Featurize(StanceFeaturizer.EpistemicVersion, s, named);
            double[] p = _epistemic.Predict(ei, ev);
            if (EpistemicStack is { } stack)
            {
                p = stack.Predict(stack.InputsOf(p, s, named));
            }

            if (context.Heading)
            {
                // A heading labels what follows ("Potential Oversight Issue for Congress"): it hedges nothing.
                p = WithoutHedge(p);
                s = s with { Hedge = 0 };
            }

            // The model gives one tag (precedence prescriptive > hedged > attributed), but the marks overlap: a prescription
            // can be hedged or attributed, a hedge attributed, and an attributed claim hedged in the source's words. The
            // probability of each mark at all is the model's probability of the tag plus, for the other tags, their
            // probability times the strength of the mark's cues: P(hedged) + P(attributed or prescriptive)·(hedge cues).
            // The hedge cues that are a prescription's own modal ("Congress may wish to consider", "Members could") do not
            // count: they make the prescription, they do not hedge it (models/stance-epistemic.md, the binary marks).
            // Nor do the cues inside an option put to Congress ("Congress could consider … the results reported in the analysis",
            // "… which could be made available"): they are what the option is about (EpistemicScope.PolicyOption).
            (int, int) policyOption = EpistemicScope.PolicyOption(tokens, evidence);
            double hedgeCues = context.Heading ? 0 : EpistemicScope.HedgeOutsidePrescription(tokens, evidence, policyOption);
            double attributionCues = EpistemicScope.AttributionOutsideOption(evidence, policyOption);
            (hedged, attributed, prescriptive) = (p[1] + ((p[2] + p[3]) * hedgeCues), p[2] + ((p[1] + p[3]) * attributionCues), p[3]);
            parts = new EpistemicParts(p[0], p[1], p[2], p[3], hedgeCues, attributionCues);
            int best = 0;
            for (int c = 1; c < p.Length; c++)
            {
                best = p[c] > p[best] ? c : best;
            }

            epistemic = (EpistemicStance)best;
            tagProbability = p[best];
        }
        else
        {
            s = context.Heading ? s with { Hedge = 0 } : s;
            hedged = s.Hedge;
            epistemic = RuleDecision(s);
        }

        // One vector serves both models: the polarity features are the v1 features plus dense features 24–31, for which a
        // v1 model (subjectivity) has no weights, so it reads the polarity vector exactly as its own — except where a number
        // has a minus sign (the polarity version's word "<minus>"), and the previous sentence's named features
        // (PolarityContext) are added for the polarity model only.
        int version = _polarity?.FeatureVersion ?? StanceFeaturizer.Version;
        (int[] idx, float[] val) = features.Featurize(version, s);
        (int[] ci, float[] cv) = (idx, val);
        IReadOnlyList<(string Name, float Value)>? embedded = null;
        IReadOnlyList<(string Name, float Value)> polarityNamed = [];
        if (_polarity?.FeatureVersion == StanceFeaturizer.PolarityVersion)
        {
            IReadOnlyList<(string Name, float Value)> named = PolarityContext.Of(context, Lexicon, tokens, _polarity.PolarityInputs);
            polarityNamed = named;
            if (NeedsEmbeddings)
            {
                embedded = EmbeddingFeatures.Of(
                    Embeddings ?? throw new InvalidOperationException("The polarity model reads the sentence embedding; the tagger has no embedding table."),
                    text,
                    withoutNames: _polarity.EmbedsWithoutNames || PolarityBlend?.Other.EmbedsWithoutNames == true);
                named = _polarity.ReadsEmbeddings ? [.. named, .. embedded] : named;
            }

            (ci, cv) = StanceFeaturizer.WithContext((idx, val), PolarityVocabulary is null
                ? named
                : [.. named, .. PolarityVocabulary.ContextFeatures(PolarVocabulary.Terms(tokens), PolarVocabulary.PreviousTerms(context))]);
        }

        (int[] si, float[] sv) = version != StanceFeaturizer.Version && StanceFeaturizer.HasMinusSign(tokens)
            ? features.Featurize(StanceFeaturizer.Version, s)
            : (idx, val);
        double[]?[]? shared = SharedPredictions(idx, val, subjectivityToo: ReferenceEquals(si, idx));
        float[]? stageInputs = (PolarityStack is not null || CollectPolarityStage) && _polarity is { IsRegression: false }
            ? PolarityStage.SentenceInputs(tokens, Lexicon, s, context.Heading)
            : null;
        (Polarity polarity, double polarityScore, double polarityConfidence) = PredictPolarity(idx, val, ci, cv, shared,
            PolarityBlend?.Other.ReadsEmbeddings == true && embedded is not null ? StanceFeaturizer.WithContext((idx, val), embedded) : null,
            stageInputs, polarityNamed, PolarityNegativeStage?.StageLowerProspective == true && ProspectiveFrame.In(tokens), out PolarityStage? polarityStage);
        double subjective = PredictSubjectivity(si, sv, s, ReferenceEquals(si, idx) ? shared : null);

        if (context.Heading)
        {
            // A heading labels what follows; it states nothing, so it has no tone.
            (polarity, polarityScore, polarityConfidence) = (Polarity.Neutral, 0, 1);
        }

        double epistemicCertainty = _epistemic is not null
            ? tagProbability
            : (Certainty(hedged) + Certainty(attributed) + Certainty(prescriptive)) / 3;
        double confidence = (epistemicCertainty + polarityConfidence + Certainty(subjective)) / 3;
        return new SentenceStance(
            index,
            epistemic,
            Round(hedged),
            Round(attributed),
            Round(prescriptive),
            polarity,
            Round(polarityScore),
            subjective >= SubjectiveThreshold,
            Round(subjective),
            Round(confidence),
            evidence.Cues)
        {
            Figure = evidence.Figure,
            EpistemicConfidence = Round(epistemicCertainty),
            PolarityConfidence = Round(polarityConfidence),
            EpistemicParts = parts,
            PolarityStage = CollectPolarityStage ? polarityStage : null,
        };
    }

    /// <summary>The cue rules' tag: the first of prescriptive, hedged, attributed whose noisy-or strength reaches 0.5, else asserted.</summary>
    public static EpistemicStance RuleDecision(CueScores s) =>
        s.Prescription >= 0.5 ? EpistemicStance.Prescriptive
        : s.Hedge >= 0.5 ? EpistemicStance.Hedged
        : s.Attribution >= 0.5 ? EpistemicStance.Attributed
        : EpistemicStance.Asserted;

    /// <summary>Quotation mask, cues and cue strengths of a sentence (no models involved).</summary>
    public static StanceEvidence Inspect(string text, ReadOnlySpan<Token> tokens) => Inspect(text, tokens, blockQuote: false);

    /// <summary>
    /// The cue evidence of a sentence; in a block quotation (<paramref name="blockQuote"/>) every token is quoted, as
    /// if the sentence stood between quotation marks that continue from the lead-in ("The Navy's budget request notes that").
    /// </summary>
    public static StanceEvidence Inspect(string text, ReadOnlySpan<Token> tokens, bool blockQuote)
    {
        bool[] quoted = blockQuote
            ? BlockQuoted(tokens, out int quotedWords, out int quoteMarks, out bool continued)
            : QuotedTokens(text, tokens, out quotedWords, out quoteMarks, out continued);
        var cues = new List<StanceCue>();
        bool headline = Headlines.IsTitleCase(tokens);
        var matches = MatchCues(tokens, quoted, headline);
        int firstReport = int.MaxValue;
        foreach ((int start, int length, CuePattern p) in matches)
        {
            if (p.Kind == StanceCueKind.Attribution && p.Weight >= 0.85)
            {
                firstReport = Math.Min(firstReport, start);
            }
        }

        double hedge = 0;
        double attribution = 0;
        double prescription = 0;
        double booster = 0;
        var hits = new List<CueHit>(matches.Count);
        bool[]? inQuestion = null;
        foreach ((int start, int length, CuePattern p) in matches)
        {
            double w = p.Weight;
            bool reported = p.Kind == StanceCueKind.Prescription && (start > firstReport || (inQuestion ??= InIndirectQuestion(tokens))[start]);
            if (reported)
            {
                w *= ReportedDiscount;
            }

            hits.Add(new CueHit(start, length, p.Kind, string.Join(' ', p.Words), w, reported));

            switch (p.Kind)
            {
                case StanceCueKind.Hedge:
                    hedge = NoisyOr(hedge, w);
                    break;
                case StanceCueKind.Attribution:
                    attribution = NoisyOr(attribution, w);
                    break;
                case StanceCueKind.Prescription:
                    prescription = NoisyOr(prescription, w);
                    break;
                case StanceCueKind.Booster:
                    booster = NoisyOr(booster, w);
                    break;
            }

            TextSpan span = TextSpan.FromBounds(tokens[start].Span.Start, tokens[start + length - 1].Span.End);
            cues.Add(new StanceCue(span, text.Substring(span.Start, span.Length), p.Kind, w));
        }

        // A quotation of three or more words is speech from a source; a shorter one (scare quotes, a title) is weak evidence.
        // A sentence that closes a quotation opened in an earlier sentence is the source's speech, however short.
        // A quoted name or title in title case ("the "Domain Name System" text box", the "One Big Beautiful Bill Act")
        // is a name, not speech, however long.
        double quotation = quoteMarks == 0 ? 0 : continued || (quotedWords >= 3 && (headline || !IsQuotedTitle(tokens, quoted))) ? 0.9 : 0.3;
        if (quotation > 0)
        {
            attribution = NoisyOr(attribution, quotation);
            int first = Array.IndexOf(quoted, true);
            int last = Array.LastIndexOf(quoted, true);
            if (first >= 0)
            {
                TextSpan span = TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End);
                cues.Add(new StanceCue(span, text.Substring(span.Start, span.Length), StanceCueKind.Quotation, quotation));
            }
        }

        cues.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Kind.CompareTo(b.Kind));
        return new StanceEvidence(quoted, cues, new CueScores(hedge, attribution, prescription, booster, quotation), FindStatistic(tokens, quoted))
        {
            Hits = hits,
            ContinuesQuotation = continued,
            QuotedWords = quotedWords,
        };
    }

    /// <summary>
    /// A cue inside a "whether" clause ("concerns whether public schools must notify parents", "determines whether
    /// the servicemember should be given…") is part of a question the text reports, not the author's
    /// recommendation; a comma or semicolon ends the clause ("Whether or not it passes, Congress should act").
    /// </summary>
    /// <remarks>
    /// For every token at once, in one pass (the nearest "whether", comma, semicolon or colon before it decides): a scan back
    /// from each cue made "should should should …" quadratic.
    /// </remarks>
    internal static bool[] InIndirectQuestion(ReadOnlySpan<Token> tokens)
    {
        var inside = new bool[tokens.Length];
        bool open = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            inside[i] = open;
            if (tokens[i].Lower is "," or ";" or ":")
            {
                open = false;
            }
            else if (tokens[i].Lower == "whether")
            {
                open = true;
            }
        }

        return inside;
    }

    /// <summary>
    /// The polarity of a sentence from its own features (<paramref name="idx"/>: read by the genre gate, the other-genre model
    /// and the rating models) and its features with the previous sentence's (<paramref name="contextIdx"/>: read by the classifier).
    /// </summary>
    private (Polarity Label, double Score, double Confidence) PredictPolarity(int[] idx, float[] val, int[] contextIdx, float[] contextVal, double[]?[]? shared, (int[] Indices, float[] Values)? otherFeatures, float[]? stageInputs, IReadOnlyList<(string Name, float Value)> named, bool prospective, out PolarityStage? stage)
    {
        stage = null;
        if (_polarity is null)
        {
            // Lexicon only (used to train and as the baseline): VADER's compound score (dense feature 0) with its ±0.05 neutral band.
            int at = Array.IndexOf(idx, 0);
            return FromScore(at >= 0 ? val[at] / StanceFeaturizer.DenseScale : 0);
        }

        if (_polarity.IsRegression)
        {
            // The regressor predicts the mean reader rating on −4..4.
            return FromScore(Math.Clamp(_polarity.Predict(contextIdx, contextVal)[0] / 4, -1, 1));
        }

        double[]? gate = PolarityBlend is { } g ? Predict(g.Genre, idx, val, shared) : null;
        double[] p = PolarityBlend is { } blend
            ? GenreBlend.Mix(
                gate!,
                _polarity.Predict(contextIdx, contextVal),
                otherFeatures is { } own ? blend.Other.Predict(own.Indices, own.Values) : Predict(blend.Other, idx, val, shared))
            : _polarity.Predict(contextIdx, contextVal);
        int negative = _polarity.ClassIndex("negative"), neutral = _polarity.ClassIndex("neutral"), positive = _polarity.ClassIndex("positive");
        double[]? offsets = null;
        if (stageInputs is not null)
        {
            // The second stage reads the blend's probabilities with the sentence's dense inputs; where it reads the sentence
            // (format 2: only with its document), its probabilities (mixed with the blend's by the gate) and offsets decide.
            stage = PolarityStage.WithBlend(stageInputs, p, negative, neutral, positive, gate?[1] ?? 1, named);
            if (PolarityStack is { } trees && trees.Reads(stage))
            {
                p = trees.Decide(stage, out offsets);
            }
        }

        if (PolarityNegativeStage is { } negativeStage && PolarityTrees.HasDocument(named))
        {
            // Analysis prose with its document: the negative-vs-rest stage's P(negative), mixed in by the gate.
            // Twenty-eighth round's flags: the gate's probability squared as the mix weight; lowered mass to neutral only.
            // Twenty-ninth round's: lowered mass to neutral only where the blend read negative; lowering only in a prospective frame.
            double analysis = gate?[1] ?? 1;
            StageMixing mixing = (negativeStage.StageNeutralOnly ? StageMixing.NeutralOnly : StageMixing.None)
                | (negativeStage.StageNeutralWhereNegative ? StageMixing.NeutralWhereNegative : StageMixing.None)
                | (negativeStage.StageLowerProspective ? StageMixing.LowerInFrameOnly : StageMixing.None)
                | (negativeStage.StageKeepPositive ? StageMixing.KeepPositive : StageMixing.None)
                | (prospective ? StageMixing.InFrame : StageMixing.None);
            // Thirty-third round's flag: the stage reads the classifier's vector less the document's bad news.
            (int[] sIdx, float[] sVal) = negativeStage.StageWithoutDocument
                ? StanceFeaturizer.WithContext((idx, val), PolarityContext.WithoutDocument(named))
                : (contextIdx, contextVal);
            p = MixNegative(p, negativeStage.Predict(sIdx, sVal)[0], negativeStage.StageGateSquared ? analysis * analysis : analysis, negative, neutral, positive, mixing);
        }

        double pNeg = p[negative];
        double pNeu = p[neutral];
        double pPos = p[positive];
        Polarity label = pPos >= pNeg && pPos >= pNeu ? Polarity.Positive : pNeg >= pNeu ? Polarity.Negative : Polarity.Neutral;
        double confidence = Math.Max(pPos, Math.Max(pNeu, pNeg));
        if (offsets is not null && offsets.Any(o => o != 0))
        {
            // Class offsets move the decision toward the rarer classes; the confidence stays the probability of the label
            // chosen (calibrated), so a label the offsets pick against a larger probability is shown as uncertain.
            label = PolarityTrees.Label(p, offsets, negative, neutral, positive);
            confidence = label switch { Polarity.Positive => pPos, Polarity.Negative => pNeg, _ => pNeu };
        }
        double score = pPos - pNeg;
        if (_ratingModels.Length > 0)
        {
            score = 0;
            foreach (LinearStanceModel m in _ratingModels)
            {
                score += Math.Clamp(m.Expected(Predict(m, idx, val, shared)) / RatingSpan, -1, 1);
            }

            score /= _ratingModels.Length;
        }

        return (label, Agree(label, Math.Clamp(score, -1, 1)), confidence);
    }

    /// <summary>
    /// The score moved into its label's band, so the two never disagree: a positive label has a score of at least
    /// +<see cref="NeutralBand"/>, a negative one at most −<see cref="NeutralBand"/>, a neutral one lies strictly inside the band.
    /// </summary>
    internal static double Agree(Polarity label, double score) => label switch
    {
        Polarity.Positive => Math.Max(score, NeutralBand),
        Polarity.Negative => Math.Min(score, -NeutralBand),
        _ => Math.Clamp(score * NeutralBand, -NeutralBand + 1e-4, NeutralBand - 1e-4),
    };

    /// <summary>A label from a score with the data's own neutral band (±0.05 on −1..1); confidence grows with the distance from the nearest boundary.</summary>
    private static (Polarity Label, double Score, double Confidence) FromScore(double score)
    {
        Polarity l = score >= NeutralBand ? Polarity.Positive : score <= -NeutralBand ? Polarity.Negative : Polarity.Neutral;
        double margin = l == Polarity.Neutral ? NeutralBand - Math.Abs(score) : Math.Abs(score) - NeutralBand;
        return (l, score, 0.5 + Math.Min(0.5, margin * 5));
    }

    private double PredictSubjectivity(int[] idx, float[] val, CueScores s, double[]?[]? shared)
    {
        if (_subjectivity is not null)
        {
            double[] p = SubjectivityBlend is { } blend
                ? GenreBlend.Mix(Predict(blend.Genre, idx, val, shared), Predict(blend.Analysis, idx, val, shared), Predict(blend.Other, idx, val, shared))
                : Predict(_subjectivity, idx, val, shared);
            return p[_subjectivity.ClassIndex("subjective")];
        }

        // Without a model: hedges, boosters and prescriptions in the author's voice mark an opinion.
        return NoisyOr(NoisyOr(s.Hedge * 0.7, s.Booster * 0.6), s.Prescription * 0.8);
    }

    /// <summary>
    /// The models of <see cref="_shared"/>: those that read the sentence's own features — the polarity blend's gate and
    /// other-genre model and the rating models (when the polarity model is a classifier), and the subjectivity model or blend.
    /// Null when fewer than two models would share the pass.
    /// </summary>
    private SharedFeatureRows? ShareRows()
    {
        List<LinearStanceModel> models = [];
        if (_polarity is { IsRegression: false })
        {
            if (PolarityBlend is { } polarity)
            {
                models.AddRange([polarity.Genre, polarity.Other]);
            }

            models.AddRange(_ratingModels);
        }

        if (SubjectivityBlend is { } subjectivity)
        {
            models.AddRange([subjectivity.Analysis, subjectivity.Other, subjectivity.Genre]);
        }
        else if (_subjectivity is not null)
        {
            models.Add(_subjectivity);
        }

        models = [.. models.Distinct(ReferenceEqualityComparer.Instance).Cast<LinearStanceModel>()];
        return models.Count < 2 ? null : new SharedFeatureRows(models);
    }

    /// <summary>
    /// The outputs of the shared models for the sentence's own features (<paramref name="idx"/>), in one pass; the subjectivity
    /// models only when they read the same vector (<paramref name="subjectivityToo"/>). Null without shared models.
    /// </summary>
    private double[]?[]? SharedPredictions(int[] idx, float[] val, bool subjectivityToo)
    {
        if (!_shared.IsValueCreated && Volatile.Read(ref _tagged) < ShareAfter && Interlocked.Increment(ref _tagged) <= ShareAfter)
        {
            return null;
        }

        if (_shared.Value is not { } rows)
        {
            return null;
        }

        uint mask = rows.All;
        if (!subjectivityToo)
        {
            foreach (LinearStanceModel? m in (IEnumerable<LinearStanceModel?>)[_subjectivity, SubjectivityBlend?.Other, SubjectivityBlend?.Genre])
            {
                int j = m is null ? -1 : rows.IndexOf(m);
                mask &= j < 0 ? uint.MaxValue : ~(1u << j);
            }
        }

        return rows.Predict(idx, val, mask);
    }

    /// <summary><paramref name="model"/>'s output for the vector (<see cref="LinearStanceModel.Predict"/>), from <paramref name="shared"/> when it holds it.</summary>
    private double[] Predict(LinearStanceModel model, int[] idx, float[] val, double[]?[]? shared)
    {
        int j = shared is null ? -1 : _shared.Value!.IndexOf(model);
        return j >= 0 && shared![j] is { } p ? p : model.Predict(idx, val);
    }

    /// <summary>Every cue kind, in declaration order (<see cref="Enum.GetValues{TEnum}()"/> allocates a new array per call).</summary>
    private static readonly StanceCueKind[] CueKinds = Enum.GetValues<StanceCueKind>();

    /// <summary>The cues of a sentence; <paramref name="headline"/>: it is a title-case headline (<see cref="Headlines.IsTitleCase"/>).</summary>
    internal static List<(int Start, int Length, CuePattern Pattern)> MatchCues(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, bool headline)
    {
        IReadOnlyDictionary<string, CuePattern[]> index = StanceCues.ByFirstWord;
        var found = new List<(int, int, CuePattern)>();
        Span<int> coveredUntil = stackalloc int[5];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (quoted[i] || !index.TryGetValue(StanceCues.CueWord(tokens[i].Lower), out CuePattern[]? candidates) || (!headline && InsideName(tokens, i)))
            {
                continue;
            }

            foreach (StanceCueKind kind in CueKinds)
            {
                if (coveredUntil[(int)kind] > i)
                {
                    continue;
                }

                CuePattern? best = null;
                int bestLength = 0;
                foreach (CuePattern p in candidates)
                {
                    if (p.Kind != kind || (best is not null && (p.Words.Length < best.Words.Length || p.Weight <= best.Weight)))
                    {
                        continue;
                    }

                    int length = Match(tokens, quoted, i, p);
                    if (length > 0)
                    {
                        best = p;
                        bestLength = length;
                    }
                }

                if (best is not null)
                {
                    found.Add((i, bestLength, best));
                    coveredUntil[(int)kind] = i + bestLength;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The number of tokens <paramref name="p"/> spans from <paramref name="start"/>, or 0 when it does not match there. The
    /// words match in order and unquoted; a contraction matches its full form ('d → would, 'll → will); an intensifiable
    /// pattern lets up to <see cref="StanceCues.MaxIntensifiers"/> degree adverbs stand after its modal, "be" or article
    /// ("it would be very useful", "it'd also be great", "would be a really good idea").
    /// </summary>
    private static int Match(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, int start, CuePattern p)
    {
        int t = start;
        int skipped = 0;
        for (int k = 0; k < p.Words.Length; k++)
        {
            if (k > 0 && p.Intensifiable && StanceCues.AdmitsIntensifier(p.Words[k - 1]))
            {
                while (skipped < StanceCues.MaxIntensifiers && t < tokens.Length && !quoted[t] && StanceCues.IsIntensifier(tokens[t].Lower) && tokens[t].Lower != p.Words[k])
                {
                    t++;
                    skipped++;
                }
            }

            if (t >= tokens.Length || quoted[t] || StanceCues.CueWord(tokens[t].Lower) != p.Words[k])
            {
                return 0;
            }

            t++;
        }

        return p.Guard is null || p.Guard(new CueSite(tokens, start, t - start)) ? t - start : 0;
    }

    /// <summary>
    /// A capitalised word inside a run of capitalised words, other than the first word of the sentence, is part
    /// of a name or title ("the U.S. Court of Appeals for Veterans Claims", "Possible Futures Institute"), not a cue
    /// (except in a headline written in title case, where every word is capitalised: "Trump Says He Never…").
    /// </summary>
    private static bool InsideName(ReadOnlySpan<Token> tokens, int start)
    {
        Token t = tokens[start];
        if (!t.IsCapitalized || t.Text == "I" || t.Text.All(char.IsUpper) || IsSentenceStart(tokens, start))
        {
            return false;
        }

        return (IsNameWord(tokens, start - 1) && !IsSentenceStart(tokens, start - 1)) || IsNameWord(tokens, start + 1);
    }

    private static bool IsNameWord(ReadOnlySpan<Token> tokens, int i) =>
        i >= 0 && i < tokens.Length && tokens[i].Kind == TokenKind.Word && tokens[i].IsCapitalized && tokens[i].Text != "I";

    /// <summary>
    /// Every quoted word of four or more letters is capitalised, there is such a word and no question or exclamation
    /// mark: a quoted name or title. (In a headline in title case every quotation looks like this; the caller checks.)
    /// </summary>
    private static bool IsQuotedTitle(ReadOnlySpan<Token> tokens, bool[] quoted)
    {
        int titleWords = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (quoted[i] && tokens[i].Text is "?" or "!")
            {
                return false;
            }

            if (quoted[i] && tokens[i].Kind == TokenKind.Word && tokens[i].Text.Length > 3)
            {
                if (!tokens[i].IsCapitalized)
                {
                    return false;
                }

                titleWords++;
            }
        }

        return titleWords > 0;
    }

    private static bool IsSentenceStart(ReadOnlySpan<Token> tokens, int index) => new CueSite(tokens, index, 1).AtSentenceStart;

    /// <summary>
    /// Marks the tokens inside quotation marks. Curly quotes open and close explicitly; a straight
    /// double quote toggles; a single quote opens after a space and closes before one. A quote left
    /// open runs to the end of the sentence; a closing mark with no opening one closes a quote that
    /// began in an earlier sentence.
    /// </summary>
    public static bool[] QuotedTokens(string text, ReadOnlySpan<Token> tokens, out int quotedWords, out int quoteMarks, out bool continued)
    {
        bool[] quoted = new bool[tokens.Length];
        quotedWords = 0;
        quoteMarks = 0;
        continued = false;
        int open = -1;

        // Asked once, not once a quotation mark (a sentence of n marks was O(n²)): the last word or number, for "is there a
        // word after this mark", and how much of the sentence's start is already marked quoted, so that each closing mark
        // with none open marks only what is new.
        int lastWord = LastWordOrNumber(tokens);
        int quotedPrefix = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            Token t = tokens[i];
            if (t.Kind is not (TokenKind.Punctuation or TokenKind.Symbol or TokenKind.Clitic) || t.Text.Length is 0 or > 2 || (t.Text.Length == 2 && t.Text is not ("''" or "``")))
            {
                continue;
            }

            char c = t.Text.Length == 2 ? '"' : t.Text[0];
            int at = t.Span.Start;

            // Doubled single quotes ('' and ``) stand for a double quotation mark.
            if (c is '\'' or '`' && i + 1 < tokens.Length && tokens[i + 1].Span.Start == t.Span.End && tokens[i + 1].Text is "'" or "`")
            {
                c = '"';
                i++;
            }

            bool spaceBefore = at == 0 || char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '[' or '—' or '–';
            int after = t.Span.End;
            bool spaceAfter = after >= text.Length || char.IsWhiteSpace(text[after]) || char.IsPunctuation(text[after]);

            // A straight double quote glued to the word before it and followed by a space closes; otherwise it toggles.
            bool straightCloses = c == '"' && !spaceBefore && spaceAfter && i > 0;
            bool opening = c is '“' or '«' || ((c is '‘' or '\'') && spaceBefore && t.Kind != TokenKind.Clitic) || (c == '"' && open < 0 && !straightCloses);
            bool closing = c is '”' or '»' || (c is '’' or '\'' && !spaceBefore && open >= 0) || (c == '"' && (open >= 0 || straightCloses));
            // A closing curly quote with none open, or a straight one that ends the sentence, closes a quotation from an earlier sentence.
            bool lastMark = c == '"' && open < 0 && i > 0 && (straightCloses || lastWord <= i);
            if ((closing && open < 0 && c is '”' or '»') || lastMark)
            {
                continued = true;
                quoteMarks++;
                if (i > quotedPrefix)
                {
                    Mark(quoted, quotedPrefix, i, tokens, ref quotedWords); // [0, quotedPrefix) is quoted already
                    quotedPrefix = i;
                }
            }
            else if (closing && open >= 0)
            {
                quoteMarks++;
                Mark(quoted, open + 1, i, tokens, ref quotedWords);
                open = -1;
            }
            else if (opening && open < 0)
            {
                open = i;
            }
        }

        if (open >= 0 && open < tokens.Length - 1)
        {
            quoteMarks++;
            Mark(quoted, open + 1, tokens.Length, tokens, ref quotedWords);
        }

        return quoted;
    }

    /// <summary>Every token of a sentence in a block quotation is quoted; it continues the quotation its lead-in opened.</summary>
    public static bool[] BlockQuoted(ReadOnlySpan<Token> tokens, out int quotedWords, out int quoteMarks, out bool continued)
    {
        bool[] quoted = new bool[tokens.Length];
        quotedWords = 0;
        Mark(quoted, 0, tokens.Length, tokens, ref quotedWords);
        quoteMarks = tokens.IsEmpty ? 0 : 1;
        continued = !tokens.IsEmpty;
        return quoted;
    }

    /// <summary>The index of the sentence's last word or number, -1 when it has none: a word follows token i when it is above i.</summary>
    private static int LastWordOrNumber(ReadOnlySpan<Token> tokens)
    {
        for (int k = tokens.Length - 1; k >= 0; k--)
        {
            if (tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                return k;
            }
        }

        return -1;
    }

    private static void Mark(bool[] quoted, int from, int to, ReadOnlySpan<Token> tokens, ref int words)
    {
        for (int k = from; k < to; k++)
        {
            if (!quoted[k] && tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }

            quoted[k] = true;
        }
    }

    /// <summary>
    /// A statistic in the author's voice: a number with a unit of quantity (per cent, million, a
    /// currency), or a count of 1,000 or more that is not a year.
    /// </summary>
    private static TextSpan? FindStatistic(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            Token t = tokens[i];
            if (quoted[i] || t.Kind != TokenKind.Number)
            {
                continue;
            }

            string next = i + 1 < tokens.Length ? tokens[i + 1].Lower : string.Empty;
            string next2 = i + 2 < tokens.Length ? tokens[i + 2].Lower : string.Empty;
            string prev = i > 0 ? tokens[i - 1].Text : string.Empty;
            if (next is "%" or "percent" or "million" or "billion" or "trillion" or "bn" or "m" || (next == "per" && next2 == "cent")
                || prev is "$" or "US$" or "€" or "£" or "¥" || prev.EndsWith('$') || next is "yen" or "dollars" or "euros" or "pounds" or "won" or "yuan")
            {
                return t.Span;
            }

            string digits = t.Text.Replace(",", string.Empty, StringComparison.Ordinal);
            if (double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                && value >= 1000 && !(value is >= 1800 and <= 2100 && !t.Text.Contains(',') && !digits.Contains('.')))
            {
                return t.Span;
            }
        }

        return null;
    }

    /// <summary>The class probabilities with the hedged tag's (index 1) given to the others in proportion.</summary>
    private static double[] WithoutHedge(double[] p)
    {
        double rest = 1 - p[1];
        return rest <= 0 ? [1, 0, 0, 0] : [p[0] / rest, 0, p[2] / rest, p[3] / rest];
    }

    private static double NoisyOr(double a, double b) => 1 - ((1 - a) * (1 - b));

    private static double Certainty(double p) => Math.Max(p, 1 - p);

    private static double Round(double x) => Math.Round(x, 4);
}

/// <summary>How a negative-vs-rest stage's P(negative) is mixed into the blend's (<see cref="StanceTagger.MixNegative(double[], double, double, int, int, int, StageMixing)"/>; the stage file's flags and the sentence's frame).</summary>
[Flags]
public enum StageMixing
{
    None = 0,

    /// <summary>Lowered mass to neutral alone (`--negative-stage-neutral-only`, twenty-eighth round).</summary>
    NeutralOnly = 1,

    /// <summary>Lowered mass to neutral alone where the blend read the sentence negative (`--negative-stage-neutral-where-negative`, twenty-ninth round).</summary>
    NeutralWhereNegative = 2,

    /// <summary>The stage lowers P(negative) only for a sentence <see cref="InFrame"/> (`--negative-stage-lower-prospective`, twenty-ninth round).</summary>
    LowerInFrameOnly = 4,

    /// <summary>The sentence is in a prospective frame (<see cref="ProspectiveFrame"/>).</summary>
    InFrame = 8,

    /// <summary>A sentence the blend read positive is left to the blend (`--negative-stage-keep-positive`, thirtieth round).</summary>
    KeepPositive = 16,
}
