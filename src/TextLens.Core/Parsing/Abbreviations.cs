namespace TextLens.Core.Parsing;

/// <summary>Abbreviations whose period does not end a sentence, by how they behave.</summary>
internal static class Abbreviations
{
    /// <summary>Titles and forms that are always followed by more of the sentence.</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
        "rep", "reps", "sen", "sens", "gov", "pres", "hon", "rev", "fr", "messrs", "mt", "ft", "vs", "v",
        "e.g", "i.e", "cf", "viz", "approx", "est", "dept", "univ", "assn", "bros", "fig", "figs", "vol", "vols",
        "pp", "ch", "sec", "art", "para", "eq", "al",
    };

    /// <summary>Abbreviations that take a period only before a number (No. 5, Jan. 12, Art. 3).</summary>
    public static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "p", "op",
    };

    /// <summary>Abbreviations that often end a sentence too (etc., Inc., Ltd.).</summary>
    public static readonly HashSet<string> MaybeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "etc", "inc", "ltd", "co", "corp", "plc", "llc", "jr", "sr", "bros", "al",
    };

    /// <summary>Capitalised words that usually start a new sentence; after an ambiguous abbreviation they mark a boundary.</summary>
    public static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
        "His", "Her", "Their", "Our", "But", "And", "Or", "So", "Yet", "However", "In", "On", "At", "For", "As",
        "If", "When", "While", "After", "Before", "Since", "Although", "Though", "Because", "There", "Here",
        "Many", "Most", "Some", "Several", "All", "Both", "Each", "One", "Two", "Such", "What", "Why", "How",
        "Who", "Where", "Meanwhile", "Still", "Moreover", "Furthermore", "Also", "Then", "Today", "Yesterday",
        "Despite", "With", "Without", "Under", "According", "From", "By", "To", "No", "Not", "Other", "Given",
    };
}
