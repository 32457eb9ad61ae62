namespace TextLens.Testing;

/// <summary>Skips the current test with a reason that 'dotnet test' prints at its default verbosity.</summary>
internal static class VisibleSkip
{
    public static void Now(string reason)
    {
        // The skip reason reaches 'dotnet test' at its default verbosity only as a diagnostic message
        // (tests/Common/xunit.runner.json turns them on); Assert.Skip records it on the result.
        TestContext.Current.SendDiagnosticMessage("skipped {0}: {1}", TestContext.Current.Test?.TestDisplayName, reason);
        Assert.Skip(reason);
    }
}
