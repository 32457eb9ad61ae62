using System.CommandLine;
using System.Text;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers;

namespace TextLens.Cli.Commands;

/// <summary>'textlens explain TL1234': a rule's help, an example, and how to configure or suppress it.</summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = new Argument<string>("rule-id") { Description = "The rule id, e.g. TL0005 ('textlens rules' lists them)." };
        var command = new Command("explain", "Explain a rule: what it finds, why, an example, and how to configure or suppress it.") { id };
        command.SetAction(parse => Run(parse.GetValue(id)!, BuiltInAnalyzers.CreateEngine(context.Models()).Rules, context.Console.Out));
        return command;
    }

    /// <summary>Writes the explanation; an unknown id is a usage error (exit code 2).</summary>
    public static int Run(string id, IReadOnlyList<RuleDescriptor> rules, TextWriter stdout)
    {
        RuleDescriptor rule = rules.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown rule id '{id}'; 'textlens rules' lists them.");
        stdout.Write(Format(rule));
        stdout.Flush();
        return 0;
    }

    public static string Format(RuleDescriptor rule)
    {
        var sb = new StringBuilder();
        sb.Append(rule.Id).Append(": ").Append(rule.Title).Append('\n');
        sb.Append("Category: ").Append(rule.Category).Append(" · default severity: ").Append(rule.DefaultSeverity.ToName()).Append('\n');
        sb.Append("Message: ").Append(rule.MessageFormat).Append("\n\n");
        sb.Append(Wrap(rule.Help, 100)).Append("\n\n");
        sb.Append("Example:\n");
        foreach (string line in (rule.Example ?? "(no example recorded for this rule)").Split('\n'))
        {
            sb.Append("    ").Append(line.TrimEnd('\r')).Append('\n');
        }

        sb.Append('\n');
        sb.Append("Configure: textlens_diagnostic.").Append(rule.Id).Append(".severity = none|suggestion|warning|error in .editorconfig, or --severity ")
          .Append(rule.Id).Append("=warning on the command line.\n");
        sb.Append("Suppress here: <!-- textlens-disable-next-line ").Append(rule.Id).Append(" --> (Markdown) or a line '%% textlens-disable-next-line ")
          .Append(rule.Id).Append("' (plain text); textlens-disable / textlens-enable for a region.\n");
        // Self-contained: an installed tool has no repository files to point at.
        sb.Append(rule.HelpUri is { } uri ? $"More: {uri}\n" : "Every rule: textlens rules (textlens rules --format markdown for the whole catalogue with its help).\n");
        return sb.ToString();
    }

    private static string Wrap(string text, int width)
    {
        var sb = new StringBuilder();
        int column = 0;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (column > 0 && column + 1 + word.Length > width)
            {
                sb.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                sb.Append(' ');
                column++;
            }

            sb.Append(word);
            column += word.Length;
        }

        return sb.ToString();
    }
}
