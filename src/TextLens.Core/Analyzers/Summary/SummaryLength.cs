namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// The length rule: how many sentences summarise a document, scaled to its length. Three for a
/// document of up to 40 eligible sentences (a news story), four up to 150 (an article or brief),
/// five beyond (a report); never more than a third of the eligible sentences (rounded up), so a short
/// note is not "summarised" by most of itself. A fixed budget (report <c>--summary-sentences</c>,
/// eval <c>--sentences</c>) overrides the rule.
/// </summary>
public static class SummaryLength
{
    public const int Minimum = 3;

    public const int Maximum = 5;

    public static int Budget(int eligibleSentences, int? fixedBudget = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleSentences);
        if (fixedBudget is { } k)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k, nameof(fixedBudget));
            return Math.Min(k, eligibleSentences);
        }

        int byLength = eligibleSentences switch
        {
            <= 40 => Minimum,
            <= 150 => Minimum + 1,
            _ => Maximum,
        };
        return Math.Min(byLength, (eligibleSentences + 2) / 3);
    }
}
