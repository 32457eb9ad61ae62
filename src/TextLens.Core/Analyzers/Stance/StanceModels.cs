using System.Runtime.ExceptionServices;
using TextLens.Core.Features;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The stance analyzer's models, kept with the <see cref="ModelSet"/> they are read from (each loaded once, on first
/// use, through <see cref="ModelSet.Shared{T}"/>): the layer below knows nothing of them.
/// </summary>
public static class StanceModels
{
    private const string TaggerKey = "stance:tagger";
    private const string ValenceKey = "stance:valence";
    private const string EmbeddingsKey = "stance:embeddings";

    extension(ModelSet models)
    {
        /// <summary>The valence lexicon (stance).</summary>
        public ValenceLexicon Valence => models.Shared(ValenceKey, static m => m.Load(ValenceLexicon.FileName, ValenceLexicon.Load));

        /// <summary>The static token vectors of the sentence embedding (models/embeddings-minilm.bin), weighted by the background IDF.</summary>
        public SentenceEmbeddings Embeddings => models.Shared(EmbeddingsKey, static m => m.Load(SentenceEmbeddings.FileName, s => SentenceEmbeddings.Load(s, m.Background)));

        /// <summary>The stance tagger: the lexicon and the epistemic (and, where present, its second stage of trees), polarity, subjectivity and rating models (stance).</summary>
        public StanceTagger Stance => models.Shared(TaggerKey, LoadTagger);

        /// <summary>Reads one stance model of the set's folder (also for 'textlens train stance').</summary>
        public LinearStanceModel LoadStanceModel(string fileName) => models.Load(fileName, LinearStanceModel.Load);
    }

    private static StanceTagger LoadTagger(ModelSet models)
    {
        // The nine files (ten with the epistemic trees) are independent: read them in parallel, and wait for all of them.
        string[] files =
        [
            StanceTagger.PolarityModelFile, StanceTagger.PolarityRatingModelFile, StanceTagger.PolarityOrdinalModelFile,
            StanceTagger.PolarityOtherModelFile, StanceTagger.PolarityGenreModelFile,
            StanceTagger.SubjectivityModelFile, StanceTagger.SubjectivityOtherModelFile, StanceTagger.SubjectivityGenreModelFile,
            StanceTagger.EpistemicModelFile,
        ];
        Task<LinearStanceModel>[] loads = [.. files.Select(f => Task.Run(() => models.LoadStanceModel(f)))];
        // An epistemic model trained with `train stance --second-stage` (not shipped: models/stance-epistemic.md) reads its trees beside it.
        Task<EpistemicTrees?> trees = Task.Run(() => File.Exists(models.PathOf(EpistemicTrees.FileName)) ? models.Load(EpistemicTrees.FileName, EpistemicTrees.Load) : null);
        // A polarity model trained with `train stance --polarity-trees` (models/stance-polarity.md, twenty-first round) reads its trees beside it.
        Task<PolarityTrees?> polarityTrees = Task.Run(() => File.Exists(models.PathOf(PolarityTrees.FileName)) ? models.Load(PolarityTrees.FileName, PolarityTrees.Load) : null);
        // A polarity model trained with `train stance --negative-stage` (models/stance-polarity.md, twenty-fourth round) reads its negative-vs-rest stage beside it.
        Task<LinearStanceModel?> negativeStage = Task.Run(() => File.Exists(models.PathOf(StanceTagger.PolarityNegativeModelFile)) ? models.LoadStanceModel(StanceTagger.PolarityNegativeModelFile) : null);
        ValenceLexicon lexicon = models.Valence;
        try
        {
            LinearStanceModel[] m = [.. loads.Select(t => t.Result)];
            EpistemicTrees? stack = trees.Result;
            PolarityTrees? polarityStack = polarityTrees.Result;
            if (polarityStack is not null && (m[0].IsRegression || !polarityStack.Classes.SequenceEqual(m[0].Classes)))
            {
                throw new ModelLoadException(PolarityTrees.FileName, models.PathOf(PolarityTrees.FileName), $"classifies {string.Join('/', polarityStack.Classes)}, not the polarity classifier's {string.Join('/', m[0].Classes)}");
            }

            LinearStanceModel? negative = negativeStage.Result;
            if (negative is not null && StanceTagger.NegativeStageMismatch(negative, m[0]) is { } why)
            {
                throw new ModelLoadException(StanceTagger.PolarityNegativeModelFile, models.PathOf(StanceTagger.PolarityNegativeModelFile), why);
            }

            // A polarity model trained with `train stance --polar-vocabulary` (not shipped) reads its vocabulary beside it.
            PolarVocabulary? vocabulary = File.Exists(models.PathOf(PolarVocabulary.FileName)) ? models.Load(PolarVocabulary.FileName, PolarVocabulary.Load) : null;
            StanceTagger tagger = StanceTagger.Shipped(
                lexicon,
                Blend(models, StanceTagger.PolarityModelFile, m[0], m[3], m[4]),
                m[1],
                m[2],
                Blend(models, StanceTagger.SubjectivityModelFile, m[5], m[6], m[7]),
                m[8],
                vocabulary,
                stack,
                polarityStack,
                negative);

            // A polarity model trained with `train stance --embeddings` reads the static token vectors (weighted by the background IDF).
            return tagger.NeedsEmbeddings ? tagger.WithEmbeddings(models.Embeddings) : tagger;
        }
        catch (AggregateException ex) when (ex.InnerException is ModelLoadException failed)
        {
            ExceptionDispatchInfo.Throw(failed);
            throw;
        }
    }

    private static GenreBlend Blend(ModelSet models, string file, LinearStanceModel analysis, LinearStanceModel other, LinearStanceModel genre)
    {
        try
        {
            return new GenreBlend(analysis, other, genre);
        }
        catch (ArgumentException ex)
        {
            throw new ModelLoadException(file, models.PathOf(file), $"does not fit its genre blend: {ex.Message}", ex);
        }
    }
}
