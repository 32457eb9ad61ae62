using System.CommandLine;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Commands;

/// <summary>'textlens rules': the rule catalogue as a table or JSON.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = new Option<string>("--format", "-f") { Description = "table, json or markdown.", DefaultValueFactory = _ => "table" };
        var command = new Command("rules", "List every rule: id, category, default severity and title.") { format };
        command.SetAction(parse => Run(parse.GetValue(format)!, BuiltInAnalyzers.CreateEngine(context.Models()).Rules, context.Console.Out));
        return command;
    }

    /// <summary>Writes the catalogue in <paramref name="format"/> (table, json or markdown); another format is a usage error.</summary>
    public static int Run(string format, IReadOnlyList<RuleDescriptor> rules, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        switch (format)
        {
            case "json":
                var rows = rules.Select(r => new
                {
                    id = r.Id,
                    title = r.Title,
                    category = r.Category,
                    defaultSeverity = r.DefaultSeverity.ToName(),
                    messageFormat = r.MessageFormat,
                    help = r.Help,
                    helpUri = r.HelpUri,
                });
                stdout.Write(JsonSerializer.Serialize(rows, JsonReportFormatter.Options) + "\n");
                return 0;
            case "markdown":
                stdout.Write(RuleCatalogDocument.ToMarkdown(rules));
                return 0;
            case "table":
                stdout.Write($"{"ID",-7} {"CATEGORY",-10} {"SEVERITY",-10} TITLE\n");
                foreach (RuleDescriptor r in rules)
                {
                    stdout.Write($"{r.Id,-7} {r.Category,-10} {r.DefaultSeverity.ToName(),-10} {r.Title}\n");
                }

                return 0;
            default:
                throw new UsageException($"rules --format must be table, json or markdown, not '{format}'.");
        }
    }
}
