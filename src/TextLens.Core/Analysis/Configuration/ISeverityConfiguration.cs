namespace TextLens.Core.Analysis.Configuration;

/// <summary>Decides the severity of a rule for one document.</summary>
public interface ISeverityConfiguration
{
    Severity GetSeverity(RuleDescriptor rule, string documentPath);
}

/// <summary>Every rule at its default severity.</summary>
public sealed class DefaultSeverities : ISeverityConfiguration
{
    public static readonly DefaultSeverities Instance = new();

    public Severity GetSeverity(RuleDescriptor rule, string documentPath) => rule.DefaultSeverity;
}
