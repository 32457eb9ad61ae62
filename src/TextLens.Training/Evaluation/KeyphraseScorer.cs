using System.Collections.Concurrent;
using System.Text;

namespace TextLens.Training.Evaluation;

/// <summary>One labelled document: its id, its text and its gold keyphrases.</summary>
public sealed record KeyphraseDocument(string Id, string Text, IReadOnlyList<string> Keyphrases);

/// <summary>P, R and F1 at one cut-off k: macro averages over documents (primary), plus micro figures.</summary>
public sealed record KeyphraseScoreAtK(int K, double Precision, double Recall, double F1, double MicroPrecision, double MicroRecall, double MicroF1, int Correct);

/// <summary>The scores of a prediction set, with the document counts the reference scorer prints.</summary>
public sealed record KeyphraseScores(int GoldDocuments, int ScoredDocuments, int DocumentsWithoutPrediction, int EmptyGoldExcluded, IReadOnlyList<KeyphraseScoreAtK> AtK);

/// <summary>
/// Keyphrase P/R/F1@k computed exactly as ../shared/tools/kp_score.py computes them (default
/// settings): every phrase is normalised by NFKC → lower case → split on runs of characters that
/// are not letters or digits → original Porter stem per word (a word whose stem is empty is kept);
/// gold phrases are de-duplicated after normalisation, predictions are de-duplicated (first kept,
/// empty dropped) before the top-k cut; P = correct / min(k, #predictions), R = correct / #gold,
/// macro-averaged over documents with non-empty gold; a document without predictions scores 0.
/// </summary>
public static class KeyphraseScorer
{
    private static readonly ConcurrentDictionary<string, string> StemCache = new(StringComparer.Ordinal);

    /// <summary>The words of a phrase as the scorer sees them (before stemming).</summary>
    public static List<string> Words(string phrase)
    {
        string text = phrase.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (Rune r in text.EnumerateRunes())
        {
            if (Rune.IsLetter(r) || Rune.IsNumber(r))
            {
                current.Append(r.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The normalised form two phrases are matched by.</summary>
    public static string Normalize(string phrase) =>
        string.Join(' ', Words(phrase).Select(static w => StemCache.GetOrAdd(w, static t => OriginalPorterStemmer.Stem(t) is { Length: > 0 } s ? s : t)));

    public static KeyphraseScores Score(IReadOnlyList<KeyphraseDocument> gold, IReadOnlyDictionary<string, IReadOnlyList<string>> predictions, IReadOnlyList<int> ks)
    {
        var rows = new List<(int Gold, int[] Correct, int[] Returned)>();
        int missing = 0;
        int emptyGold = 0;
        foreach (KeyphraseDocument doc in gold)
        {
            var goldSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (string k in doc.Keyphrases)
            {
                string n = Normalize(k);
                if (n.Length > 0)
                {
                    goldSet.Add(n);
                }
            }

            if (!predictions.TryGetValue(doc.Id, out IReadOnlyList<string>? raw))
            {
                missing++;
                raw = [];
            }

            if (goldSet.Count == 0)
            {
                emptyGold++;
                continue;
            }

            var predicted = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string k in raw)
            {
                string n = Normalize(k);
                if (n.Length > 0 && seen.Add(n))
                {
                    predicted.Add(n);
                }
            }

            var correct = new int[ks.Count];
            var returned = new int[ks.Count];
            for (int j = 0; j < ks.Count; j++)
            {
                int top = Math.Min(ks[j], predicted.Count);
                returned[j] = top;
                for (int i = 0; i < top; i++)
                {
                    correct[j] += goldSet.Contains(predicted[i]) ? 1 : 0;
                }
            }

            rows.Add((goldSet.Count, correct, returned));
        }

        var atK = new List<KeyphraseScoreAtK>(ks.Count);
        for (int j = 0; j < ks.Count; j++)
        {
            double p = 0, r = 0, f = 0;
            int c = 0, np = 0, ng = 0;
            foreach ((int g, int[] correct, int[] returned) in rows)
            {
                double pd = returned[j] > 0 ? (double)correct[j] / returned[j] : 0.0;
                double rd = (double)correct[j] / g;
                p += pd;
                r += rd;
                f += pd + rd > 0 ? 2 * pd * rd / (pd + rd) : 0.0;
                c += correct[j];
                np += returned[j];
                ng += g;
            }

            int n = Math.Max(1, rows.Count);
            double mp = np > 0 ? (double)c / np : 0.0;
            double mr = ng > 0 ? (double)c / ng : 0.0;
            atK.Add(new KeyphraseScoreAtK(ks[j], p / n, r / n, f / n, mp, mr, mp + mr > 0 ? 2 * mp * mr / (mp + mr) : 0.0, c));
        }

        return new KeyphraseScores(gold.Count, rows.Count, missing, emptyGold, atK);
    }
}
