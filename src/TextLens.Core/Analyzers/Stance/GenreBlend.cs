namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// A classifier of one stance axis that reads prose of two genres: the model trained on every source
/// (<see cref="Analysis"/>, which weighs the in-domain analysis prose up), a model trained on the other
/// genre's sources only (<see cref="Other"/>: news and opinion writing), and a genre gate that estimates
/// P(analysis prose) of the sentence. The class probabilities are the gate's mixture of the two, so
/// analysis prose is read by the in-domain model and news prose keeps the reading of its own data.
/// Immutable and thread-safe.
/// </summary>
public sealed class GenreBlend
{
    /// <summary>The gate's classes: the other genre, then analysis prose.</summary>
    public static readonly IReadOnlyList<string> GenreClasses = ["other", "analysis"];

    public GenreBlend(LinearStanceModel analysis, LinearStanceModel other, LinearStanceModel genre)
    {
        if (analysis.IsRegression || !analysis.Classes.SequenceEqual(other.Classes) || analysis.Axis != other.Axis)
        {
            throw new ArgumentException("The two genre models must classify the same classes of the same axis.", nameof(other));
        }

        if (genre.IsRegression || !genre.Classes.SequenceEqual(GenreClasses) || genre.FeatureVersion != analysis.FeatureVersion)
        {
            throw new ArgumentException("The genre gate must classify other/analysis on the same features.", nameof(genre));
        }

        Analysis = analysis;
        Other = other;
        Genre = genre;
    }

    public LinearStanceModel Analysis { get; }

    public LinearStanceModel Other { get; }

    public LinearStanceModel Genre { get; }

    /// <summary>P(analysis prose) of a sentence by the gate.</summary>
    public double AnalysisProbability(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => Genre.Predict(indices, values)[1];

    /// <summary>The class probabilities: P(analysis) × the analysis model's + (1 − P(analysis)) × the other model's.</summary>
    public double[] Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => Predict(indices, values, indices, values);

    /// <summary>
    /// The class probabilities where the analysis model reads more than the sentence (<paramref name="contextIndices"/>: its
    /// features with the previous sentence's, <see cref="PolarityContext"/>) and the gate and the other model read the
    /// sentence's own features (<paramref name="indices"/>).
    /// </summary>
    public double[] Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ReadOnlySpan<int> contextIndices, ReadOnlySpan<float> contextValues)
        => Mix(Genre.Predict(indices, values), Analysis.Predict(contextIndices, contextValues), Other.Predict(indices, values));

    /// <summary>
    /// The class probabilities from the outputs of the three models (<paramref name="genre"/>: the gate's; <paramref name="analysis"/>,
    /// overwritten and returned: the analysis model's; <paramref name="other"/>: the other model's), as <see cref="Predict(ReadOnlySpan{int}, ReadOnlySpan{float}, ReadOnlySpan{int}, ReadOnlySpan{float})"/> mixes them.
    /// </summary>
    internal static double[] Mix(double[] genre, double[] analysis, double[] other)
    {
        double g = genre[1];
        double[] a = analysis;
        double[] o = other;
        for (int c = 0; c < a.Length; c++)
        {
            a[c] = (g * a[c]) + ((1 - g) * o[c]);
        }

        return a;
    }
}
