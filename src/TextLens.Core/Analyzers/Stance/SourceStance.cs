using System.Collections.Frozen;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The stance of a sentence's sources and the progress of what it reports, for the polarity classifier (a model trained with
/// `train stance --source-stance`, <see cref="LinearStanceModel.ReadsSourceStance"/>). Analysis prose reports the sides of a
/// debate through their sources: "Supporters claim the programs keep U.S. agricultural products competitive", "Proponents
/// maintain that such programs support U.S. jobs", "Some have credited private funding with helping…" read positive to a
/// reader; "Critics of export promotion programs claim…", "China and Russia condemned the deployment" negative. Progress of a
/// programme is good news stated flatly ("The Army Transformation Initiative will accelerate this program", "plans remain on
/// track"). Each cue word is rare (one or two sentences per report), so its hashed unigram learns little in a fold; pooled
/// into a named feature per kind it is learnt across reports. Three named features (saturated counts n / (n + 1)), read by
/// the in-domain classifier only, as the previous sentence's are (<see cref="PolarityContext"/>): <c>src:pro</c>,
/// <c>src:con</c>, <c>src:progress</c>. Tried, not shipped (the seed check fell); screened forms that did not help
/// (negated good things, countered bad things):
/// models/stance-polarity.md.
/// </summary>
public static class SourceStance
{
    /// <summary>Sources on the side of what they speak of, and their acts of approval.</summary>
    private static readonly FrozenSet<string> Pro = FrozenSet.Create(StringComparer.Ordinal,
        "supporters", "proponents", "advocates", "champions", "credited", "credit", "praised", "praise", "welcomed", "endorsed",
        "applauded", "lauded", "hailed");

    /// <summary>Sources against what they speak of, and their acts of disapproval.</summary>
    private static readonly FrozenSet<string> Con = FrozenSet.Create(StringComparer.Ordinal,
        "critics", "opponents", "skeptics", "sceptics", "detractors", "criticized", "criticised", "condemned", "decried",
        "denounced", "complained");

    /// <summary>
    /// Progress of a programme or a schedule. "track" counts only in "on track", "ahead" only in "ahead of schedule", "speed"
    /// only in "speed up".
    /// </summary>
    private static readonly FrozenSet<string> Progress = FrozenSet.Create(StringComparer.Ordinal,
        "accelerate", "accelerates", "accelerated", "accelerating", "acceleration", "expedite", "expedited", "expediting",
        "milestone", "track", "ahead", "advancing", "speed");

    /// <summary>The named features of a sentence's lower-cased words (<see cref="DocumentTone.Words"/>).</summary>
    public static IReadOnlyList<(string Name, float Value)> Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        int pro = 0, con = 0, progress = 0;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            pro += Pro.Contains(w) ? 1 : 0;
            con += Con.Contains(w) ? 1 : 0;
            progress += Progress.Contains(w) && IsProgress(words, i) ? 1 : 0;
        }

        return [("src:pro", Saturate(pro)), ("src:con", Saturate(con)), ("src:progress", Saturate(progress))];
    }

    private static bool IsProgress(IReadOnlyList<string> words, int i) => words[i] switch
    {
        "track" => i > 0 && words[i - 1] == "on",
        "ahead" => i + 2 < words.Count && words[i + 2] == "schedule",
        "speed" => i + 1 < words.Count && words[i + 1] == "up",
        _ => true,
    };

    private static float Saturate(int n) => n / (n + 1f);
}
