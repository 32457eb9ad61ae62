namespace TextLens.Core.Parsing;

/// <summary>
/// Where a parsed document gets its part-of-speech tagger: the one model parsing needs, seen through an interface of
/// its own so that parsing depends on nothing above it (the model set implements it and loads the tagger on first use).
/// </summary>
public interface IPartOfSpeechSource
{
    /// <summary>The tagger (loaded on first use).</summary>
    PartOfSpeechTagger PartOfSpeech { get; }
}
