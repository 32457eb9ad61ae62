using System.Globalization;

namespace TextLens.Core.Reporting.Formats;

/// <summary>A count with its noun, as every format writes a document's size: "1 sentence", "1,204 sentences".</summary>
internal static class Counted
{
    public static string Of(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
