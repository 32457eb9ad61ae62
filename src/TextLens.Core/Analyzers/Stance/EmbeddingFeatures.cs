using TextLens.Core.Features;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The sentence's static embedding (<see cref="SentenceEmbeddings"/>) as named features of a polarity model trained with
/// `train stance --embeddings` (<see cref="LinearStanceModel.ReadsEmbeddings"/>): one feature per dimension, "emb:0" …
/// "emb:383", valued by the unit vector's component. Bag-of-words features know only the words seen in training; the
/// embedding places an unseen word ("plummeted", "bolstered") beside the polar words the encoder learned it resembles.
/// </summary>
public static class EmbeddingFeatures
{
    /// <summary>
    /// Each component is multiplied by this (with the models' shared L2 penalty, a smaller scale holds the embedding's weights
    /// back): 0.5 was tried and lowered both CRS and NYT (models/stance-polarity.md).
    /// </summary>
    internal const float Scale = 1f;

    private static readonly string[] Names = [.. Enumerable.Range(0, 1024).Select(d => "emb:" + d.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The named features of <paramref name="text"/>'s embedding (none where no word of it is known).</summary>
    public static IReadOnlyList<(string Name, float Value)> Of(SentenceEmbeddings embeddings, string text)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        float[] vector = embeddings.Embed(text);
        var features = new List<(string Name, float Value)>(vector.Length);
        for (int d = 0; d < vector.Length && d < Names.Length; d++)
        {
            if (vector[d] != 0)
            {
                features.Add((Names[d], vector[d] * Scale));
            }
        }

        return features;
    }
}
